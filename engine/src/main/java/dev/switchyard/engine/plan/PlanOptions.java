package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the planner searches and judges. {@link #defaults()} is what the CLI and the app use unless
 * told otherwise.
 *
 * @param maxBreach accepted chance that a contract window ends below target (default 0.05)
 * @param tierTargets per-tier targets (tier name -> target); a tier named here must keep its own
 *     target with the same accepted chance of a breach
 * @param routers routers to consider; empty = every deployable router the registry has
 * @param aimOffsets margins tried above each contract target: a router may be set to aim higher
 *     than the promise to breach less often (default 0.01 and 0.02)
 * @param scaling how the planner simulates: a few exact days, then a bounded number of requests
 *     per month weighted to the real volume; null = the base scenario's own scaling
 * @param replications replications per run; 0 = the base scenario's
 * @param events price and catalog changes on the timeline
 * @param floor also run the SLA oracle as the theoretical floor
 * @param threads worker threads; 0 = all cores
 * @param probeCeiling also run each target-following router at a 99% aim, so the ceiling (the highest
 *     satisfaction any router reaches) is known, not only the satisfaction near the target
 */
public record PlanOptions(double maxBreach, Map<String, Double> tierTargets, List<String> routers, List<Double> aimOffsets,
        Scenario.Scaling scaling, int replications, List<TimelineEvent> events, boolean floor, int threads,
        boolean probeCeiling) {

    /**
     * The planner's scaling: the first 3 days request by request (early learning at the real volume), then
     * 20,000 simulated requests a month; windows are judged at their real request counts (decision 0701).
     */
    public static final Scenario.Scaling PLANNING_SCALING = new Scenario.Scaling(3, 20_000);

    /**
     * The first look's scaling ({@link Planner#firstLook}, decision 1100): the first day request by request, then 2,000
     * simulated requests a month, a tenth of {@link #PLANNING_SCALING}'s, weighted to the same real volume.
     */
    public static final Scenario.Scaling FIRST_LOOK_SCALING = new Scenario.Scaling(1, 2_000);

    public PlanOptions {
        if (!(maxBreach >= 0 && maxBreach < 1)) {
            throw new IllegalArgumentException("accepted breach probability must be in [0, 1), got " + maxBreach);
        }
        tierTargets = Map.copyOf(new LinkedHashMap<>(tierTargets == null ? Map.of() : tierTargets));
        for (Map.Entry<String, Double> e : tierTargets.entrySet()) {
            if (!(e.getValue() > 0 && e.getValue() < 1)) {
                throw new IllegalArgumentException("target of tier '" + e.getKey() + "' must be in (0, 1), got " + e.getValue());
            }
        }
        routers = List.copyOf(routers == null ? List.of() : routers);
        aimOffsets = List.copyOf(aimOffsets == null ? List.of() : aimOffsets);
        for (double o : aimOffsets) {
            if (!(o > 0 && o < 0.2)) {
                throw new IllegalArgumentException("aim offsets must be in (0, 0.2), got " + o);
            }
        }
        if (replications < 0 || replications > 1000) {
            throw new IllegalArgumentException("replications must be 0 (the scenario's) to 1000, got " + replications);
        }
        events = List.copyOf(events == null ? List.of() : events);
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
    }

    public static PlanOptions defaults() {
        return new PlanOptions(0.05, Map.of(), List.of(), List.of(0.01, 0.02), PLANNING_SCALING, 0, List.of(), true, 0, true);
    }

    public PlanOptions withMaxBreach(double p) {
        return new PlanOptions(p, tierTargets, routers, aimOffsets, scaling, replications, events, floor, threads, probeCeiling);
    }

    public PlanOptions withTierTargets(Map<String, Double> targets) {
        return new PlanOptions(maxBreach, targets, routers, aimOffsets, scaling, replications, events, floor, threads, probeCeiling);
    }

    public PlanOptions withRouters(List<String> names) {
        return new PlanOptions(maxBreach, tierTargets, names, aimOffsets, scaling, replications, events, floor, threads, probeCeiling);
    }

    public PlanOptions withAimOffsets(List<Double> offsets) {
        return new PlanOptions(maxBreach, tierTargets, routers, offsets, scaling, replications, events, floor, threads, probeCeiling);
    }

    public PlanOptions withScaling(Scenario.Scaling s) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, s, replications, events, floor, threads, probeCeiling);
    }

    public PlanOptions withReplications(int n) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, scaling, n, events, floor, threads, probeCeiling);
    }

    public PlanOptions withEvents(List<TimelineEvent> list) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, scaling, replications, list, floor, threads, probeCeiling);
    }

    public PlanOptions withFloor(boolean on) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, scaling, replications, events, on, threads, probeCeiling);
    }

    public PlanOptions withProbeCeiling(boolean on) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, scaling, replications, events, floor, threads, on);
    }

    public PlanOptions withThreads(int n) {
        return new PlanOptions(maxBreach, tierTargets, routers, aimOffsets, scaling, replications, events, floor, n, probeCeiling);
    }
}
