package dev.switchyard.engine.sim;

/**
 * The accumulators of one replication: totals, and per day, month, model, category and SLA tier, weighted to
 * the real volume; the scaled segments' per-cell expected scores (RealVolume, decision 0900) and sampling
 * error. One accumulation path for every request; the loop calls the small methods below, which inline.
 */
final class RunMetrics {
    final int days;
    final int months;
    final int cats;
    final int tiers;
    private final int m;
    private final double tau;
    private final StreamCells cells;
    private final int tierSlots;
    private final int cellCount;

    double totalW;
    long simulated;
    double satisfied;
    double servedScore;
    double cost;
    double exploreCost;
    double bestCost;
    double cheapestMeetingCost; // decision 0308: the cheapest single model meeting tau, on the same stream
    double oracleCost;
    double signals;
    long lastBelow;
    final double[] dayReq;
    final double[] daySat;
    final double[] dayCost;
    final double[] monthModel;
    final double[] modelReq;
    final double[] modelCost;
    final double[] catReq;
    final double[] catSat;
    final double[] catCost;
    final double[] catModel;
    final double[] tierReq;
    final double[] tierSat;
    final double[] tierCost;
    final double[] tierDayReq;
    final double[] tierDaySat;
    // simulated requests per scaled day and per (tier, scaled day): the planner judges windows at real volume (PlanningWindows)
    final double[] planDaySim;
    final double[] tierDaySim;
    // unweighted segments: counts per (category, tier, model, outcome) of one day, see flushCounts
    private final long[] counts;
    private int countDay = -1;
    boolean weightedSeen;
    // scaled segments at real volume (RealVolume): per day the real count, simulated count and expected scores
    final boolean[] dayScaled;
    final double[] dayRealN;
    private final double[] dayCellSim;
    private final double[] dayCellE;
    private final double[] dayCellE2;
    // sampling error of scaled segments: per segment simulated n, sum s, sum c, sum c^2
    private double sN;
    private double sSat;
    private double sCost;
    private double sCost2;
    double seSatVar;
    double seCostVar;

    RunMetrics(int months, int cats, int tiers, int m, double tau, StreamCells cells) {
        this.months = months;
        this.days = months * Scenario.Volume.DAYS_PER_MONTH;
        this.cats = cats;
        this.tiers = tiers;
        this.m = m;
        this.tau = tau;
        this.cells = cells;
        this.tierSlots = cells.tierSlots;
        this.cellCount = cells.cells;
        dayReq = new double[days];
        daySat = new double[days];
        dayCost = new double[days];
        monthModel = new double[months * m];
        modelReq = new double[m];
        modelCost = new double[m];
        catReq = new double[cats];
        catSat = new double[cats];
        catCost = new double[cats];
        catModel = new double[cats * m];
        tierReq = new double[tiers];
        tierSat = new double[tiers];
        tierCost = new double[tiers];
        tierDayReq = new double[tiers * days];
        tierDaySat = new double[tiers * days];
        planDaySim = new double[days];
        tierDaySim = new double[tiers * days];
        counts = new long[Math.max(1, cats) * tierSlots * m * 2];
        dayScaled = new boolean[days];
        dayRealN = new double[days];
        dayCellSim = new double[days * cellCount];
        dayCellE = new double[days * cellCount];
        dayCellE2 = new double[days * cellCount];
    }

    /**
     * Starts a segment of {@code segDays} days whose {@code represented} real requests are simulated by fewer
     * ({@code scaled}) or all of them. Returns true when its outcomes may be counted (see flushCounts).
     */
    boolean beginSegment(int firstDay, int segDays, long represented, boolean scaled) {
        // counts stand in for sums of 1.0 only until the first weighted segment (see flushCounts)
        weightedSeen |= scaled;
        if (scaled) {
            for (int d = firstDay; d < firstDay + segDays; d++) {
                dayScaled[d] = true;
                dayRealN[d] = (double) represented / segDays;
            }
        }
        sN = 0;
        sSat = 0;
        sCost = 0;
        sCost2 = 0;
        return !weightedSeen;
    }

