package dev.switchyard.engine.routing;

/**
 * Rule L, the per-request minimiser of the Lagrangian (spec section 1):
 * {@code m* = argmin_m c_m(x) - lambda * p_hat_m(x)} on normalised cost. Written once; every
 * SLA-aware router calls it. Exact ties go to the lower model index (deterministic; the hot loop
 * stays free of a second comparison).
 */
public final class RuleL {
    private RuleL() {
    }

    /**
     * Rule L on the request's normalised expected costs. The argmin runs on {@link #orderKey} integers so that the
     * JIT can keep the best index in a conditional move: which model wins is as random as the request, and a branch
     * per model mispredicted on most requests (the per-request routers' hottest line). Same choice as comparing the
     * doubles, ties included (finite values; -0.0 counts as 0.0 as it does for {@code <}).
     */
    public static int choose(RequestView request, double[] pHat, double lambda) {
        int n = request.modelCount();
        int best = 0;
        long bestKey = orderKey(request.normalisedCost(0) - lambda * pHat[0]);
        for (int m = 1; m < n; m++) {
            long k = orderKey(request.normalisedCost(m) - lambda * pHat[m]);
            boolean less = k < bestKey;
            best = less ? m : best;
            bestKey = less ? k : bestKey;
        }
        return best;
    }

    /**
     * A long whose signed order is the order of the finite double {@code v}: the sign-magnitude bits with the
     * magnitude flipped for negative values; {@code + 0.0} first turns -0.0 into 0.0, which {@code <} treats as equal.
     */
    static long orderKey(double v) {
        long b = Double.doubleToRawLongBits(v + 0.0);
        return b ^ ((b >> 63) >>> 1);
    }

    /** Rule L on explicit costs (e.g. the SLA oracle's hindsight bisection); the first {@code n} entries are used. */
    public static int choose(double[] cost, double[] pHat, double lambda, int n) {
        int best = 0;
        double bestValue = cost[0] - lambda * pHat[0];
        for (int m = 1; m < n; m++) {
            double v = cost[m] - lambda * pHat[m];
            if (v < bestValue) {
                best = m;
                bestValue = v;
            }
        }
        return best;
    }
}
