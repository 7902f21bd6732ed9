package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.LatencyTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency metrics of one replication (decision 1400): p50/p95/p99 of time to first token and of total latency over
 * the run, per month and per SLA tier, the constrained metric's percentile per SLA window, and the share of
 * complete windows whose percentile meets the latency target L.
 *
 * <p>Percentiles are nearest-rank on the weighted requests (a scaled request counts for the real requests it
 * stands for): the smallest latency x with at least {@code p} of the weight at or below x. Values go into fixed
 * log-bucket histograms read from a float's exponent and top mantissa bits (no logarithm in the loop): 128 buckets
 * per doubling from 1 ms to 2^21 ms for the run, month and tier figures (a reported percentile is its bucket's
 * midpoint, within 0.4% of the exact one), 32 per doubling for the per-window series (within 1.6%). Whether a
 * window meets L is not read from a histogram: the weight above each request's own L is summed exactly, and a
 * window meets L when, in every tier it holds, that weight is at most {@code 1 - p} of the tier's weight.
 */
final class LatencyMetrics {
    private static final int ONE_BITS = Float.floatToRawIntBits(1.0f);
    private static final int OCTAVES = 21;
    static final int FINE_SHIFT = 16; // 23 - 7: 128 buckets per octave
    static final int FINE = OCTAVES << (23 - FINE_SHIFT);
    static final int COARSE_SHIFT = 18; // 23 - 5: 32 buckets per octave
    static final int COARSE = OCTAVES << (23 - COARSE_SHIFT);
    private static final int ONE_FINE = ONE_BITS >>> FINE_SHIFT;
    private static final int ONE_COARSE = ONE_BITS >>> COARSE_SHIFT;

    private final boolean constrainTotal;
    private final double percentile;
    private final boolean active;
    /** Some tier has a finite L: only then are the over-L sums kept (they are read for nothing else). */
    private final boolean judging;
    private final double[] tierL; // per tier slot; +Infinity = no target
    private final int days;
    private final int months;
    private final int tierSlots;
    private final Scenario.Window window;
    private final long windowN;
    private final long totalRequests;
    private final double[] ttftHist; // [(tier * months + month) * FINE + b]
    private final double[] totalHist;
    private final double[] dayHist; // [day * COARSE + b], constrained metric (calendar windows only)
    private final double[] dayTierW; // [tier * days + day]
    private final double[] dayTierOver;
    private double overW;
    private double allW;
    private double limitedW;
    private double overLimitW;
    // windows of N real requests
    private long winIndex = -1;
    private long winEnd;
    private final double[] winHist;
    private final double[] winTierW;
    private final double[] winTierOver;
    private final List<Double> requestWindowPercentiles = new ArrayList<>();
    private int reqWindowsMet;
    private int reqWindowsJudged;
    private final int[] reqTierMet;
    private final int[] reqTierJudged;

    LatencyMetrics(LatencyTarget target, List<String> tierNames, int days, int months, Scenario.Sla sla, long totalRequests) {
        this.constrainTotal = target.metric() == LatencyTarget.Metric.TOTAL;
        this.percentile = target.percentile();
        this.active = target.isActive();
        this.tierSlots = Math.max(1, tierNames.size());
        this.tierL = new double[tierSlots];
        boolean anyL = false;
        for (int t = 0; t < tierSlots; t++) {
            tierL[t] = target.targetMs(tierNames.isEmpty() ? null : tierNames.get(t));
            anyL |= Double.isFinite(tierL[t]);
        }
        this.judging = anyL;
        this.days = days;
        this.months = months;
        this.window = sla.window();
        this.windowN = window == Scenario.Window.REQUESTS ? sla.windowRequests() : 0;
        this.totalRequests = totalRequests;
        ttftHist = new double[tierSlots * months * FINE];
        totalHist = new double[tierSlots * months * FINE];
        dayHist = windowN > 0 ? null : new double[days * COARSE];
        dayTierW = new double[tierSlots * days];
        dayTierOver = new double[tierSlots * days];
        winHist = windowN > 0 ? new double[COARSE] : null;
        winTierW = new double[tierSlots];
        winTierOver = new double[tierSlots];
        reqTierMet = new int[tierSlots];
        reqTierJudged = new int[tierSlots];
    }

    static int fineBucket(double ms) {
        int b = (Float.floatToRawIntBits((float) Math.max(ms, 1.0)) >>> FINE_SHIFT) - ONE_FINE;
        return Math.min(b, FINE - 1);
    }