    /** The served request's totals, each weighted by {@code w} real requests. */
    void served(double w, int ok, double score, double spend, boolean exploring, double bestFixedCost,
            double cheapestMeetingTargetCost, double oracleRowCost) {
        simulated++;
        totalW += w;
        satisfied += ok * w;
        servedScore += score * w;
        cost += spend * w;
        if (exploring) {
            exploreCost += spend * w;
        }
        bestCost += bestFixedCost * w;
        cheapestMeetingCost += cheapestMeetingTargetCost * w;
        oracleCost += oracleRowCost * w;
        if (satisfied < tau * totalW - 1e-9) {
            lastBelow = (long) Math.ceil(totalW);
        }
    }

    /** The outcome {@code ok} of model {@code model} in category {@code c}, tier {@code t} on {@code day}. */
    void outcome(int month, int day, int c, int t, int model, int ok, double w, boolean counted) {
        if (!counted) {
            dayReq[day] += w;
            daySat[day] += ok * w;
            monthModel[month * m + model] += w;
            modelReq[model] += w;
            catReq[c] += w;
            catSat[c] += ok * w;
            catModel[c * m + model] += w;
            if (tiers > 0) {
                tierReq[t] += w;
                tierSat[t] += ok * w;
                tierDayReq[t * days + day] += w;
                tierDaySat[t * days + day] += ok * w;
            }
        } else {
            if (day != countDay) {
                flushCounts(month);
                countDay = day;
            }
            counts[(((c * tierSlots + t) * m + model) << 1) + ok]++;
        }
    }

    /** The request's spend by day, category and tier, and by model: a single call's price or each call's. */
    void spend(int day, int c, int t, int served, double spend, CallLedger calls, double w) {
        dayCost[day] += spend * w;
        if (calls.n == 1) {
            modelCost[served] += (spend - calls.judgeSpend) * w;
        } else {
            for (int k = 0; k < calls.n; k++) {
                int model = calls.list[k];
                modelCost[model] += calls.callCost(model) * w;
            }
        }
        catCost[c] += spend * w;
        if (tiers > 0) {
            tierCost[t] += spend * w;
        }
    }

    /** A simulated request of a scaled segment: its expected score {@code e} by (day, cell), and sampling error. */
    void scaled(int day, int c, int t, double e, int ok, double spend) {
        int dc = day * cellCount + c * tierSlots + t;
        dayCellSim[dc] += 1;
        dayCellE[dc] += e;
        dayCellE2[dc] += e * e;
        planDaySim[day] += 1;
        if (tiers > 0) {
            tierDaySim[t * days + day] += 1;
        }
        sN++;
        sSat += ok;
        sCost += spend;
        sCost2 += spend * spend;
    }

    /** Ends the segment begun last: pending counts, and the scaled segment's sampling error. */
    void endSegment(int month, long represented, boolean scaled) {
        flushCounts(month);
        if (scaled && sN > 1) {
            double pSat = sSat / sN;
            double varSat = pSat * (1 - pSat) / sN;
            double meanC = sCost / sN;
            double varC = Math.max(0, sCost2 / sN - meanC * meanC) / sN;
            // variances of the segment's weighted totals: represented^2 * var(mean)
            seSatVar += represented * (double) represented * varSat;
            seCostVar += represented * (double) represented * varC;
        }
    }

    /**
     * Adds the unweighted segment's per-(category, tier, model, outcome) counts of {@code countDay} to the
     * day, month, model, category and tier totals. Every one of those totals is a sum of 1.0s until the
     * first weighted segment (unweighted segments always come first), so adding a count of k at once gives
     * exactly the double that k additions of 1.0 give, and the result stays bit for bit the same.
     */
    private void flushCounts(int month) {
        if (countDay < 0) {
            return;
        }
        int day = countDay;
        int i = 0;
        for (int c = 0; c < cats; c++) {
            for (int t = 0; t < tierSlots; t++) {
                for (int model = 0; model < m; model++, i += 2) {
                    long fail = counts[i];
                    long ok = counts[i + 1];
                    long n = fail + ok;
                    if (n == 0) {
                        continue;
                    }
                    counts[i] = 0;
                    counts[i + 1] = 0;
                    dayReq[day] += n;
                    daySat[day] += ok;
                    monthModel[month * m + model] += n;
                    modelReq[model] += n;
                    catReq[c] += n;
                    catSat[c] += ok;
                    catModel[c * m + model] += n;
                    if (tiers > 0) {
                        tierReq[t] += n;
                        tierSat[t] += ok;
                        tierDayReq[t * days + day] += n;
                        tierDaySat[t * days + day] += ok;
                    }
                }
            }
        }
        countDay = -1;
    }

