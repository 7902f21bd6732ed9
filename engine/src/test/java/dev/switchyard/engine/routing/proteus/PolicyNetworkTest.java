package dev.switchyard.engine.routing.proteus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyNetworkTest {
    /**
     * Training's forward and backward skip the zero entries of the category one-hot; the dense passes over the same input
     * must give the same doubles, bit for bit, including after Adam-like updates that drive parameters (biases start at
     * +0.0) through exact zeros.
     */
    @Test
    void skippingTheOneHotsZerosGivesTheDensePassesBitForBit() {
        int cats = 8;
        int models = 12;
        int width = PolicyInput.width(cats, models);
        SplittableRandom rng = new SplittableRandom(11);
        PolicyNetwork net = new PolicyNetwork(width, 16, rng);
        double[] params = net.rawParameters();
        double[] x = new double[width];
        double[] phat = new double[models];
        double[] cost = new double[models];
        double[] h1 = new double[16];
        double[] h2 = new double[16];
        double[] o1 = new double[4];
        double[] o2 = new double[4];
        double[] g1 = new double[params.length];
        double[] g2 = new double[params.length];
        for (int trial = 0; trial < 500; trial++) {
            for (int m = 0; m < models; m++) {
                phat[m] = rng.nextDouble();
                cost[m] = rng.nextDouble() * 6;
            }
            int cat = rng.nextInt(cats);
            PolicyInput.fill(x, cats, models, cat, (float) rng.nextDouble(), phat, 0, cost, 0, 0.85 + 0.01 * rng.nextInt(11),
                    Math.exp(rng.nextDouble(-3, 3)));
            net.forward(x, h1, o1);
            net.forward(x, cat, cats, h2, o2);
            assertArrayEquals(h1, h2, 0.0);
            assertArrayEquals(o1, o2, 0.0);
            double ga = rng.nextDouble(-1, 1);
            double gb = rng.nextDouble(-1, 1);
            net.backward(x, -1, 0, h1, o1, ga, gb, g1); // no one-hot block: every input's term
            net.backward(x, cat, cats, h2, o2, ga, gb, g2);
            for (int p = 0; p < params.length; p++) {
                assertEquals(Double.doubleToRawLongBits(g1[p]), Double.doubleToRawLongBits(g2[p]), "gradient " + p);
            }
            if (trial % 10 == 9) { // an update, some parameters set to exactly zero by cancellation
                for (int p = 0; p < params.length; p++) {
                    params[p] = rng.nextInt(20) == 0 ? params[p] - params[p] : params[p] - 1e-3 * g1[p];
                }
                java.util.Arrays.fill(g1, 0);
                java.util.Arrays.fill(g2, 0);
            }
        }
    }
}
