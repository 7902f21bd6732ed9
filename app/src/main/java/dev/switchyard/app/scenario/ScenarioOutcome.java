package dev.switchyard.app.scenario;

import java.util.List;

/**
 * One simulated scenario as the screens show it: headline figures, per-month figures with their
 * spread across replications, satisfaction per SLA window, the model mix, and the router's
 * learning trace. Built from the engine's result by {@link PlannerEngine}; carries seed and
 * engine version so every figure can be reproduced.
 *
 * <p>The headline figures are the engine planner's judgement of the run (decision 0701), the same figures the
 * recommendation and the Negotiate screen show for the same setting; the app recomputes none of them.
 *
 * @param monthlySpend mean spend per month over the horizon (USD)
 * @param costPer1k USD per 1,000 requests
 * @param satisfaction realised share of satisfied requests (hidden truth), whole horizon
 * @param breachProbability the chance that a contract window (the scenario's day, week, month or N requests) ends
 *     below the contract target, pooled over replications ({@link Judgement} has its interval)
 * @param windowCompliance expected share of contract windows at or above the target (1 - breachProbability)
 * @param windows satisfaction of each complete contract window of the first replication
 * @param partialWindow the trailing partial window, reported apart; null when the horizon holds whole windows only
 * @param judgement how the planner judged the run: the router's aim, the contract, the breach interval
 * @param latency the engine's latency figures (p95, compliance with the latency target, rate-limited share); null
 *     when the engine reported none
 * @param savingsVsBestFixed 1 - cost / cost of the best fixed model
 * @param requestShareByMonth [month][model] share of requests
 * @param spendShare [model] share of spend over the horizon
 * @param notes what the user must know to read the figures (scaling, sampling error, bounds)
 * @param fidelity how much was simulated; a preview is replaced by the full run moments later
 */
