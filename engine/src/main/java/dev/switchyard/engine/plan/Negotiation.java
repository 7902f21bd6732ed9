package dev.switchyard.engine.plan;

import java.util.List;

/**
 * The answer to "what does 95% instead of 90% cost?": per router and target, the cheapest setting
 * that keeps the promise; the marginal cost per SLA point; the theoretical floor.
 *
 * @param targets the targets asked for, ascending
 * @param points one per (router, target), routers in the order asked
 * @param marginal per router, the marginal cost over the whole range of targets it keeps
 * @param steps per router, the marginal cost between neighbouring targets it keeps (for a bar chart)
 * @param floor the SLA oracle at each target (a bound: no breach figure)
 * @param ceiling the highest mean satisfaction any router reached in these runs
 * @param events price and catalog changes on the timeline these figures include
 * @param seconds wall time
 * @param note how the figures were computed, in words
 */
public record Negotiation(List<Double> targets, List<PlanPoint> points, List<MarginalCost> marginal, List<MarginalCost> steps,
        List<FloorPoint> floor, double ceiling, List<TimelineEvent> events, double seconds, String note) {

    public Negotiation {
        targets = List.copyOf(targets);
        points = List.copyOf(points);
        marginal = List.copyOf(marginal);
        steps = List.copyOf(steps);
        floor = List.copyOf(floor);
        events = List.copyOf(events);
    }

    /** This router's points, ascending in target. */
    public List<PlanPoint> curve(String router) {
        return points.stream().filter(p -> p.router().equals(router)).toList();
    }
}
