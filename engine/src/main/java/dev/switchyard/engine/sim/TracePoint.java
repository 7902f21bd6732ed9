package dev.switchyard.engine.sim;

/**
 * The learning trace at one moment of a replication.
 *
 * @param request requests served so far (represented, i.e. at full volume)
 * @param timeMillis simulated time
 * @param multiplier lambda (or Q / V); NaN when the router has none
 * @param epsilon exploration probability eps_t
 * @param estimatedSatisfaction the router's own estimate; NaN when it has none
 * @param realisedSatisfaction running mean of the hidden truth
 * @param costPerRequest running mean cost, USD
 * @param signals reports (one-sided) or labels (two-sided) received so far
 */
public record TracePoint(long request, long timeMillis, double multiplier, double epsilon, double estimatedSatisfaction,
        double realisedSatisfaction, double costPerRequest, double signals) {
}
