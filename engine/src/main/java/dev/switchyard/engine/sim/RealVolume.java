package dev.switchyard.engine.sim;

import java.util.Arrays;

/**
 * Satisfaction of a window or month at its real request count, whatever was simulated (decision 0900).
 *
 * <p>A window's requests split into an exact part (every real request simulated: its realised outcomes are one
 * faithful draw of the real window) and a scaled part (N real requests stood for by n simulated ones). The scaled
 * part's mean mu is estimated from per-request expected scores, post-stratified by (category, tier) cell with the
 * stream's known cell shares, so the sample's chance cell mix adds no noise; its real total is then taken as
 * Normal(N mu, N mu (1 - mu)), the Bernoulli spread of N real requests, not of n. Given the exact part, the
 * probability that the window ends at or above tau is
 * {@code 1 - Phi((tau (N_exact + N) - S_exact - N mu) / sqrt(N mu (1 - mu)))}; a wholly exact window is met or not.
 *
 * <p>A scaled part cannot be judged when it has fewer than {@link #MIN_SIMULATED} simulated requests, misses a
 * cell the stream draws from, or when the estimate's own standard error exceeds half the real-volume standard
 * deviation (the figure would then mostly be simulation noise): the window says so instead of guessing.
 */
final class RealVolume {
    static final int MIN_SIMULATED = 20;
    static final double MAX_ESTIMATE_TO_REAL_SD = 0.5;

    private RealVolume() {
    }

    /** Sums of a scaled part: real requests, and per cell simulated requests, expected scores and their squares. */
    static final class Scaled {
        double realRequests;
        final double[] sim;
        final double[] sumE;
        final double[] sumE2;
        // real-request-weighted cell shares (divide by realRequests)
        final double[] share;

        // cells per category (tiers): strata coarsen to categories when a (category, tier) cell was not reached
        final int tiers;

        Scaled(int cells, int tiers) {
            this.tiers = Math.max(1, tiers);
            sim = new double[cells];
            sumE = new double[cells];
            sumE2 = new double[cells];
            share = new double[cells];
        }

        void reset() {
            realRequests = 0;
            Arrays.fill(sim, 0);
            Arrays.fill(sumE, 0);
            Arrays.fill(sumE2, 0);
            Arrays.fill(share, 0);
        }

        /** Adds {@code real} real requests drawn with cell shares {@code pi}. */
        void addReal(double real, double[] pi) {
            realRequests += real;
            for (int c = 0; c < pi.length; c++) {
                share[c] += real * pi[c];
            }
        }

        void addCells(double[] cellSim, double[] cellE, double[] cellE2, int offset) {
            for (int c = 0; c < sim.length; c++) {
                sim[c] += cellSim[offset + c];
                sumE[c] += cellE[offset + c];
                sumE2[c] += cellE2[offset + c];
            }
        }

        double simulated() {
            double n = 0;
            for (double x : sim) {
                n += x;
            }
            return n;
        }
    }

    /** Accumulates windows: counts, expected met windows, worst expected mean, unjudged windows. */
    static final class Windows {
        int windows;
        int met;
        double expectedMet;
        int unjudged;
        double worst = Double.NaN;
        private double[] series = new double[16];
        private double partialMean = Double.NaN;
        private double partialShare;

        void add(double exactN, double exactSat, Scaled scaled, double tau) {
            double real = exactN + (scaled == null ? 0 : scaled.realRequests);
            if (real <= 0) {
                return;
            }
            add(estimate(exactN, exactSat, scaled), tau);
        }

        /** Adds a complete window with at least one real request, as estimated (one way of counting, every window). */
        void add(Estimate e, double tau) {
            windows++;
            if (!e.judged) {
                unjudged++;
                return;
            }
            if (e.mean >= tau - 1e-12) {
                met++;
            }
            expectedMet += e.probabilityAtOrAbove(tau);
            worst = Double.isNaN(worst) ? e.mean : Math.min(worst, e.mean);
            int judged = windows - unjudged;
            if (judged > series.length) {
                series = Arrays.copyOf(series, 2 * series.length);
            }
            series[judged - 1] = e.mean;
        }

        /**
         * Adds a complete window that is breached whatever its satisfaction (it missed the contract's latency term): it
         * counts among the windows and in the series, never as met (planner, decision 1404).
         */
        void addMissed(Estimate e) {
            windows++;
            if (!e.judged) {
                unjudged++;
                return;
            }
            worst = Double.isNaN(worst) ? e.mean : Math.min(worst, e.mean);
            int judged = windows - unjudged;
            if (judged > series.length) {
                series = Arrays.copyOf(series, 2 * series.length);
            }
            series[judged - 1] = e.mean;
        }

