package dev.switchyard.engine.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rule L's integer-keyed argmin picks what comparing the doubles with {@code <} picks, exact ties included. */
class RuleLTest {

    /** The plain rule L: first strict minimum of cost - lambda * p_hat. */
    private static int reference(double[] cost, double[] pHat, double lambda) {
        int best = 0;
        double bestValue = cost[0] - lambda * pHat[0];
        for (int m = 1; m < cost.length; m++) {
            double v = cost[m] - lambda * pHat[m];
            if (v < bestValue) {
                best = m;
                bestValue = v;
            }
        }
        return best;
    }

    private static RequestView view(double[] cost) {
        return new RequestView() {
            public long sequence() {
                return 0;
            }

            public int category() {
                return 0;
            }

            public int inputTokens() {
                return 0;
            }

            public int cachedInputTokens() {
                return 0;
            }

            public int tenant() {
                return 0;
            }

            public int slaTier() {
                return 0;
            }

            public long timeMillis() {
                return 0;
            }

            public int modelCount() {
                return cost.length;
            }

            public double expectedCost(int model) {
                return cost[model];
            }

            public double normalisedCost(int model) {
                return cost[model];
            }

            public FeatureVector textFeatures() {
                return null;
            }
        };
    }

    @Test
    void keysOrderNonNegativeValuesAsLessThanDoesAndCarryTheModel() {
        double[] xs = {0.0, Double.MIN_VALUE, 1e-300, 1e-9, 0.25, 0.2500000000001, 1, 3.5e9, 1e300, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY};
        long valueBits = ~0xFL & Long.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                long ki = RuleL.key(xs[i], valueBits, 3);
                long kj = RuleL.key(xs[j], valueBits, 9);
                // values that differ only in the index bits (here 0 and the least subnormal) are ties: the lower model
                boolean tie = i == j || (i < 2 && j < 2);
                assertEquals(tie || xs[i] < xs[j], ki < kj, xs[i] + " vs " + xs[j]);
                assertEquals(3, ki & 0xF);
                assertEquals(Math.min(ki, kj), RuleL.min(ki, kj));
            }
        }
        // -0.0 is the value 0: its key is zero's
        assertEquals(RuleL.key(0.0, valueBits, 2), RuleL.key(-0.0, valueBits, 2));
    }

    @Test
    void minIsTheLowerOfTwoNonNegativeLongs() {
        long[] xs = {0, 1, 77, 1L << 40, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (long a : xs) {
            for (long b : xs) {
                assertEquals(Math.min(a, b), RuleL.min(a, b), a + " vs " + b);
            }
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            long a = rng.nextLong() >>> 1;
            long b = i % 7 == 0 ? a : rng.nextLong() >>> 1;
            assertEquals(Math.min(a, b), RuleL.min(a, b), a + " vs " + b);
        }
    }

    @Test
    void valuesWithinTheIndexBitsGoToTheLowerModel() {
        // two models whose values differ by one ulp: the index bits cover it, so the lower index wins whichever is lower
        double c = 0.5;
        double above = Math.nextUp(c);
        assertEquals(0, RuleL.choose(view(new double[] {above, c}), new double[] {0, 0}, 0));
        assertEquals(0, RuleL.choose(view(new double[] {c, above}), new double[] {0, 0}, 0));
        // a clear difference is never hidden: 2^-40 relative is far above the 4 index bits of 12 models
        double clear = c * (1 + Math.scalb(1.0, -40));
        assertEquals(1, RuleL.choose(view(new double[] {clear, c, clear, clear, clear, clear, clear, clear, clear, clear,
                clear, clear}), new double[12], 0));
    }

    @Test
    void choosesTheSameModelAsTheDoubleComparison() {
        SplittableRandom rng = new SplittableRandom(11);
        int ties = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            int n = 1 + rng.nextInt(16);
            double[] cost = new double[n];
            double[] p = new double[n];
            for (int m = 0; m < n; m++) {
                // coarse grids make exact ties and zero values frequent
                cost[m] = trial % 3 == 0 ? rng.nextInt(4) / 4.0 : rng.nextDouble() * 2;
                p[m] = trial % 3 == 0 ? rng.nextInt(3) / 2.0 : rng.nextDouble();
            }
            double lambda = trial % 5 == 0 ? 0 : rng.nextDouble() * (trial % 2 == 0 ? 3 : 300);
            int expected = reference(cost, p, lambda);
            assertEquals(expected, RuleL.choose(view(cost), p, lambda), "trial " + trial);
            if (n > 1 && cost[expected] - lambda * p[expected] == cost[(expected + 1) % n] - lambda * p[(expected + 1) % n]) {
                ties++;
            }
        }
        assertTrue(ties > 1000, "the trials must include exact ties, got " + ties);
    }
}
