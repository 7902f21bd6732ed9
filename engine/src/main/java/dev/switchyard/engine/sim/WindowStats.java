package dev.switchyard.engine.sim;

/**
 * SLA compliance over windows of one kind, at the windows' real request counts (decisions 0308 and 0900): only
 * complete windows count in the share and the worst window; a trailing partial window (the 2-day stub after the last
 * full week of a 30-day month, the last requests short of N) is reported apart, with its own size, never mixed in.
 * The series of complete windows is what charts draw. Exact windows are judged on their realised outcomes; scaled
 * ones on expected scores with the spread of their real request count (RealVolume).
 *
 * @param windows complete windows with at least one real request
 * @param met judged complete windows whose (expected) mean satisfaction is at or above the target
 * @param worst lowest (expected) complete-window mean among judged windows (NaN when there is none)
 * @param series mean satisfaction of each judged complete window, in order (windows without requests are skipped)
 * @param partialMean mean satisfaction of the trailing partial window, NaN when there is none
 * @param partialShare size of the partial window as a share of a full one (0 when there is none)
 * @param expectedMet expected number of judged windows at or above the target: for an exact window 1 or 0, for a
 *     scaled one the probability that its real requests end at or above the target
 * @param unjudged complete windows whose scaled part held too few simulated requests to judge (they count in
 *     neither {@code met} nor the share)
 */
public record WindowStats(int windows, int met, double worst, double[] series, double partialMean, double partialShare,
        double expectedMet, int unjudged) {

    public WindowStats {
        if (unjudged < 0 || unjudged > windows) {
            throw new IllegalArgumentException("unjudged windows " + unjudged + " outside 0.." + windows);
        }
    }

    /** Complete exact windows only, no series and no partial window (callers that only count). */
    public WindowStats(int windows, int met, double worst) {
        this(windows, met, worst, new double[0], Double.NaN, 0, met, 0);
    }

    /** Exact windows with their series and partial window: expected met = met, none unjudged. */
    public WindowStats(int windows, int met, double worst, double[] series, double partialMean, double partialShare) {
        this(windows, met, worst, series, partialMean, partialShare, met, 0);
    }

    /** Windows that could be judged. */
    public int judged() {
        return windows - unjudged;
    }

    /** Expected share of judged complete windows at or above the target; NaN when none could be judged. */
    public double share() {
        return judged() == 0 ? Double.NaN : expectedMet / judged();
    }

    static WindowStats of(double[] requests, double[] satisfied, int groupDays, double tau) {
        return of(requests, satisfied, null, groupDays, tau);
    }

    /**
     * Groups of {@code groupDays} days. Days of scaled segments ({@code scaled.scaled[d]}) count their real
     * requests and estimate their mean from the day's expected scores by cell (RealVolume); other days are exact and
     * count their realised outcomes. Null: every day exact.
     */
    static WindowStats of(double[] requests, double[] satisfied, ScaledDays scaled, int groupDays, double tau) {
        RealVolume.Windows acc = new RealVolume.Windows();
        RealVolume.Scaled part = scaled == null ? null : new RealVolume.Scaled(scaled.cells(), scaled.tiers());
        for (int start = 0; start < requests.length; start += groupDays) {
            int end = Math.min(requests.length, start + groupDays);
            double exactN = 0;
            double exactS = 0;
            if (part != null) {
                part.reset();
            }
            boolean anyScaled = false;
            for (int d = start; d < end; d++) {
                if (scaled != null && scaled.scaled()[d]) {
                    scaled.addDay(d, part);
                    anyScaled = true;
                } else {
                    exactN += requests[d];
                    exactS += satisfied[d];
                }
            }
            if (end - start < groupDays) {
                acc.partial(exactN, exactS, anyScaled ? part : null, (double) (end - start) / groupDays);
            } else {
                acc.add(exactN, exactS, anyScaled ? part : null, tau);
            }
        }
        return acc.stats();
    }

    /**
     * Per-day accumulators of scaled segments (see {@link RealVolume}): whether the day is scaled, its real request
     * count, per (day, cell) simulated requests and sums of expected scores, and the stream's cell shares before and
     * from {@code shiftDay} on.
     */
    record ScaledDays(boolean[] scaled, double[] realRequests, int cells, int tiers, double[] cellSim, double[] cellE,
            double[] cellE2, double[] sharesBefore, double[] sharesAfter, long shiftDay) {

        void addDay(int d, RealVolume.Scaled part) {
            part.addReal(realRequests[d], d >= shiftDay ? sharesAfter : sharesBefore);
            part.addCells(cellSim, cellE, cellE2, d * cells);
        }
    }
}
