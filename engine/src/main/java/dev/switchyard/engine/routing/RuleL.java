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
     *
     * <p>The scan runs as two independent chains, over the lower and the upper half of the pool, merged at the end (the
     * upper half's best wins only when strictly lower): the same first-lowest index as one scan, with half the chain of
     * dependent conditional moves, which sits on the path from one request's multiplier to the next (decision 1020).
     */
    public static int choose(RequestView request, double[] pHat, double lambda) {
        int n = request.modelCount();
        if (n < 2) {
            return 0;
        }
        int upper = n >>> 1; // models in the upper half [h, n)
        int h = n - upper;
        int bestA = 0;
        long keyA = orderKey(request.normalisedCost(0) - lambda * pHat[0]);
        int bestB = h;
        long keyB = orderKey(request.normalisedCost(h) - lambda * pHat[h]);
        for (int i = 1; i < upper; i++) {
            long ka = orderKey(request.normalisedCost(i) - lambda * pHat[i]);
            long la = lessMask(ka, keyA);
            bestA ^= (bestA ^ i) & (int) la;
            keyA ^= (keyA ^ ka) & la;
            int j = h + i;
            long kb = orderKey(request.normalisedCost(j) - lambda * pHat[j]);
            long lb = lessMask(kb, keyB);
            bestB ^= (bestB ^ j) & (int) lb;
            keyB ^= (keyB ^ kb) & lb;
        }
        if (h > upper) { // odd n: the lower half's last model
            int i = h - 1;
            long ka = orderKey(request.normalisedCost(i) - lambda * pHat[i]);
            long la = lessMask(ka, keyA);
            bestA ^= (bestA ^ i) & (int) la;
            keyA ^= (keyA ^ ka) & la;
        }
        int l = (int) lessMask(keyB, keyA);
        return bestA ^ ((bestA ^ bestB) & l);
    }

    /**
     * -1 (all bits) when {@code x < y} (signed), else 0, in arithmetic only: the sign of {@code x - y} corrected for
     * overflow (Hacker's Delight 2-12). A ternary leaves the choice between a branch and a conditional move to the
     * JIT's branch profile, which differs between JVMs; the argmin's outcome is as random as the request, so a branch
     * mispredicts.
     */
    static long lessMask(long x, long y) {
        long d = x - y;
        return (d ^ ((x ^ y) & (d ^ x))) >> 63;
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
