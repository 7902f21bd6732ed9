package dev.switchyard.engine.routing.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.routing.FeatureVector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Decision 1030: the threshold's grid table recomputes a row's choice only where a model's p_hat drops below the grid
 * threshold. It must be the same bits as choosing at every grid point, including p_hat exactly on grid points, ties in
 * cost, rows where no model clears a threshold, and p_hat of 0 and 1.
 */
class ThresholdGridTableTest {

    @Test
    void incrementalTableIsTheNaiveLoopBitForBit() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int m = 1 + rng.nextInt(9);
            int n = 1 + rng.nextInt(400);
            double[] phat = new double[n * m];
            double[] cost = new double[n * m];
            double[] paid = new double[n * m];
            float[] labels = new float[n * m];
            for (int k = 0; k < n * m; k++) {
                phat[k] = switch (rng.nextInt(6)) {
                    case 0 -> rng.nextInt(ThresholdRouter.GRID + 1) / (double) ThresholdRouter.GRID; // on a grid point
                    case 1 -> Math.nextUp(rng.nextInt(ThresholdRouter.GRID) / (double) ThresholdRouter.GRID);
                    case 2 -> rng.nextBoolean() ? 0.0 : 1.0;
                    default -> rng.nextDouble();
                };
                cost[k] = rng.nextInt(4) == 0 ? 0.25 : rng.nextDouble(); // ties in cost
                paid[k] = rng.nextDouble() * 3;
                labels[k] = rng.nextInt(3) == 0 ? 0.5f : rng.nextInt(2);
            }
            FeatureVector[] f = new FeatureVector[n];
            Arrays.fill(f, FeatureVector.EMPTY);
            LabelledSplit set = new LabelledSplit(m, 1, f, new int[n], new float[n], cost, paid, labels);
            double[][] table = ThresholdRouter.gridTable(phat, set);
            for (int g = 0; g <= ThresholdRouter.GRID; g++) {
                double th = (double) g / ThresholdRouter.GRID;
                double sat = 0;
                double spent = 0;
                for (int i = 0; i < n; i++) {
                    int j = ThresholdRouter.choose(phat, cost, i * m, m, th);
                    sat += set.label(i, j);
                    spent += set.paid(i, j);
                }
                assertEquals(Double.doubleToRawLongBits(sat / n), Double.doubleToRawLongBits(table[0][g]),
                        "satisfaction at grid point " + g + ", trial " + trial);
                assertEquals(Double.doubleToRawLongBits(spent / n), Double.doubleToRawLongBits(table[1][g]),
                        "paid cost at grid point " + g + ", trial " + trial);
            }
        }
    }
}
