package dev.switchyard.engine.sim;

/**
 * SLA compliance over windows of one kind.
 *
 * @param windows windows with at least one request
 * @param met windows whose mean satisfaction is at or above the target
 * @param worst lowest window mean (NaN when there is no window)
 */
public record WindowStats(int windows, int met, double worst) {
    public double share() {
        return windows == 0 ? Double.NaN : (double) met / windows;
    }

    static WindowStats of(double[] requests, double[] satisfied, int groupDays, double tau) {
        int windows = 0;
        int met = 0;
        double worst = Double.NaN;
        for (int start = 0; start < requests.length; start += groupDays) {
            double n = 0;
            double s = 0;
            for (int d = start; d < Math.min(requests.length, start + groupDays); d++) {
                n += requests[d];
                s += satisfied[d];
            }
            if (n <= 0) {
                continue;
            }
            double mean = s / n;
            windows++;
            if (mean >= tau - 1e-12) {
                met++;
            }
            worst = Double.isNaN(worst) ? mean : Math.min(worst, mean);
        }
        return new WindowStats(windows, met, worst);
    }
}
