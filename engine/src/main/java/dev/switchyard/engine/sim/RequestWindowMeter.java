package dev.switchyard.engine.sim;

/**
 * Windows of N real requests (an SLA counted per N requests): window k holds real requests [kN, (k+1)N),
 * whatever was simulated. Its exact part counts realised outcomes; its scaled part is estimated at real
 * volume (RealVolume, decision 0900).
 */
final class RequestWindowMeter {
    private final long windowN;
    private final long totalRequests;
    private final double tau;
    private final long shiftDay;
    private final double[] sharesBefore;
    private final double[] sharesAfter;
    private long winIndex = -1;
    private long winEnd;
    private double winExactN;
    private double winExactSat;
    private double winShiftedSim;
    private final RealVolume.Scaled winScaled;
    private final RealVolume.Windows windows = new RealVolume.Windows();

    RequestWindowMeter(long windowN, long totalRequests, double tau, long shiftDay, StreamCells cells) {
        this.windowN = windowN;
        this.totalRequests = totalRequests;
        this.tau = tau;
        this.shiftDay = shiftDay;
        this.sharesBefore = cells.sharesBefore;
        this.sharesAfter = cells.sharesAfter;
        this.winScaled = new RealVolume.Scaled(cells.cells, cells.tierSlots);
    }

    /** Counts one simulated request at real index {@code seq}; {@code e} is its expected score when scaled. */
    void add(long seq, boolean scaled, int cell, double e, int ok, int day) {
        if (seq >= winEnd) {
            closeWindow();
            winIndex = seq / windowN;
            winEnd = (winIndex + 1) * windowN;
        }
        if (scaled) {
            winScaled.sim[cell] += 1;
            winScaled.sumE[cell] += e;
            winScaled.sumE2[cell] += e * e;
            if (day >= shiftDay) {
                winShiftedSim += 1;
            }
        } else {
            winExactN += 1;
            winExactSat += ok;
        }
    }

    /**
     * The windows of the finished run. Decision 0308: the last, partial window is reported apart, not counted
     * with the complete ones; complete windows of real requests that held no simulated request (scaled w > N)
     * cannot be judged.
     */
    WindowStats stats() {
        closeWindow();
        int complete = (int) Math.min(Integer.MAX_VALUE, totalRequests / windowN);
        int seen = windows.windows;
        windows.addUnseen(Math.max(0, complete - seen));
        return windows.stats();
    }

    /**
     * Closes window {@code winIndex} of real requests [kN, (k+1)N): its real size is N (the last, partial one the
     * rest: a user would see it on the invoice); its exact part is what was simulated request by request, the
     * rest is estimated at real volume (RealVolume). Windows that held no simulated request at all are counted
     * unjudged in stats().
     */
    private void closeWindow() {
        if (winIndex < 0) {
            return;
        }
        double real = Math.min(windowN, totalRequests - winIndex * windowN);
        double scaledReal = Math.max(0, real - winExactN);
        if (scaledReal > 0) {
            double simulatedScaled = winScaled.simulated();
            double after = simulatedScaled > 0 ? winShiftedSim / simulatedScaled : 0;
            winScaled.addReal(scaledReal * (1 - after), sharesBefore);
            winScaled.addReal(scaledReal * after, sharesAfter);
        }
        if (real < windowN) {
            windows.partial(winExactN, winExactSat, scaledReal > 0 ? winScaled : null, real / windowN);
        } else {
            windows.add(winExactN, winExactSat, scaledReal > 0 ? winScaled : null, tau);
        }
        winExactN = 0;
        winExactSat = 0;
        winShiftedSim = 0;
        winScaled.reset();
    }
}
