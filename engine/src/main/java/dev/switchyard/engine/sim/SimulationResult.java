package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RouterDescriptor;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a scenario across its replications (spec section 4): spend, quality, SLA
 * compliance, model mix and learning traces, each as mean with P10-P90 across replications. Carries
 * the seed, the engine version and the scenario so every number can be traced back.
 *
 * @param bound true for the oracles: a lower bound, not a deployable router
 * @param scaled true when part of the horizon was subsampled and weighted up (see {@code scalingNote})
 * @param cumulativeCompliant final cumulative satisfaction at or above tau in every replication
 * @param cumulativeComplianceRate share of replications whose cumulative satisfaction meets tau
 * @param windowCompliance share of SLA windows (the scenario's window) at or above tau
 * @param firstRequestStayingAbove first request after which the running mean stays at or above tau (NaN-free
 *     replications only; -1 entries, which end below tau, are excluded)
 * @param trace the learning trace of replication 0
 * @param learnedState what replication 0's router learned (for the configuration export)
 * @param cheapestMeetingTargetModel the cheapest single model whose mean score meets tau on the reference data
 *     (decision 0308), or null when none does
 * @param savingsVsCheapestMeetingTarget 1 - cost / cost of that model on the same stream; NaN when none meets tau
 * @param monthlySpend mean spend per month over the horizon (total / months), across replications: the one
 *     monthly-spend figure the CLI, the report and the app show
 * @param warnings assumptions the engine had to change or could not honour (e.g. a capped false-report rate)
 * @param partialWindow satisfaction of the trailing partial SLA window (decision 0308: reported apart, not in
 *     {@code windowCompliance} or {@code worstWindow}); NaN when the horizon holds whole windows only
 * @param monthlyBreachProbability mean over months and replications of the probability that the month's real
 *     requests end below tau (decision 0900: at real volume, not of the simulated count)
 * @param monthlyBreachProbabilityInterval 90% interval of {@code monthlyBreachProbability} ({@link Interval})
 * @param windowComplianceInterval 90% interval of {@code windowCompliance.mean}
 * @param savingsVsBestFixedInterval 90% interval of {@code savingsVsBestFixed.mean} (Student t over replications)
 * @param repeatFactor requests the router saw per distinct query of the pool (above 2 a prompt-memorising
 *     predictor looks better than on fresh traffic)
 * @param replicationStop how the number of replications was decided (as asked, or adaptively: interval narrow
 *     enough, or time budget spent)
 * @param latency latency percentiles, latency-window compliance and rate-limited share (decision 1400); null only for
 *     results built without a simulation (tests, stored results from before issue 14)
 */
public record SimulationResult(
        String engineVersion,
        long seed,
        ScenarioInfo scenario,
        RouterDescriptor router,
        boolean bound,
        boolean scaled,
        String scalingNote,
        long requests,
        long simulatedRequests,
        String bestFixedModel,
        Spread meanSatisfaction,
        Spread estimatedSatisfaction,
        Spread totalCost,
        Spread costPerRequest,
        Spread costPer1000,
        Spread explorationShare,
        Spread savingsVsBestFixed,
        Spread ratioToSlaOracle,
        Spread slaOracleCostPerRequest,
        Spread finalMargin,
        boolean cumulativeCompliant,
        double cumulativeComplianceRate,
        Spread windowCompliance,
        Spread worstWindow,
        Spread dailyCompliance,
        Spread weeklyCompliance,
        Spread monthlyCompliance,
        Spread firstRequestStayingAbove,
        Spread satisfactionSamplingError,
        Spread totalCostSamplingError,
        List<MonthStats> months,
        List<ModelStats> models,
        List<CategoryStats> categories,
        List<TierStats> tiers,
        List<TracePoint> trace,
        LearnedState learnedState,
        List<ReplicationResult> replications,
        String cheapestMeetingTargetModel,
        Spread savingsVsCheapestMeetingTarget,
        Spread monthlySpend,
        List<String> warnings,
        Spread partialWindow,
        double monthlyBreachProbability,
        Interval monthlyBreachProbabilityInterval,
        Interval windowComplianceInterval,
        Interval savingsVsBestFixedInterval,
        double repeatFactor,
        String replicationStop,
        LatencyStats latency) {

    public SimulationResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * P(breached month): the mean over the horizon's months of the share of replications whose month ends below
     * tau (the figure the report and the app's breach tile show).
     */
    public double meanMonthlyBreachProbability() {
        return months.isEmpty() ? Double.NaN
                : months.stream().mapToDouble(MonthStats::breachProbability).average().orElse(Double.NaN);
    }

    /** What the result was computed from. */
    public record ScenarioInfo(String name, String sample, int sampleQueries, int evaluationQueries, int calibrationQueries,
            List<String> models, String costBasis, String priorSource, String router, Map<String, String> routerParameters,
            String predictor, double target, String window, long windowRequests, String feedbackKind, double feedbackRate,
            double falseReportRate, long feedbackDelayRequests, double assumedFeedbackRate, long requestsPerMonth,
            double monthlyGrowth, int months, boolean mixShift, int replications, double calibrationFraction,
            int exactDays, long maxSimulatedPerMonth) {
    }

    /**
     * One month: volume, spend and satisfaction across replications, and the chance it breaches tau.
     *
     * @param satisfaction the month's real mean satisfaction: mean, and P10/P90 of the replications' real-volume
     *     distributions taken together (decision 0900)
     * @param breachProbability probability that the month's real requests end below tau (mean over replications)
     * @param breachProbabilityInterval its 90% interval
     * @param simulatedBreachShare share of replications whose simulated month ended below tau (the old, count-based
     *     figure; at a scaled month's simulated count its spread is too wide)
     */
    public record MonthStats(int month, double requests, Spread cost, Spread satisfaction, double breachProbability,
            Map<String, Double> modelShare, Interval breachProbabilityInterval, double simulatedBreachShare) {
    }

    /** One model's share of requests and of spend. */
    public record ModelStats(String model, Spread requestShare, Spread spendShare) {
    }

    /** One category: its share of traffic, satisfaction, cost and model mix (replication means). */
    public record CategoryStats(String category, double requestShare, Spread satisfaction, Spread costPerRequest,
            Map<String, Double> modelShare) {
    }

    /** One SLA tier (gold/silver/bronze...): satisfaction, cost and share of days at or above tau. */
    public record TierStats(String tier, double requestShare, Spread satisfaction, Spread costPerRequest,
            Spread dailyCompliance) {
    }

    /** This result without the replications' detail (for JSON output and stored results). */
    public SimulationResult withoutReplications() {
        return withDetail(trace, List.of());
    }

    /** This result without the replications and the learning trace (a sweep point). */
    public SimulationResult slim() {
        return withDetail(List.of(), List.of());
    }

    /** This result with another trace and another replication list; every other field kept. */
    public SimulationResult withDetail(List<TracePoint> newTrace, List<ReplicationResult> newReplications) {
        return new SimulationResult(engineVersion, seed, scenario, router, bound, scaled, scalingNote, requests,
                simulatedRequests, bestFixedModel, meanSatisfaction, estimatedSatisfaction, totalCost, costPerRequest,
                costPer1000, explorationShare, savingsVsBestFixed, ratioToSlaOracle, slaOracleCostPerRequest, finalMargin,
                cumulativeCompliant, cumulativeComplianceRate, windowCompliance, worstWindow, dailyCompliance,
                weeklyCompliance, monthlyCompliance, firstRequestStayingAbove, satisfactionSamplingError,
                totalCostSamplingError, months, models, categories, tiers, newTrace, learnedState, newReplications,
                cheapestMeetingTargetModel, savingsVsCheapestMeetingTarget, monthlySpend, warnings, partialWindow,
                monthlyBreachProbability, monthlyBreachProbabilityInterval, windowComplianceInterval,
                savingsVsBestFixedInterval, repeatFactor, replicationStop, latency);
    }

    /** Model id -> mean share of requests (the CLI's {@code modelShare}). */
    public Map<String, Double> modelShare() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (ModelStats m : models) {
            out.put(m.model(), m.requestShare().mean());
        }
        return out;
    }
}
