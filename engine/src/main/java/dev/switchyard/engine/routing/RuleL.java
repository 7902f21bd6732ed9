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
     * Rule L on the request's normalised expected costs, branch-free (decisions 1020, 1150). Which model wins is as
     * random as the request, so a compare-and-branch per model mispredicted on most requests; here each model's value
     * becomes a key whose order as a long is the order of the value, with the model's index in its lowest bits, and
     * the keys meet in four independent chains of branch-free minima, so that the dependent steps from one request's
     * multiplier to its choice are few.
     *
     * <p>The value is {@code c_m + (lambda - lambda * p_m)}: rule L's {@code c_m - lambda * p_m} plus the constant
     * {@code lambda}, which moves no argmin and makes every value non-negative (normalised costs are, a multiplier
     * is, and {@code lambda * p <= lambda} for a probability, in floating point too), so the value's raw bits order as
     * the value does. The index bits replace the lowest bits of the mantissa (4 for 9 to 16 models, a relative
     * 2^-48): values that close, exact ties included, go to the lower model index.
     *
     * @param pHat probabilities in [0, 1] ({@link Predictor#predict}); with normalised costs and {@code lambda} >= 0
     */
    public static int choose(RequestView request, double[] pHat, double lambda) {
        int n = request.modelCount();
        if (n < 2) {
            return 0;
        }
        long index = -1L >>> Long.numberOfLeadingZeros(n - 1); // the low bits that hold a model index
        long value = ~index & Long.MAX_VALUE;
        long a = Long.MAX_VALUE;
        long b = Long.MAX_VALUE;
        long c = Long.MAX_VALUE;
        long d = Long.MAX_VALUE;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a = min(a, key(request.normalisedCost(i) + (lambda - lambda * pHat[i]), value, i));
            b = min(b, key(request.normalisedCost(i + 1) + (lambda - lambda * pHat[i + 1]), value, i + 1));
            c = min(c, key(request.normalisedCost(i + 2) + (lambda - lambda * pHat[i + 2]), value, i + 2));
            d = min(d, key(request.normalisedCost(i + 3) + (lambda - lambda * pHat[i + 3]), value, i + 3));
        }
        for (; i < n; i++) {
            a = min(a, key(request.normalisedCost(i) + (lambda - lambda * pHat[i]), value, i));
        }
        return (int) (min(min(a, b), min(c, d)) & index);
    }

    /** The value's bits (sign cleared: values are non-negative) with {@code model} in the low bits. */
    static long key(double v, long valueBits, int model) {
        return (Double.doubleToRawLongBits(v) & valueBits) | model;
    }

    /** The lower of two non-negative longs without a branch: their difference cannot overflow. */
    static long min(long x, long y) {
        return y ^ ((x ^ y) & ((x - y) >> 63));
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
