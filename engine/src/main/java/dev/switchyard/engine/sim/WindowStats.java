package dev.switchyard.engine.sim;

/**
 * SLA compliance over windows of one kind, at the windows' real request counts (decision 0900).
 *
 * @param windows windows with at least one real request
 * @param met judged windows whose expected mean satisfaction is at or above the target
 * @param worst lowest expected window mean among judged windows (NaN when there is none)
 * @param expectedMet expected number of judged windows at or above the target: for an exact window 1 or 0, for a
 *     scaled one the probability that its real requests end at or above the target
 * @param unjudged windows whose scaled part held too few simulated requests to judge (they count in neither
 *     {@code met} nor the share)
 */
public record WindowStats(int windows, int met, double worst, double expectedMet, int unjudged) {

    public WindowStats {
        if (unjudged < 0 || unjudged > windows) {
            throw new IllegalArgumentException("unjudged windows " + unjudged + " outside 0.." + windows);
        }
    }

    /** Windows all simulated exactly: expected met = met, none unjudged. */
    public WindowStats(int windows, int met, double worst) {
        this(windows, met, worst, met, 0);
    }

    /** Windows that could be judged. */
    public int judged() {
        return windows - unjudged;
    }

    /** Expected share of judged windows at or above the target; NaN when none could be judged. */
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
            double exactN = 0;
            double exactS = 0;
            if (part != null) {
                part.reset();
            }
            for (int d = start; d < Math.min(requests.length, start + groupDays); d++) {
                if (scaled != null && scaled.scaled()[d]) {
                    scaled.addDay(d, part);
                } else {
                    exactN += requests[d];
                    exactS += satisfied[d];
                }
            }
            acc.add(exactN, exactS, part, tau);
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
