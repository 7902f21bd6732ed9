package dev.switchyard.engine.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rule L's integer-keyed argmin picks what comparing the doubles with {@code <} picks, ties and signs included. */
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
    void orderKeyOrdersDoublesAsLessThanDoes() {
        double[] xs = {-1e300, -5.5, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1e-300, 0.25, 1, 3.5e9, 1e300,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (double a : xs) {
            for (double b : xs) {
                assertEquals(a < b, RuleL.orderKey(a) < RuleL.orderKey(b), a + " < " + b);
                assertEquals(a == b, RuleL.orderKey(a) == RuleL.orderKey(b), a + " == " + b);
            }
        }
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

    @Test
    void lessMaskIsSignedLessThanAcrossTheWholeRange() {
        long[] xs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L << 62, -12345, -1, 0, 1, 77, 1L << 62, Long.MAX_VALUE - 1,
                Long.MAX_VALUE};
        for (long a : xs) {
            for (long b : xs) {
                assertEquals(a < b ? -1L : 0L, RuleL.lessMask(a, b), a + " < " + b);
            }
        }
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            long a = rng.nextLong();
            long b = i % 7 == 0 ? a : rng.nextLong();
            assertEquals(a < b ? -1L : 0L, RuleL.lessMask(a, b), a + " < " + b);
        }
    }
}