    // ---- figures of the finished run ----

    /** Scaled days for the real-volume estimates; null when every day was exact. */
    WindowStats.ScaledDays scaledDays(long shiftDay) {
        return weightedSeen ? new WindowStats.ScaledDays(dayScaled, dayRealN, cellCount, tierSlots, dayCellSim, dayCellE,
                dayCellE2, cells.sharesBefore, cells.sharesAfter, shiftDay) : null;
    }

    /** Calendar windows of {@code groupDays} days against tau. */
    WindowStats windows(WindowStats.ScaledDays scaledDays, int groupDays) {
        return WindowStats.of(dayReq, daySat, scaledDays, groupDays, tau);
    }

    /**
     * Each month at its real volume: expected mean, real spread, and the probability it ends below tau.
     *
     * @param limited months whose scaled estimate is noisy against the real spread
     */
    record Months(double[] mean, double[] sd, double[] breach, int limited) {
    }

    Months monthsAtRealVolume(WindowStats.ScaledDays scaledDays) {
        double[] monthMean = new double[months];
        double[] monthSd = new double[months];
        double[] monthBreach = new double[months];
        int limitedMonths = 0;
        RealVolume.Scaled monthScaled = new RealVolume.Scaled(cellCount, tierSlots);
        for (int mo = 0; mo < months; mo++) {
            double exactN = 0;
            double exactS = 0;
            monthScaled.reset();
            boolean anyScaled = false;
            for (int d = mo * Scenario.Volume.DAYS_PER_MONTH; d < (mo + 1) * Scenario.Volume.DAYS_PER_MONTH; d++) {
                if (dayScaled[d]) {
                    scaledDays.addDay(d, monthScaled);
                    anyScaled = true;
                } else {
                    exactN += dayReq[d];
                    exactS += daySat[d];
                }
            }
            if (exactN + monthScaled.realRequests <= 0) {
                monthMean[mo] = Double.NaN;
                monthSd[mo] = Double.NaN;
                monthBreach[mo] = Double.NaN;
                continue;
            }
            RealVolume.Estimate est = RealVolume.estimate(exactN, exactS, anyScaled ? monthScaled : null);
            if (est.limited()) {
                limitedMonths++;
            }
            monthMean[mo] = est.mean();
            monthSd[mo] = est.sd();
            monthBreach[mo] = Double.isNaN(est.mean()) ? Double.NaN : 1 - est.probabilityAtOrAbove(tau);
        }
        return new Months(monthMean, monthSd, monthBreach, limitedMonths);
    }

    /** Per-month sums of a per-day array. */
    double[] perMonth(double[] perDay) {
        double[] out = new double[months];
        for (int d = 0; d < days; d++) {
            out[d / Scenario.Volume.DAYS_PER_MONTH] += perDay[d];
        }
        return out;
    }

    /** Per tier: days with traffic (when {@code met} is false) or days at or above tau (when true). */
    int[] tierDays(boolean met) {
        int[] out = new int[tiers];
        for (int t = 0; t < tiers; t++) {
            for (int d = 0; d < days; d++) {
                double n = tierDayReq[t * days + d];
                if (n > 0 && (!met || tierDaySat[t * days + d] / n >= tau - 1e-12)) {
                    out[t]++;
                }
            }
        }
        return out;
    }

    /** The running mean stayed at or above tau from this request on (1-based); -1 when it ends below. */
    long firstStayingAbove() {
        return satisfied < tau * totalW - 1e-9 ? -1 : lastBelow + 1;
    }

    /** Per (tier, day): the day is scaled (tier-major copy of dayScaled). */
    boolean[] tierScaled() {
        boolean[] out = new boolean[tiers * days];
        for (int t = 0; t < tiers; t++) {
            System.arraycopy(dayScaled, 0, out, t * days, days);
        }
        return out;
    }
}
