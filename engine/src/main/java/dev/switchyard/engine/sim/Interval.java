package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.StandardNormal;
import java.util.Arrays;

/**
 * A 90% interval [low, high] around an estimate (decision 0900). Built in one of two ways:
 * <ul>
 *   <li>{@link #studentT(double[])}: over independent replications, mean +/- t(0.95, R-1) s / sqrt(R) (continuous
 *       figures: cost, savings, paired differences);</li>
 *   <li>{@link #wilson(double, double)}: Wilson score interval for a proportion from n trials (a probability or a
 *       share of windows; conservative when the trials are themselves probabilities, whose variance is at most
 *       p(1-p)).</li>
 * </ul>
 *
 * @param estimate the point estimate the interval is about
 * @param low lower end (NaN when there is nothing to estimate from)
 * @param high upper end
 */
public record Interval(double estimate, double low, double high) {
    /** Two-sided 90%: z = 1.6449 for the normal. */
    public static final double Z90 = 1.6448536269514722;

    public Interval {
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
    }

    public static Interval empty() {
        return new Interval(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Half the width; NaN when undefined. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** True when both ends are numbers. */
    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** The smallest interval holding both (same estimate as this). */
    public Interval union(Interval other) {
        if (Double.isNaN(other.low)) {
            return this;
        }
        if (Double.isNaN(low)) {
            return new Interval(estimate, other.low, other.high);
        }
        return new Interval(estimate, Math.min(low, other.low), Math.max(high, other.high));
    }

    /** Clipped to [lo, hi] (probabilities and shares stay in [0, 1]). */
    public Interval clip(double lo, double hi) {
        return new Interval(estimate, Math.max(lo, Math.min(hi, low)), Math.max(lo, Math.min(hi, high)));
    }

    /** Mean of the non-NaN values with a 90% Student-t interval; one value gives a zero-width interval at it. */
    public static Interval studentT(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        int n = v.length;
        if (n == 0) {
            return empty();
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n == 1) {
            return new Interval(mean, mean, mean);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double h = t95(n - 1) * se;
        return new Interval(mean, mean - h, mean + h);
    }

    /** Wilson score 90% interval for a proportion p observed over n trials (n may be fractional). */
    public static Interval wilson(double p, double n) {
        if (Double.isNaN(p) || !(n > 0)) {
            return empty();
        }
        double z2 = Z90 * Z90;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double h = Z90 * Math.sqrt(Math.max(0, p * (1 - p) / n + z2 / (4 * n * n))) / denom;
        return new Interval(p, Math.max(0, centre - h), Math.min(1, centre + h));
    }

    /** The 0.95 quantile of Student's t with df degrees of freedom (two-sided 90%). */
    static double t95(int df) {
        if (df <= 0) {
            return Double.NaN;
        }
        final double[] table = {6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125,
            1.7959, 1.7823, 1.7709, 1.7613, 1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171, 1.7139,
            1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991, 1.6973};
        if (df <= table.length) {
            return table[df - 1];
        }
        // Cornish-Fisher expansion around the normal quantile: error < 1e-4 beyond 30 degrees of freedom
        double z = Z90;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
    }

    /** Standard normal distribution function. */
    public static double normalCdf(double x) {
        return StandardNormal.cdf(x);
    }
}
