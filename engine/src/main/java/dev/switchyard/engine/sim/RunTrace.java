package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.oracle.HindsightRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning trace of one replication: a point at each new day and whenever the represented requests grew by
 * 15%, with the router's multiplier, exploration rate and own estimate next to the running realised figures.
 */
final class RunTrace {
    private final Router router;
    private final HindsightRouter bound;
    private final List<TracePoint> points = new ArrayList<>();
    private double nextTrace = 10;
    private int lastTraceDay = -1;

    /** Exactly one of {@code router} and {@code bound} is non-null. */
    RunTrace(Router router, HindsightRouter bound) {
        this.router = router;
        this.bound = bound;
    }

    /** True when a point is due after {@code represented} requests (weighted) on {@code day}. */
    boolean due(double represented, int day) {
        return represented >= nextTrace || day != lastTraceDay;
    }

    /** Adds the due point and schedules the next one. */
    void add(long request, long timeMillis, int day, RunMetrics mt) {
        points.add(point(request, timeMillis, mt));
        lastTraceDay = day;
        while (nextTrace <= mt.totalW) {
            nextTrace *= 1.15;
        }
    }

    /** The trace, closed by a point at {@code represented} requests unless the last point is already there. */
    List<TracePoint> finish(long represented, long timeMillis, RunMetrics mt) {
        if (points.isEmpty() || points.get(points.size() - 1).request() != represented) {
            points.add(point(represented, timeMillis, mt));
        }
        return List.copyOf(points);
    }

    private TracePoint point(long request, long timeMillis, RunMetrics mt) {
        double mult = router != null ? router.multiplier() : bound.multiplier();
        double eps = router != null ? router.explorationRate() : 0;
        double est = router != null ? router.estimatedSatisfaction() : Double.NaN;
        return new TracePoint(request, timeMillis, mult, eps, est, mt.satisfied / mt.totalW, mt.cost / mt.totalW, mt.signals);
    }
}