    static int coarseBucket(double ms) {
        int b = (Float.floatToRawIntBits((float) Math.max(ms, 1.0)) >>> COARSE_SHIFT) - ONE_COARSE;
        return Math.min(b, COARSE - 1);
    }

    /** Midpoint of fine bucket {@code b}, milliseconds. */
    static double fineValue(int b) {
        return mid(b + ONE_FINE, FINE_SHIFT);
    }

    static double coarseValue(int b) {
        return mid(b + ONE_COARSE, COARSE_SHIFT);
    }

    private static double mid(int top, int shift) {
        double lo = Float.intBitsToFloat(top << shift);
        double hi = Float.intBitsToFloat((top + 1) << shift);
        return (lo + hi) / 2;
    }

    /** One served request (weight {@code w}: the real requests it stands for). */
    void record(long seq, int day, int month, int tier, double ttftMs, double totalMs, double w) {
        int slice = (tier * months + month) * FINE;
        ttftHist[slice + fineBucket(ttftMs)] += w;
        totalHist[slice + fineBucket(totalMs)] += w;
        double v = constrainTotal ? totalMs : ttftMs;
        allW += w;
        if (windowN > 0) {
            if (seq >= winEnd) {
                closeWindow();
                winIndex = seq / windowN;
                winEnd = (winIndex + 1) * windowN;
            }
            winHist[coarseBucket(v)] += w;
        } else {
            dayHist[day * COARSE + coarseBucket(v)] += w;
        }
        if (judging) {
            // without any finite L these sums are never read (no window is judged, no share is over L, the planner
            // judges no latency term): skipped on the hot path
            double over = v > tierL[tier] ? w : 0;
            overW += over;
            if (windowN > 0) {
                winTierW[tier] += w;
                winTierOver[tier] += over;
            } else {
                int dt = tier * days + day;
                dayTierW[dt] += w;
                dayTierOver[dt] += over;
            }
        }
    }

    /** A request (weight {@code w}) that went to its model's declared fallback because of a rate limit. */
    void rateLimited(double w) {
        limitedW += w;
    }

    /** A request (weight {@code w}) served over its model's rate limit: every model of its fallback chain was full. */
    void overLimit(double w) {
        overLimitW += w;
    }

    private void closeWindow() {
        if (winIndex < 0) {
            return;
        }
        boolean complete = (winIndex + 1) * windowN <= totalRequests;
        if (complete) {
            requestWindowPercentiles.add(percentile(winHist, 0, COARSE, percentile, true));
            judge(winTierW, winTierOver, 0, 1, true);
        }
        Arrays.fill(winHist, 0);
        Arrays.fill(winTierW, 0);
        Arrays.fill(winTierOver, 0);
    }

    // judges one window from per-tier sums (layout [tier * stride + offset]); counts it when asked
    private boolean judge(double[] w, double[] over, int offset, int stride, boolean requestWindow) {
        boolean all = true;
        boolean any = false;
        for (int t = 0; t < tierSlots; t++) {
            double n = w[t * stride + offset];
            if (n <= 0 || !Double.isFinite(tierL[t])) {
                continue;
            }
            any = true;
            boolean met = keeps(over[t * stride + offset], n, percentile);
            all &= met;
            if (requestWindow) {
                reqTierJudged[t]++;
                if (met) {
                    reqTierMet[t]++;
                }
            }
        }
        if (requestWindow && any) {
            reqWindowsJudged++;
            if (all) {
                reqWindowsMet++;
            }
        }
        return any && all;
    }

