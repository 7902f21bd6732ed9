package dev.switchyard.app.scenario;

import java.util.List;

/**
 * One simulated scenario as the screens show it: headline figures, per-month figures with their
 * spread across replications, satisfaction per SLA window, the model mix, and the router's
 * learning trace. Built from the engine's result by {@link PlannerEngine}; carries seed and
 * engine version so every figure can be reproduced.
 *
 * @param monthlySpend mean spend per month over the horizon (USD)
 * @param costPer1k USD per 1,000 requests
 * @param satisfaction realised share of satisfied requests (hidden truth), whole horizon
 * @param breachProbability across replications, the chance that a given month misses the target
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
        List<String> models,
        double[][] requestShareByMonth,
        double[] spendShare,
        List<Tier> tiers,
        Trace trace,
        long seed,
        String engineVersion,
        List<String> notes,
        Fidelity fidelity) {

    public ScenarioOutcome {
        months = List.copyOf(months);
        windows = List.copyOf(windows);
        models = List.copyOf(models);
        tiers = List.copyOf(tiers);
        notes = List.copyOf(notes);
    }

    /** Month {@code month} (1-based), mean and P10-P90 across replications. */
    public record Month(int month, double requests, double spendMean, double spendP10, double spendP90,
                        double satisfactionMean, double satisfactionP10, double satisfactionP90, double breachProbability) {
    }

    /** One SLA window of the first replication, in order. */
    public record Window(long index, double satisfaction) {
    }

    /** Figures for one SLA tier of the traffic (gold / silver / bronze). */
    public record Tier(String name, double share, double satisfaction, double costPer1k) {
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
