package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.LearnedState;
import java.util.List;

/**
 * Everything one replication measured, in realised USD and hidden-truth satisfaction. Sums are
 * weighted to the full volume when the run was scaled. Arrays are indexed by day, month, model
 * (pool order), category (sample dictionary) or SLA tier (sample dictionary).
 *
 * @param firstRequestStayingAbove first request (1-based, represented) after which the running
 *     mean satisfaction never fell below the target again; -1 when it ends below
 * @param satisfactionStdErr sampling error of the mean satisfaction due to scaling (0 when exact)
 * @param totalCostStdErr sampling error of the total cost due to scaling, USD (0 when exact)
 * @param cheapestMeetingTargetCost what the cheapest single model meeting tau would have cost on the same
 *     stream (USD, weighted like {@code totalCost}); NaN when no single model meets tau
 * @param monthExpectedSatisfaction each month's mean satisfaction at real volume: realised over its exact days,
 *     expected over its scaled days (RealVolume, decision 0900)
 * @param monthSatisfactionSd standard deviation of a month's real mean satisfaction given its exact days (0 for an
 *     exact month)
 * @param monthBreachProbability probability that the month's real requests end below the target (1 or 0 for an
 *     exact month)
 * @param limitedMonths months whose scaled estimate is noisy against the real spread (few simulated requests, or
 *     row-level expected scores): their breach probability leans towards one half
 * @param tierDayRequests requests per (SLA tier, day), {@code [tier * days + day]} (per-tier windows of any length)
 * @param tierDaySatisfied satisfied requests per (SLA tier, day), same layout
 * @param planningDays which days were scaled and how many requests each simulated (null when every day was exact)
 * @param tierPlanningDays the same per (SLA tier, day), tier-major (null when every day was exact)
 * @param latency the replication's latency figures (LatencyMetrics, decision 1400)
 */
public record ReplicationResult(
        int replication,
        long representedRequests,
        long simulatedRequests,
        double totalCost,
        double explorationCost,
        double bestFixedCost,
        double slaOracleCost,
        double satisfied,
        double servedScore,
        double estimatedSatisfaction,
        long firstRequestStayingAbove,
        WindowStats scenarioWindows,
        WindowStats daily,
        WindowStats weekly,
        WindowStats monthly,
        double[] dayRequests,
        double[] daySatisfied,
        double[] dayCost,
        double[] monthRequests,
        double[] monthSatisfied,
        double[] monthCost,
        double[] monthModelRequests,
        double[] modelRequests,
        double[] modelCost,
        double[] categoryRequests,
        double[] categorySatisfied,
        double[] categoryCost,
        double[] categoryModelRequests,
        double[] tierRequests,
        double[] tierSatisfied,
        double[] tierCost,
        int[] tierDaysMet,
        int[] tierDays,
        double signals,
        double satisfactionStdErr,
        double totalCostStdErr,
        List<TracePoint> trace,
        LearnedState state,
        double cheapestMeetingTargetCost,
        double[] monthExpectedSatisfaction,
        double[] monthSatisfactionSd,
        double[] monthBreachProbability,
        int limitedMonths,
        double[] tierDayRequests,
        double[] tierDaySatisfied,
        PlanningDays planningDays,
        PlanningDays tierPlanningDays,
        LatencyMetrics.Summary latency) {

    /**
     * This replication as a run at another feedback rate would report it, for a router that does not read feedback
     * (decision 1050): the same in every field but the signal count and the learning trace's signal counts.
     */
    ReplicationResult withSignals(double newSignals, List<TracePoint> newTrace) {
        return new ReplicationResult(replication, representedRequests, simulatedRequests, totalCost, explorationCost,
                bestFixedCost, slaOracleCost, satisfied, servedScore, estimatedSatisfaction, firstRequestStayingAbove,
                scenarioWindows, daily, weekly, monthly, dayRequests, daySatisfied, dayCost, monthRequests, monthSatisfied,
                monthCost, monthModelRequests, modelRequests, modelCost, categoryRequests, categorySatisfied, categoryCost,
                categoryModelRequests, tierRequests, tierSatisfied, tierCost, tierDaysMet, tierDays, newSignals,
                satisfactionStdErr, totalCostStdErr, newTrace, state, cheapestMeetingTargetCost, monthExpectedSatisfaction,
                monthSatisfactionSd, monthBreachProbability, limitedMonths, tierDayRequests, tierDaySatisfied, planningDays,
                tierPlanningDays, latency);
    }

    public double meanSatisfaction() {
        return satisfied / representedRequests;
    }

    public double costPerRequest() {
        return totalCost / representedRequests;
    }

    /** Mean over months of the probability that the month ends below the target. */
    public double breachProbability() {
        double sum = 0;
        int n = 0;
        for (double b : monthBreachProbability) {
            if (!Double.isNaN(b)) {
                sum += b;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double monthSatisfaction(int month) {
        return monthRequests[month] == 0 ? Double.NaN : monthSatisfied[month] / monthRequests[month];
    }
}
