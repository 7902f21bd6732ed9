package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.Interval;

/**
 * One SLA tier's result against its own target (the contract's target when the tier has none).
 *
 * @param tier tier name from the traffic (gold, silver...)
 * @param target the target this tier is judged against
 * @param ownTarget true when the tier has its own target (it then constrains the recommendation)
 * @param requestShare share of traffic in this tier
 * @param meanSatisfaction satisfaction of the tier's requests
 * @param breachProbability share of the tier's contract windows below its target
 * @param breachInterval 90% interval of that share
 * @param meetsTarget mean at or above target and breach probability within the limit
 */
public record TierFigure(String tier, double target, boolean ownTarget, double requestShare, double meanSatisfaction,
        double breachProbability, Interval breachInterval, boolean meetsTarget) {
}
