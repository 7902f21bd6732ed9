package dev.switchyard.engine.sample;

/**
 * Item-response outcome model and the solver that turns a target accuracy into an ability.
 *
 * <p>P(correct) = guess + (1 - guess) * sigmoid(discrimination * (ability + speciality - difficulty)),
 * with difficulty standard normal for the reference traffic. The ability is found by bisection so
 * that the expected accuracy over that difficulty distribution (and over the model's specialities)
 * equals the target: the catalog's quality priors are then what the data really shows.
 */
final class AbilityCalibration {
    /** Quadrature over z in [-8, 8]: plenty for accuracies quoted to two decimals. */
    private static final int GRID = 1601;
    private static final double[] Z = new double[GRID];
    private static final double[] W = new double[GRID];

    static {
        double step = 16.0 / (GRID - 1);
        double total = 0;
        for (int i = 0; i < GRID; i++) {
            Z[i] = -8.0 + i * step;
            W[i] = StrictMath.exp(-Z[i] * Z[i] / 2.0);
            total += W[i];
        }
        for (int i = 0; i < GRID; i++) {
            W[i] /= total;
        }
    }

    private AbilityCalibration() {
    }

    static double probability(double guess, double discrimination, double ability, double speciality, double difficulty) {
        return guess + (1.0 - guess) * sigmoid(discrimination * (ability + speciality - difficulty));
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** Expected accuracy over standard-normal difficulty, averaging the given specialities equally. */
    static double expectedAccuracy(double guess, double discrimination, double ability, double[] specialities) {
        double sum = 0;
        for (double s : specialities) {
            for (int i = 0; i < GRID; i++) {
                sum += W[i] * probability(guess, discrimination, ability, s, Z[i]);
            }
        }
        return sum / specialities.length;
    }

    /** The ability whose expected accuracy is {@code target}. */
    static double solveAbility(double target, double guess, double discrimination, double[] specialities) {
        if (!(target > guess && target < 1.0)) {
            throw new IllegalArgumentException("target accuracy " + target + " must lie between the guess rate "
                    + guess + " and 1");
        }
        double lo = -30;
        double hi = 30;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (expectedAccuracy(guess, discrimination, mid, specialities) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