    /** Nearest-rank percentile of a histogram slice; NaN when it holds no weight. */
    static double percentile(double[] hist, int from, int buckets, double p, boolean coarse) {
        double total = 0;
        for (int b = 0; b < buckets; b++) {
            total += hist[from + b];
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = p * total * (1 - 1e-12);
        double cum = 0;
        for (int b = 0; b < buckets; b++) {
            cum += hist[from + b];
            if (cum >= rank && hist[from + b] > 0) {
                return coarse ? coarseValue(b) : fineValue(b);
            }
        }
        return coarse ? coarseValue(buckets - 1) : fineValue(buckets - 1);
    }

    /** The replication's figures. */
    Summary summary(List<String> tierNames) {
        double[] runTtft = new double[FINE];
        double[] runTotal = new double[FINE];
        List<LatencyStats.Quantiles> perMonth = new ArrayList<>();
        for (int mo = 0; mo < months; mo++) {
            double[] mt = new double[FINE];
            double[] mT = new double[FINE];
            for (int t = 0; t < tierSlots; t++) {
                add(mt, ttftHist, (t * months + mo) * FINE);
                add(mT, totalHist, (t * months + mo) * FINE);
            }
            add(runTtft, mt, 0);
            add(runTotal, mT, 0);
            perMonth.add(quantiles(mt, mT));
        }
        List<LatencyStats.Quantiles> perTier = new ArrayList<>();
        if (!tierNames.isEmpty()) {
            for (int t = 0; t < tierSlots; t++) {
                double[] tt = new double[FINE];
                double[] tT = new double[FINE];
                for (int mo = 0; mo < months; mo++) {
                    add(tt, ttftHist, (t * months + mo) * FINE);
                    add(tT, totalHist, (t * months + mo) * FINE);
                }
                perTier.add(quantiles(tt, tT));
            }
        }
        List<Double> windowPct;
        int met = 0;
        int judged = 0;
        int[] tierMet = new int[tierSlots];
        int[] tierJudged = new int[tierSlots];
        if (windowN > 0) {
            closeWindow();
            winIndex = -1;
            windowPct = List.copyOf(requestWindowPercentiles);
            met = reqWindowsMet;
            judged = reqWindowsJudged;
            tierMet = reqTierMet.clone();
            tierJudged = reqTierJudged.clone();
        } else {
            int len = switch (window) {
                case DAY -> 1;
                case WEEK -> 7;
                default -> Scenario.Volume.DAYS_PER_MONTH;
            };
            List<Double> pct = new ArrayList<>();
            double[] h = new double[COARSE];
            for (int start = 0; start + len <= days; start += len) {
                Arrays.fill(h, 0);
                for (int d = start; d < start + len; d++) {
                    add(h, dayHist, d * COARSE);
                }
                double v = percentile(h, 0, COARSE, percentile, true);
                if (Double.isNaN(v)) {
                    continue; // a window that held no simulated request is not judged
                }
                pct.add(v);
                Boolean kept = calendarWindowMet(tierL, percentile, dayTierW, dayTierOver, days, start, start + len, -1,
                        tierJudged, tierMet);
                if (kept != null) {
                    judged++;
                    if (kept) {
                        met++;
                    }
                }
            }
            windowPct = List.copyOf(pct);
        }
        double[] tierCompliance = new double[tierNames.isEmpty() ? 0 : tierSlots];
        for (int t = 0; t < tierCompliance.length; t++) {
            tierCompliance[t] = tierJudged[t] == 0 ? Double.NaN : (double) tierMet[t] / tierJudged[t];
        }
        LatencyStats.Quantiles run = quantiles(runTtft, runTotal);
        double constrainedPct = percentile(constrainTotal ? runTotal : runTtft, 0, FINE, percentile, false);
        return new Summary(run, constrainedPct, active && judged > 0 ? (double) met / judged : Double.NaN, judged,
                active && allW > 0 ? overW / allW : Double.NaN, perMonth, perTier, tierCompliance, windowPct,
                allW > 0 ? limitedW / allW : 0, allW > 0 ? overLimitW / allW : 0, percentile, tierL.clone(),
                windowN > 0 ? null : dayTierW.clone(), windowN > 0 ? null : dayTierOver.clone());
    }

    /**
     * The one rule for a tier in a window (decision 1400): it keeps its latency term when at most {@code 1 - p} of its
     * weight is above its L (a relative 1e-12 of slack for the rounding of weighted sums).
     */
    static boolean keeps(double overWeight, double weight, double percentile) {
        return overWeight <= (1 - percentile) * weight * (1 + 1e-12);
    }

    /**
     * The one judgement of a calendar window [{@code fromDay}, {@code toDay}) from per-(tier, day) sums
     * ({@code [tier * days + day]}): null when no tier with a latency target holds weight in it (not judged), else true
     * when every such tier keeps its term ({@link #keeps}). The run's {@code latencyWindowCompliance} and the
     * planner's contract windows of any length (PlanningWindows) both read it.
     *
     * @param onlyTier judge that tier slot alone, or -1 for all
     * @param tierJudged per tier, incremented when the tier is judged (null: not counted)
     * @param tierMet per tier, incremented when the tier keeps it (null: not counted)
     */
    static Boolean calendarWindowMet(double[] tierL, double percentile, double[] dayTierW, double[] dayTierOver, int days,
            int fromDay, int toDay, int onlyTier, int[] tierJudged, int[] tierMet) {
        boolean any = false;
        boolean all = true;
        for (int t = 0; t < tierL.length; t++) {
            if ((onlyTier >= 0 && t != onlyTier) || !Double.isFinite(tierL[t])) {
                continue;
            }
            double w = 0;
            double over = 0;
            for (int d = fromDay; d < toDay; d++) {
                w += dayTierW[t * days + d];
                over += dayTierOver[t * days + d];
            }
            if (w <= 0) {
                continue;
            }
            any = true;
            boolean ok = keeps(over, w, percentile);
            if (tierJudged != null) {
                tierJudged[t]++;
                if (ok) {
                    tierMet[t]++;
                }
            }
            all &= ok;
        }
        return any ? all : null;
    }

    static LatencyStats.Quantiles quantiles(double[] ttft, double[] total) {
        return new LatencyStats.Quantiles(percentile(ttft, 0, FINE, 0.50, false), percentile(ttft, 0, FINE, 0.95, false),
                percentile(ttft, 0, FINE, 0.99, false), percentile(total, 0, FINE, 0.50, false),
                percentile(total, 0, FINE, 0.95, false), percentile(total, 0, FINE, 0.99, false));
    }

    private static void add(double[] into, double[] from, int offset) {
        for (int b = 0; b < into.length; b++) {
            into[b] += from[offset + b];
        }
    }

    /**
     * @param run over the whole run
     * @param constrainedPercentile the constrained metric at the target's percentile over the run
     * @param windowCompliance share of judged complete windows meeting L in every tier; NaN without a target
     * @param windowsJudged complete windows judged
     * @param overTargetShare share of requests above their tier's L; NaN without a target
     * @param perMonth by month
     * @param perTier by SLA tier (empty when the sample has none)
     * @param tierWindowCompliance per tier, share of its judged windows meeting its L (NaN when none)
     * @param windowPercentiles the constrained metric's percentile in each complete window (1.6% buckets)
     * @param rateLimitedShare share of requests (real volume) that went to a fallback because of a rate limit
     * @param overLimitShare share of requests (real volume) served over a rate limit (the whole fallback chain full)
     * @param percentile the target's percentile (e.g. 0.95)
     * @param tierTargetMs L per tier slot (+Infinity: no latency term for that tier)
     * @param dayTierWeight weight (real requests) per (tier slot, day), {@code [tier * days + day]}, so the planner can
     *     judge latency on contract windows of any length (null for N-request windows)
     * @param dayTierOver weight above its tier's L per (tier slot, day), same layout (null for N-request windows)
     */
    record Summary(LatencyStats.Quantiles run, double constrainedPercentile, double windowCompliance, int windowsJudged,
            double overTargetShare, List<LatencyStats.Quantiles> perMonth, List<LatencyStats.Quantiles> perTier, double[] tierWindowCompliance,
            List<Double> windowPercentiles, double rateLimitedShare, double overLimitShare,
            // the planner's inputs (decision 1404): not part of a result's JSON (goldens, stored runs unchanged)
            @com.fasterxml.jackson.annotation.JsonIgnore double percentile,
            @com.fasterxml.jackson.annotation.JsonIgnore double[] tierTargetMs,
            @com.fasterxml.jackson.annotation.JsonIgnore double[] dayTierWeight,
            @com.fasterxml.jackson.annotation.JsonIgnore double[] dayTierOver) {

        /**
         * Whether the calendar window of days [{@code fromDay}, {@code toDay}) kept the latency term, judged as the run
         * judged its own windows ({@link LatencyMetrics#calendarWindowMet}); null when not judged or when this summary
         * has no per-day sums (N-request windows).
         *
         * @param tier the tier slot to judge alone, or -1 for every tier
         */
        Boolean windowMet(int tier, int fromDay, int toDay) {
            if (dayTierWeight == null || tierTargetMs == null) {
                return null;
            }
            return calendarWindowMet(tierTargetMs, percentile, dayTierWeight, dayTierOver,
                    dayTierWeight.length / tierTargetMs.length, fromDay, toDay, tier, null, null);
        }
    }
}
