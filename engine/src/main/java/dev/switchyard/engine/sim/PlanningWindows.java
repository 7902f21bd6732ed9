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
        return of(r.dayRequests(), r.daySatisfied(), r.planningDays(), 0, days, groupDays, tau, null);
    }

    /** Windows of {@code groupDays} days of SLA tier {@code tier} against {@code tau}. */
    public static WindowStats tierAt(ReplicationResult r, int tier, int groupDays, double tau) {
        int days = r.dayRequests().length;
        return of(r.tierDayRequests(), r.tierDaySatisfied(), r.tierPlanningDays(), tier * days, days, groupDays, tau, null);
    }

    /**
     * Windows of {@code groupDays} days of the whole traffic judged on both terms of the contract (decision 1404): a
     * window keeps the promise when its satisfaction reaches {@code tau} (at real volume, as {@link #at}) <em>and</em>
     * the run's latency term held in it (in every tier it holds, at most 1 - percentile of the weight above that tier's
     * L, as the run's own {@code latencyWindowCompliance} judges). Without a latency term this is {@link #at}.
     */
    public static WindowStats bothAt(ReplicationResult r, int groupDays, double tau) {
        int days = r.dayRequests().length;
        return of(r.dayRequests(), r.daySatisfied(), r.planningDays(), 0, days, groupDays, tau, latencyMet(r, -1, groupDays));
    }

    /** As {@link #bothAt} for SLA tier {@code tier}: its satisfaction against {@code tau} and its own latency term. */
    public static WindowStats tierBothAt(ReplicationResult r, int tier, int groupDays, double tau) {
        int days = r.dayRequests().length;
        return of(r.tierDayRequests(), r.tierDaySatisfied(), r.tierPlanningDays(), tier * days, days, groupDays, tau,
                latencyMet(r, tier, groupDays));
    }

    /**
     * The latency term alone on windows of {@code groupDays} days: {judged, met} (a window with no simulated request,
     * or in which no tier has a latency target, is not judged); {0, 0} without a latency term or for N-request windows.
     *
     * @param tier an SLA tier slot, or -1 for every tier (a window meets the term when every tier it holds does)
     */
    public static int[] latencyWindows(ReplicationResult r, int tier, int groupDays) {
        Boolean[] met = latencyMet(r, tier, groupDays);
        int judged = 0;
        int ok = 0;
        if (met != null) {
            for (Boolean m : met) {
                if (m != null) {
                    judged++;
                    if (m) {
                        ok++;
                    }
                }
            }
        }
        return new int[] {judged, ok};
    }

    /** True when the run had a latency term it judged windows on. */
    public static boolean hasLatencyTerm(ReplicationResult r) {
        LatencyMetrics.Summary l = r.latency();
        if (l == null || l.tierTargetMs() == null) {
            return false;
        }
        for (double x : l.tierTargetMs()) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }

    /** The run's latency term over the whole run, N-request windows included: {judged, met} windows as the run counted them. */
    public static double[] runLatencyWindows(ReplicationResult r) {
        LatencyMetrics.Summary l = r.latency();
        if (!hasLatencyTerm(r) || Double.isNaN(l.windowCompliance())) {
            return new double[] {0, 0};
        }
        return new double[] {l.windowsJudged(), l.windowCompliance() * l.windowsJudged()};
    }

    /** Per complete window: latency term met, missed, or null (not judged); null array when there is nothing to judge. */
    private static Boolean[] latencyMet(ReplicationResult r, int tier, int groupDays) {
        LatencyMetrics.Summary l = r.latency();
        if (!hasLatencyTerm(r) || l.dayTierWeight() == null || groupDays <= 0) {
            return null;
        }
        int days = l.dayTierWeight().length / l.tierTargetMs().length;
        Boolean[] out = new Boolean[days / groupDays];
        for (int k = 0; k < out.length; k++) {
            // the engine's one judgement of a calendar window (the run's own latencyWindowCompliance reads it too)
            out[k] = l.windowMet(tier, k * groupDays, (k + 1) * groupDays);
        }
        return out;
    }

    private static WindowStats of(double[] req, double[] sat, PlanningDays sd, int off, int days, int groupDays,
            double tau, Boolean[] latencyMet) {
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
            int k = start / groupDays;
            if (latencyMet != null && k < latencyMet.length && Boolean.FALSE.equals(latencyMet[k])) {
                acc.addMissed(new RealVolume.Estimate(mean, spread, true, false));
            } else {
                acc.add(new RealVolume.Estimate(mean, spread, true, false), tau);
            }
        }
        return acc.stats();
    }
}
