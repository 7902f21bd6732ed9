package dev.switchyard.engine.sim;

/**
 * SLA compliance over windows of one kind (decision 0308): only complete windows count in the share and
 * the worst window; a trailing partial window (the 2-day stub after the last full week of a 30-day month,
 * the last requests short of N) is reported apart, with its own size, never mixed in. The series of
 * complete windows is what charts draw, so the chart and the compliance figure count the same windows.
 *
 * @param windows complete windows with at least one request
 * @param met complete windows whose mean satisfaction is at or above the target
 * @param worst lowest complete-window mean (NaN when there is none)
 * @param series mean satisfaction of each complete window, in order (windows without requests are skipped)
 * @param partialMean mean satisfaction of the trailing partial window, NaN when there is none
 * @param partialShare size of the partial window as a share of a full one (0 when there is none)
 */
public record WindowStats(int windows, int met, double worst, double[] series, double partialMean, double partialShare) {

    /** Complete windows only, no series and no partial window (callers that only count). */
    public WindowStats(int windows, int met, double worst) {
        this(windows, met, worst, new double[0], Double.NaN, 0);
    }

    public double share() {
        return windows == 0 ? Double.NaN : (double) met / windows;
    }

    static WindowStats of(double[] requests, double[] satisfied, int groupDays, double tau) {
        int windows = 0;
        int met = 0;
        double worst = Double.NaN;
        double[] series = new double[requests.length / groupDays];
        double partialMean = Double.NaN;
        double partialShare = 0;
        for (int start = 0; start < requests.length; start += groupDays) {
            int end = Math.min(requests.length, start + groupDays);
            double n = 0;
            double s = 0;
            for (int d = start; d < end; d++) {
                n += requests[d];
                s += satisfied[d];
            }
            if (n <= 0) {
                continue;
            }
            double mean = s / n;
            if (end - start < groupDays) {
                partialMean = mean;
                partialShare = (double) (end - start) / groupDays;
                continue;
            }
            series[windows++] = mean;
            if (mean >= tau - 1e-12) {
                met++;
            }
            worst = Double.isNaN(worst) ? mean : Math.min(worst, mean);
        }
        return new WindowStats(windows, met, worst, java.util.Arrays.copyOf(series, windows), partialMean, partialShare);
    }
}
