package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RoutingContext;

/**
 * The latency term as a filter, for routers without a multiplier for it (the threshold router, PROTEUS): a model may
 * serve a request only while its predicted chance of exceeding the request's tier's L at this prompt length is within
 * the allowed share 1 - percentile. The prediction is {@link LatencyController}'s: the catalog's log-normal prior per
 * (model, log2 prompt-length bucket), corrected by the latencies the router observes for its own answers. When every
 * model is predicted over, the one with the lowest predicted exceedance is allowed alone. A request whose tier has no
 * L is not filtered. Every allowed model is within the share, so whatever the router picks among them holds the term
 * in expectation (as far as the prediction is right); it is stricter than a multiplier, which may spend exceedance
 * where it buys the most.
 */
public final class LatencyFilter {
    private final LatencyController estimates;
    private final double allowed;
    private final int models;

    private LatencyFilter(RoutingContext context) {
        // the controller as an estimator only: its queue is never read
        this.estimates = new LatencyController(context, 1, 0.5);
        this.allowed = estimates.allowedShare();
        this.models = context.modelCount();
    }

    /** Null when the contract names no latency term (the router then runs exactly as without one). */
    public static LatencyFilter forContext(RoutingContext context) {
        return context.latency().isActive() ? new LatencyFilter(context) : null;
    }

    /**
     * Marks in {@code allowedOut} the models that may serve {@code request}.
     *
     * @return how many are allowed (at least one)
     */
    public int allowed(RequestView request, boolean[] allowedOut) {
        if (!estimates.constrains(request)) {
            java.util.Arrays.fill(allowedOut, 0, models, true);
            return models;
        }
        int n = 0;
        int least = 0;
        double leastE = Double.POSITIVE_INFINITY;
        int row = estimates.exceedanceRow(request); // the tier and prompt-length bucket, found once for every model
        for (int m = 0; m < models; m++) {
            double e = estimates.exceedanceAt(row, m);
            allowedOut[m] = e <= allowed;
            if (allowedOut[m]) {
                n++;
            }
            if (e < leastE) {
                leastE = e;
                least = m;
            }
        }
        if (n == 0) {
            allowedOut[least] = true;
            n = 1;
        }
        return n;
    }

    /** An answer's observed latency corrects the prediction. */
    public void observe(RequestView request, int model, double ttftMs, double totalMs) {
        estimates.observe(request, model, ttftMs, totalMs);
    }

    /** The predicted chance that {@code model} exceeds the request's L (for tests and the exported state). */
    public double exceedance(RequestView request, int model) {
        return estimates.exceedance(request, model);
    }
}
