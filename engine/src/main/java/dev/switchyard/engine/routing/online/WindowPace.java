package dev.switchyard.engine.routing.online;

/**
 * The window control SLARouter's two terms share (decisions 1000 and 1401): how large the current SLA window will be,
 * the safety margin {@code z(1 - risk) sd} that keeps a window run at the set point from breaching by noise alone, and
 * the pace that repays the window's excess before it closes. The quality term (SlaRouter) and the latency term
 * (LatencyController) each hold a share of "bad" answers under an allowed share (1 - tau; 1 - percentile) with it.
 */
final class WindowPace {
    /** Share of a window after which its size is extrapolated from the requests seen so far. */
    static final double EXTRAPOLATE_FROM = 0.05;

    private WindowPace() {
    }

    /**
     * The expected number of requests of the current window: extrapolated from the {@code routed} so far once the
     * window is {@value #EXTRAPOLATE_FROM} through ({@code progress}), before that the previous window's, or (first
     * window) the extrapolation from {@value #EXTRAPOLATE_FROM}.
     */
    static double expectedSize(long routed, double progress, long previousRouted) {
        if (progress >= EXTRAPOLATE_FROM) {
            return routed / progress;
        }
        if (previousRouted > 0) {
            return previousRouted;
        }
        return routed / EXTRAPOLATE_FROM;
    }

    /** {@code z} standard deviations of a window's share of bad answers, per-answer {@code variance}, over {@code n}. */
    static double margin(double z, double variance, double n, double maxMargin) {
        return Math.min(maxMargin, z * Math.sqrt(variance / n));
    }

    /**
     * The window's excess ({@code bad - (allowed - margin) * observed}) spread over the {@code remaining} answers of the
     * window, when the window is controlled and in excess; else 0.
     */
    static double pace(boolean windowed, double bad, double allowed, double margin, double observed, double remaining,
            double maxMargin) {
        double excess = bad - (allowed - margin) * observed;
        return windowed && excess > 0 ? Math.min(maxMargin, excess / Math.max(1.0, remaining)) : 0;
    }
}
