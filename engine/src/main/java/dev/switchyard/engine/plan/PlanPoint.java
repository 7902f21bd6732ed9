package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.Interval;
import dev.switchyard.engine.sim.Spread;
import java.util.List;
import java.util.Map;

/**
 * One router at one contract target: the cheapest of its settings tried that keeps the promise
 * (every window's chance of a breach within the limit, every tier target included), or, when none
 * does, the setting that came closest and why it fails.
 *
 * @param router CLI name
 * @param displayName name for people
 * @param params the router's parameters as run (defaults filled in)
 * @param aimTarget the target the router itself was set to (may be above the contract target: a margin)
 * @param target the contract target it is judged against
 * @param monthlySpend mean spend per month, USD, at the scenario's volume
 * @param monthlySpendSpread mean and P10-P90 of the monthly spend across replications and months
 * @param costPer1000 USD per 1,000 requests
 * @param meanSatisfaction satisfaction on the hidden truth over the horizon
 * @param breachProbability share of contract windows (day, week, month...) below the target
 * @param breachInterval its 90% interval (Wilson, windows pooled over replications)
 * @param windows contract windows judged
 * @param meetsSla the promise holds: mean at or above target, breach probability and every tier's within the limit
 * @param reason why it does not hold, in words; empty when it does
 * @param tiers per-tier figures (empty when the traffic has no tiers)
 * @param monthSpend mean spend of each month, USD (month 1 first), for a timeline chart
 * @param reconstructed the algorithm was rebuilt from a paper's abstract (say so next to its numbers)
 * @param latency the contract's latency term and how this setting kept it (decision 1404); null when the contract names no
 *     latency
 */
public record PlanPoint(String router, String displayName, Map<String, String> params, double aimTarget, double target,
        double monthlySpend, Spread monthlySpendSpread, double costPer1000, double meanSatisfaction, double breachProbability,
        Interval breachInterval, int windows, boolean meetsSla, String reason, List<TierFigure> tiers, List<Double> monthSpend,
        boolean reconstructed, PlanLatency latency) {

    /** A point of a contract without a latency term. */
    public PlanPoint(String router, String displayName, Map<String, String> params, double aimTarget, double target,
            double monthlySpend, Spread monthlySpendSpread, double costPer1000, double meanSatisfaction, double breachProbability,
            Interval breachInterval, int windows, boolean meetsSla, String reason, List<TierFigure> tiers, List<Double> monthSpend,
            boolean reconstructed) {
        this(router, displayName, params, aimTarget, target, monthlySpend, monthlySpendSpread, costPer1000, meanSatisfaction,
                breachProbability, breachInterval, windows, meetsSla, reason, tiers, monthSpend, reconstructed, null);
    }

    public PlanPoint {
        params = Map.copyOf(params);
        reason = reason == null ? "" : reason;
        tiers = List.copyOf(tiers);
        monthSpend = List.copyOf(monthSpend);
    }
}