public record ScenarioOutcome(
        ScenarioSettings settings,
        String routerDisplayName,
        boolean reconstructed,
        double monthlySpend,
        double costPer1k,
        double satisfaction,
        double breachProbability,
        double savingsVsBestFixed,
        double windowCompliance,
        List<Month> months,
        List<Window> windows,
        PartialWindow partialWindow,
        List<String> models,
        double[][] requestShareByMonth,
        double[] spendShare,
        List<Tier> tiers,
        Trace trace,
        long seed,
        String engineVersion,
        List<String> notes,
        Fidelity fidelity,
        Judgement judgement,
        Latency latency) {

    /** An outcome without latency figures (test doubles). */
    public ScenarioOutcome(ScenarioSettings settings, String routerDisplayName, boolean reconstructed, double monthlySpend,
                           double costPer1k, double satisfaction, double breachProbability, double savingsVsBestFixed,
                           double windowCompliance, List<Month> months, List<Window> windows, PartialWindow partialWindow,
                           List<String> models, double[][] requestShareByMonth, double[] spendShare, List<Tier> tiers,
                           Trace trace, long seed, String engineVersion, List<String> notes, Fidelity fidelity,
                           Judgement judgement) {
        this(settings, routerDisplayName, reconstructed, monthlySpend, costPer1k, satisfaction, breachProbability,
                savingsVsBestFixed, windowCompliance, months, windows, partialWindow, models, requestShareByMonth, spendShare,
                tiers, trace, seed, engineVersion, notes, fidelity, judgement, null);
    }

    public ScenarioOutcome {
        months = List.copyOf(months);
        windows = List.copyOf(windows);
        models = List.copyOf(models);
        tiers = List.copyOf(tiers);
        notes = List.copyOf(notes);
    }

    /**
     * The engine's latency figures (decision 1400), milliseconds.
     *
     * @param metric the constrained metric, "ttft" or "total"
     * @param targetMs L; +Infinity when the scenario has no latency target
     * @param percentile the target's percentile
     * @param p95Ms p95 of the constrained metric over the run (mean over replications)
     * @param percentileMs the constrained metric at the target's percentile
     * @param windowCompliance share of complete SLA windows whose percentile meets L (NaN without a target)
     * @param rateLimitedShare share of requests a rate limit sent to a fallback model
     * @param windowPercentiles replication 0: the constrained metric's percentile per complete SLA window
     */
    public record Latency(String metric, double targetMs, double percentile, double p95Ms, double percentileMs,
                          double windowCompliance, double rateLimitedShare, List<Double> windowPercentiles,
                          double ttftP50, double ttftP95, double ttftP99, String worstTier, double worstTierCompliance) {
        public Latency {
            windowPercentiles = List.copyOf(windowPercentiles);
        }

        /** True when the engine judged latency per tier and names the tier whose windows kept the target least often. */
        public boolean hasWorstTier() {
            return worstTier != null && Double.isFinite(worstTierCompliance);
        }

        public boolean hasTarget() {
            return Double.isFinite(targetMs);
        }
    }

    /** Month {@code month} (1-based), mean and P10-P90 across replications. */
    public record Month(int month, double requests, double spendMean, double spendP10, double spendP90,
                        double satisfactionMean, double satisfactionP10, double satisfactionP90, double breachProbability) {
    }

    /** One SLA window of the first replication, in order. */
    public record Window(long index, double satisfaction) {
    }

    /**
     * The trailing partial window: its index after the complete ones, its satisfaction (NaN when the engine could not
     * judge it: too few simulated requests), its size as a share of a full one.
     */
    public record PartialWindow(long index, double satisfaction, double share) {
    }

    /**
     * The planner's judgement of the run against the contract.
     *
     * @param aim the target the router was set to (above {@code target} when the planner added a margin)
     * @param target the contract target the figures are judged against
     * @param window the contract window in words ("week")
     * @param windows contract windows judged, pooled over replications
     * @param breachLow lower end of the breach probability's 90% interval (NaN when unknown)
     * @param breachHigh upper end
     * @param meetsSla the promise holds (mean, breach chance and every tier target within the planner's limits)
     * @param reason why not, in words; empty when it holds
     */
    public record Judgement(double aim, double target, String window, int windows, double breachLow, double breachHigh,
                            boolean meetsSla, String reason) {
        public Judgement {
            reason = reason == null ? "" : reason;
        }

        /** For test doubles: a judgement without an interval. */
        public static Judgement of(double target, String window, boolean meets) {
            return new Judgement(target, target, window, 0, Double.NaN, Double.NaN, meets, "");
        }
    }

    /**
     * Figures for one SLA tier of the traffic (gold / silver / bronze).
     *
     * @param breachProbability the chance a contract window of this tier ends below its target (NaN when unknown)
     * @param meetsTarget the tier keeps its target as the planner judges it
     */
    public record Tier(String name, double share, double satisfaction, double costPer1k, double breachProbability,
                       boolean meetsTarget) {
        public Tier(String name, double share, double satisfaction, double costPer1k) {
            this(name, share, satisfaction, costPer1k, Double.NaN, true);
        }
    }

    /** The router's internal state over time (lambda, or a virtual queue), first replication. */
    public record Trace(String label, String explanation, double[] requests, double[] values) {
        public static Trace none(String why) {
            return new Trace("", why, new double[0], new double[0]);
        }

        public boolean isEmpty() {
            return values.length == 0;
        }
    }

    public boolean isPreview() {
        return fidelity == Fidelity.PREVIEW;
    }

    public double target() {
        return settings.target();
    }

    /** The target the tier is held to: its own, else the scenario's. */
    public double tierTarget(String tier) {
        return settings.targetFor(tier);
    }

    /** A short name for pinned scenarios: "SLARouter @ 90%, feedback 20%". */
    public String label() {
        return routerDisplayName + " @ " + Math.round(settings.target() * 1000) / 10.0 + "%, feedback "
                + Math.round(settings.feedbackRate() * 100) + "%";
    }
}
