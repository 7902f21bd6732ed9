package dev.switchyard.engine.sim;

/**
 * Satisfaction of a window or month at its real request count, whatever was simulated (decision 0900).
 *
 * <p>A window's requests split into an exact part (every real request simulated: its realised outcomes are one
 * faithful draw of the real window) and a scaled part (N real requests stood for by n simulated ones). The scaled
 * part's mean is estimated from per-request expected scores (mu), and its real total is taken as
 * Normal(N mu, N mu (1 - mu)), the Bernoulli spread of N real requests, not of n. Given the exact part, the
 * probability that the window ends at or above tau is then
 * {@code 1 - Phi((tau (N_exact + N) - S_exact - N mu) / sqrt(N mu (1 - mu)))}; a wholly exact window is met or not.
 *
 * <p>A scaled part is too few to judge when it has fewer than {@link #MIN_SIMULATED} simulated requests, or when
 * the estimate's own standard error exceeds half the real-volume standard deviation (then the figure would mostly
 * be simulation noise): the window says so instead of guessing.
 */
final class RealVolume {
    static final int MIN_SIMULATED = 20;
    static final double MAX_ESTIMATE_TO_REAL_SD = 0.5;

    private RealVolume() {
    }

    /** Accumulates windows: counts, expected met windows, worst expected mean, unjudged windows. */
    static final class Windows {
        int windows;
        int met;
        double expectedMet;
        int unjudged;
        double worst = Double.NaN;

        void add(double exactN, double exactSat, double scaledN, double scaledSim, double sumE, double sumE2, double tau) {
            if (exactN + scaledN <= 0) {
                return;
            }
            windows++;
            Estimate e = estimate(exactN, exactSat, scaledN, scaledSim, sumE, sumE2);
            if (!e.judged) {
                unjudged++;
                return;
            }
            if (e.mean >= tau - 1e-12) {
                met++;
            }
            expectedMet += e.probabilityAtOrAbove(tau);
            worst = Double.isNaN(worst) ? e.mean : Math.min(worst, e.mean);
        }

        WindowStats stats() {
            return new WindowStats(windows, met, worst, expectedMet, unjudged);
        }
    }

    /**
     * The window's expected mean at real volume and the standard deviation of its real mean.
     *
     * @param judged false when the scaled part holds too few simulated requests to say
     * @param limited true when the estimate's error is large against the real spread (months are still reported)
     */
    record Estimate(double mean, double sd, boolean judged, boolean limited) {
        double probabilityAtOrAbove(double tau) {
            if (!(sd > 0)) {
                return mean >= tau - 1e-12 ? 1.0 : 0.0;
            }
            return 1 - Interval.normalCdf((tau - mean) / sd);
        }
    }

    static Estimate estimate(double exactN, double exactSat, double scaledN, double scaledSim, double sumE, double sumE2) {
        double n = exactN + scaledN;
        if (scaledN <= 0) {
            return new Estimate(exactSat / n, 0, true, false);
        }
        if (scaledSim <= 0) {
            return new Estimate(Double.NaN, Double.NaN, false, true);
        }
        double mu = sumE / scaledSim;
        double realVar = mu * (1 - mu) / scaledN;
        double estVar = Math.max(0, sumE2 / scaledSim - mu * mu) / scaledSim;
        boolean limited = scaledSim < MIN_SIMULATED
                || estVar > MAX_ESTIMATE_TO_REAL_SD * MAX_ESTIMATE_TO_REAL_SD * realVar && estVar > 0;
        double mean = (exactSat + scaledN * mu) / n;
        double sd = Math.sqrt(scaledN * mu * (1 - mu)) / n;
        return new Estimate(mean, sd, !limited, limited);
    }

    /**
     * Quantile {@code p} of an equal-weight mixture of normals (point masses where sd is 0), by bisection: the
     * spread across replications of a figure whose every replication carries its real-volume spread.
     */
    static double mixtureQuantile(double[] means, double[] sds, double p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < means.length; i++) {
            if (Double.isNaN(means[i])) {
                continue;
            }
            n++;
            lo = Math.min(lo, means[i] - 8 * sds[i]);
            hi = Math.max(hi, means[i] + 8 * sds[i]);
        }
        if (n == 0) {
            return Double.NaN;
        }
        for (int it = 0; it < 100 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            double cdf = 0;
            for (int i = 0; i < means.length; i++) {
                if (Double.isNaN(means[i])) {
                    continue;
                }
                cdf += sds[i] > 0 ? Interval.normalCdf((mid - means[i]) / sds[i]) : (mid >= means[i] ? 1 : 0);
            }
            if (cdf / n < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