        /** The trailing partial window (decision 0308): reported apart, never counted with the complete ones. */
        void partial(double exactN, double exactSat, Scaled scaled, double share) {
            double real = exactN + (scaled == null ? 0 : scaled.realRequests);
            if (real <= 0) {
                return;
            }
            Estimate e = estimate(exactN, exactSat, scaled);
            partialMean = e.judged ? e.mean : Double.NaN;
            partialShare = share;
        }

        WindowStats stats() {
            return new WindowStats(windows, met, worst, Arrays.copyOf(series, windows - unjudged), partialMean, partialShare,
                    expectedMet, unjudged);
        }

        /** Adds windows that held no simulated request at all (scaled weight above the window size). */
        void addUnseen(int n) {
            windows += n;
            unjudged += n;
        }
    }

    /**
     * The window's expected mean at real volume and the standard deviation of its real mean.
     *
     * @param judged false when the scaled part holds too few simulated requests to say
     * @param limited true when the estimate is noisy against the real spread (months are still reported, flagged)
     */
    record Estimate(double mean, double sd, boolean judged, boolean limited) {
        double probabilityAtOrAbove(double tau) {
            if (!(sd > 0)) {
                return mean >= tau - 1e-12 ? 1.0 : 0.0;
            }
            return 1 - Interval.normalCdf((tau - mean) / sd);
        }
    }

    static Estimate estimate(double exactN, double exactSat, Scaled sc) {
        double scaledN = sc == null ? 0 : sc.realRequests;
        double n = exactN + scaledN;
        if (scaledN <= 0) {
            return new Estimate(exactSat / n, 0, true, false);
        }
        double simulated = sc.simulated();
        if (simulated <= 0) {
            return new Estimate(Double.NaN, Double.NaN, false, true);
        }
        // overall variance of e, the stand-in for cells with a single simulated request
        double all = 0;
        double all2 = 0;
        for (int c = 0; c < sc.sim.length; c++) {
            all += sc.sumE[c];
            all2 += sc.sumE2[c];
        }
        double overallVar = Math.max(0, all2 / simulated - (all / simulated) * (all / simulated));
        double[] strat = stratified(sc, 1, scaledN, overallVar);
        if (strat[2] > 0 && sc.tiers > 1) {
            strat = stratified(sc, sc.tiers, scaledN, overallVar); // pool the tiers of each category
        }
        double mu = strat[0];
        double estVar = strat[1];
        double missing = strat[2];
        mu = Math.max(0, Math.min(1, mu));
        double realVar = mu * (1 - mu) / scaledN;
        boolean limited = missing > 0 || simulated < MIN_SIMULATED
                || estVar > 0 && estVar > MAX_ESTIMATE_TO_REAL_SD * MAX_ESTIMATE_TO_REAL_SD * realVar;
        double mean = (exactSat + scaledN * mu) / n;
        double sd = Math.sqrt(scaledN * mu * (1 - mu)) / n;
        return new Estimate(mean, sd, !limited, limited);
    }

    /** Post-stratified mean, its variance and the share of strata not reached, with strata of {@code group} cells. */
    private static double[] stratified(Scaled sc, int group, double scaledN, double overallVar) {
        double mu = 0;
        double estVar = 0;
        double missing = 0;
        for (int start = 0; start < sc.sim.length; start += group) {
            double pi = 0;
            double k = 0;
            double e = 0;
            double e2 = 0;
            for (int c = start; c < start + group; c++) {
                pi += sc.share[c] / scaledN;
                k += sc.sim[c];
                e += sc.sumE[c];
                e2 += sc.sumE2[c];
            }
            if (!(pi > 0)) {
                continue;
            }
            if (k <= 0) {
                missing += pi;
                continue;
            }
            double m = e / k;
            mu += pi * m;
            double v = k > 1 ? Math.max(0, e2 / k - m * m) * k / (k - 1) : overallVar;
            estVar += pi * pi * v / k;
        }
        if (missing > 0 && missing < 1) {
            mu = mu / (1 - missing); // estimate from the strata reached; such a window is not judged
        }
        return new double[] {mu, estVar, missing};
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
            double s = Double.isNaN(sds[i]) ? 0 : sds[i];
            lo = Math.min(lo, means[i] - 8 * s);
            hi = Math.max(hi, means[i] + 8 * s);
        }
        if (n == 0) {
            return Double.NaN;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-13; it++) {
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
