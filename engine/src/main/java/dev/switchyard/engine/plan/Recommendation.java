package dev.switchyard.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * The answer to "which router, at what cost, keeps this promise?".
 *
 * @param target the contract target
 * @param window the contract window, in words ("day", "week", "month", "10000 requests")
 * @param maxBreach the accepted chance of a breached window
 * @param recommended the cheapest candidate that keeps the promise; empty when none does
 * @param candidates every router tried, at its best setting, cheapest keeping the promise first
 * @param ceiling the highest mean satisfaction any deployable router reached in these runs
 * @param ceilingRouter the router that reached it
 * @param floor what the SLA oracle (a hindsight bound, not deployable) spends at the target; empty when not run
 * @param events the price and catalog changes on the timeline these figures include
 * @param seconds wall time of the analysis
 * @param seed the scenario's seed
 * @param engineVersion engine that computed it
 * @param note how the figures were computed (scaling, replications), in words
 * @param provisional true for the planner's first answer ({@link PlanListener#firstAnswer}): every setting's first
 *     replication only, with correspondingly wider intervals; false for the confirmed answer over every replication
 */
public record Recommendation(double target, String window, double maxBreach, Optional<PlanPoint> recommended,
        List<PlanPoint> candidates, double ceiling, String ceilingRouter, Optional<FloorPoint> floor,
        List<TimelineEvent> events, double seconds, long seed, String engineVersion, String note, boolean provisional) {

    public Recommendation {
        candidates = List.copyOf(candidates);
        events = List.copyOf(events);
    }

    /** A confirmed answer (every replication). */
    public Recommendation(double target, String window, double maxBreach, Optional<PlanPoint> recommended,
            List<PlanPoint> candidates, double ceiling, String ceilingRouter, Optional<FloorPoint> floor,
            List<TimelineEvent> events, double seconds, long seed, String engineVersion, String note) {
        this(target, window, maxBreach, recommended, candidates, ceiling, ceilingRouter, floor, events, seconds, seed, engineVersion,
                note, false);
    }
}
