package dev.switchyard.engine.plan;

/**
 * A two-sided interval around an estimate (90% unless said otherwise).
 *
 * @param low lower end
 * @param high upper end
 */
public record Interval(double low, double high) {
    /** z for a two-sided 90% interval. */
    static final double Z90 = 1.6448536269514722;

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " is above high " + high);
        }
    }

    public static Interval undefined() {
        return new Interval(Double.NaN, Double.NaN);
    }

    /** Wilson score interval for {@code k} events in {@code n} trials (90%); undefined when n = 0. */
    public static Interval wilson(double k, double n) {
        if (!(n > 0)) {
            return undefined();
        }
        double p = k / n;
        double z2 = Z90 * Z90;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z90 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Mean with a 90% t-interval (normal beyond 30 values); a single value gives an undefined interval. */
    static double[] meanAndHalfWidth(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean = n == 0 ? Double.NaN : mean / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return new double[] {mean, t90(n - 1) * se};
    }

    /** Two-sided 90% Student t quantile for {@code df} degrees of freedom (table, then normal). */
    static double t90(int df) {
        double[] table = {6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761,
            1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697};
        return df <= table.length ? table[df - 1] : Z90;
    }

    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
