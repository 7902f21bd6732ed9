package dev.switchyard.engine.sim;

/**
 * Contract windows of a finished run judged against any target at their real request counts, for the
 * planner (decision 0701). Exact days count their realised outcomes. A scaled day's mean is estimated
 * from its month's scaled requests pooled (their realised outcomes, weighted as simulated): within a
 * scaled segment requests are drawn independently, so its days differ only by real-volume noise and the
 * router's slow drift, and a single scaled day holds too few simulated requests to say more. The window's
 * spread is the real-volume Bernoulli spread of its real requests plus the pooled estimate's own error.
 * Realised outcomes rather than per-request expected scores keep the estimate unbiased for routers whose
 * choice depends on the request's text.
 */
public final class PlanningWindows {
    private PlanningWindows() {
    }

    /** Windows of {@code groupDays} days of the whole traffic against {@code tau}. */
    public static WindowStats at(ReplicationResult r, int groupDays, double tau) {
        int days = r.dayRequests().length;
        return of(r.dayRequests(), r.daySatisfied(), r.planningDays(), 0, days, groupDays, tau);
    }

    /** Windows of {@code groupDays} days of SLA tier {@code tier} against {@code tau}. */
    public static WindowStats tierAt(ReplicationResult r, int tier, int groupDays, double tau) {
        int days = r.dayRequests().length;
        return of(r.tierDayRequests(), r.tierDaySatisfied(), r.tierPlanningDays(), tier * days, days, groupDays, tau);
    }

    private static WindowStats of(double[] req, double[] sat, PlanningDays sd, int off, int days, int groupDays,
            double tau) {
        int months = (days + Scenario.Volume.DAYS_PER_MONTH - 1) / Scenario.Volume.DAYS_PER_MONTH;
        double[] mSim = new double[months];
        double[] mReq = new double[months];
        double[] mSat = new double[months];
        if (sd != null) {
            for (int d = 0; d < days; d++) {
                if (sd.scaled()[off + d]) {
                    int mo = d / Scenario.Volume.DAYS_PER_MONTH;
                    mSim[mo] += sd.simulated()[off + d];
                    mReq[mo] += req[off + d];
                    mSat[mo] += sat[off + d];
                }
            }
        }
        RealVolume.Windows acc = new RealVolume.Windows();
        // only complete windows count, as everywhere else (WindowStats, decision 0308): a trailing stub is left out
        for (int start = 0; start + groupDays <= days; start += groupDays) {
            double exactN = 0;
            double exactS = 0;
            double scaledN = 0;
            double scaledS = 0;
            double estVar = 0;
            boolean judgeable = true;
            for (int d = start; d < Math.min(days, start + groupDays); d++) {
                if (sd != null && sd.scaled()[off + d]) {
                    int mo = d / Scenario.Volume.DAYS_PER_MONTH;
                    double n = req[off + d];
                    if (n <= 0) {
                        continue;
                    }
                    if (mSim[mo] < RealVolume.MIN_SIMULATED || !(mReq[mo] > 0)) {
                        judgeable = false;
                        continue;
                    }
                    double mu = mSat[mo] / mReq[mo];
                    scaledN += n;
                    scaledS += n * mu;
                    estVar += n * n * mu * (1 - mu) / mSim[mo]; // one month's estimate error is shared by its days
                } else {
                    exactN += req[off + d];
                    exactS += sat[off + d];
                }
            }
            double n = exactN + scaledN;
            if (n <= 0 && judgeable) {
                continue;
            }
            if (!judgeable) {
                acc.add(new RealVolume.Estimate(Double.NaN, Double.NaN, false, true), tau);
                continue;
            }
            double mean = (exactS + scaledS) / n;
            double muScaled = scaledN > 0 ? scaledS / scaledN : 0;
            double spread = Math.sqrt(scaledN * muScaled * (1 - muScaled) + estVar) / n;
            acc.add(new RealVolume.Estimate(mean, spread, true, false), tau);
        }
        return acc.stats();
    }
}
