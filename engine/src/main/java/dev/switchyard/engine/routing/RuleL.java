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

    /** Rule L on the request's normalised expected costs. */
    public static int choose(RequestView request, double[] pHat, double lambda) {
        int n = request.modelCount();
        int best = 0;
        double bestValue = request.normalisedCost(0) - lambda * pHat[0];
        for (int m = 1; m < n; m++) {
            double v = request.normalisedCost(m) - lambda * pHat[m];
            if (v < bestValue) {
                best = m;
                bestValue = v;
            }
        }
        return best;
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
