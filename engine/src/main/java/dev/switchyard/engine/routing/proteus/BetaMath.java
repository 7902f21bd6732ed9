package dev.switchyard.engine.routing.proteus;

import java.util.random.RandomGenerator;

/**
 * Beta sampling and its score function for the policy gradient. StrictMath throughout, so that a
 * trained policy is the same bit for bit on every JVM and machine for the same seed.
 */
final class BetaMath {
    private BetaMath() {
    }

    static double softplus(double x) {
        return x > 30 ? x : StrictMath.log1p(StrictMath.exp(x));
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** Digamma psi(x) for x > 0: recurrence up to x >= 6, then the asymptotic series. */
    static double digamma(double x) {
        double r = 0;
        while (x < 6) {
            r -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        double t = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132)))));
        return r + StrictMath.log(x) - 0.5 / x + t;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 via the U^(1/shape) boost. */
    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** A draw from Beta(a, b), kept inside (1e-6, 1 - 1e-6) so that its log-density stays finite. */
    static double beta(double a, double b, RandomGenerator rng) {
        double x = gamma(a, rng);
        double y = gamma(b, rng);
        double mu = x / (x + y);
        return Math.min(1 - 1e-6, Math.max(1e-6, mu));
    }
}
