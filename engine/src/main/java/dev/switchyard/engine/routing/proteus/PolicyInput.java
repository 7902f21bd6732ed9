package dev.switchyard.engine.routing.proteus;

/**
 * The policy's input vector, built the same way in training and in service: category one-hot,
 * the length feature, each model's p_hat (the predictor compresses the hashed prompt text into M
 * numbers, our stand-in for the paper's DeBERTa embedding), each model's normalised cost (capped at
 * 5 times the cost scale), then tau and lambda, both rescaled to order one.
 */
final class PolicyInput {
    private PolicyInput() {
    }

    static int width(int categories, int models) {
        return categories + 1 + 2 * models + 2;
    }

    static void fill(double[] x, int categories, int models, int category, float length, double[] phat, int pOff,
                     double[] costNorm, int cOff, double tau, double lambda) {
        java.util.Arrays.fill(x, 0, categories, 0);
        x[category] = 1;
        int k = categories;
        x[k++] = length;
        for (int m = 0; m < models; m++) {
            x[k++] = phat[pOff + m];
        }
        for (int m = 0; m < models; m++) {
            x[k++] = Math.min(5.0, costNorm[cOff + m]);
        }
        x[k++] = (tau - 0.9) / 0.05;
        x[k] = StrictMath.log1p(lambda);
    }

    /** PROTEUS's mu -> model mapping: argmax_m mu * p_m - (1 - mu) * c_m / c_max (ties: lower index). */
    static int choose(double mu, double[] phat, int pOff, double[] costNorm, int cOff, int models) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < models; m++) {
            double v = mu * phat[pOff + m] - (1 - mu) * costNorm[cOff + m];
            if (v > bestValue) {
                bestValue = v;
                best = m;
            }
        }
        return best;
    }
}
