package dev.switchyard.engine.routing;

/**
 * The standard normal distribution and quantile functions, one home for the routers' margins (z of 1 - risk), the
 * catalog latency priors, the simulator's latency tables and the statistics' intervals.
 */
public final class StandardNormal {

    private StandardNormal() {
    }

    /**
     * Inverse of the standard normal distribution function (Acklam's rational approximation, relative
     * error below 1.2e-9).
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] cc = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double x = Math.sqrt(-2 * Math.log(p));
            return (((((cc[0] * x + cc[1]) * x + cc[2]) * x + cc[3]) * x + cc[4]) * x + cc[5])
                    / ((((d[0] * x + d[1]) * x + d[2]) * x + d[3]) * x + 1);
        }
        if (p > 1 - low) {
            return -quantile(1 - p);
        }
        double x = p - 0.5;
        double r = x * x;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * x
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Standard normal distribution function, through erfc (relative error below 1.2e-7, also in the tails). */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** {@link #quantile} refined by one Newton step on the erfc-based distribution function (the latency tables). */
    public static double refinedQuantile(double p) {
        double x = quantile(p);
        double e = 0.5 * erfc(-x / Math.sqrt(2)) - p;
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /** Complementary error function, relative error < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev fit). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
