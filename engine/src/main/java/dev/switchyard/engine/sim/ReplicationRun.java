package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.oracle.HiddenTruth;
import dev.switchyard.engine.routing.oracle.HindsightRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * One replication: draws the stream, routes, draws the hidden truth, produces feedback, measures.
 * The hot path allocates nothing: one request view, one feedback event and one serving handle are
 * reused. The parts: {@link RequestStream} (queries and hidden truth), {@link FeedbackChannel} (what the
 * router is told), the metric accumulators below (one path for every request) and {@link RealVolume}
 * (window and month satisfaction at the real request count). Stream, truth and feedback are counter-based
 * draws keyed by (seed, replication, real request index, model): common random numbers across routers and
 * targets (decision 0901); the router's own generator derives from (seed, replication).
 */
final class ReplicationRun {
    private static final Signal[] SIGNALS = Signal.values();
    private static final long DAY_MS = 86_400_000L;
    private static final int BLOCK = 64;

    private final PreparedScenario p;
    private final Scenario s;
    private final int replication;
    private final Router router;
    private final HindsightRouter bound;
    private final RequestStream stream;
    private final long shiftAt; // the mix shift's first day (Long.MAX_VALUE without one)
    private final FeedbackChannel channel;
    private final int m;
    private final int stride;
    private float[] packed; // switched per month by a timeline's cost epochs (PreparedScenario.packedForMonth)
    private final double tau;
    private final long delay;
    private final double[] oracleRowCost;
    private final double[] oracleRowCostAfterShift; // refitted to the post-shift mix, so the regret reference stays a bound
    private final SignalTape tape;
    private final float[] block;
    private final int hot;
    private final int[] blockRow = new int[BLOCK];
    private final int[] blockDay = new int[BLOCK];
    private final long[] blockSeq = new long[BLOCK];
    private final double[] blockFrac = new double[BLOCK];
    private final RunControl control;
    // the scenario's judge (decision 0307): its error rate and price are not the router's to choose
    private final double judgeError;
    private final double judgeCost;
    // latency (decision 1400): paired draws keyed by (request, model), metrics in their own class
    private final LatencyModel latencyModel;
    private final CounterRandom latencyRandom;
    private final LatencyMetrics latency;

    private final Request current;
    private final Request past;
    private final Event event;
    private final Calls calls;
    private final Truth truth;

    // delayed feedback FIFO
    private long[] qSeq = new long[64];
    private int[] qRow = new int[64];
    private int[] qDay = new int[64];
    private double[] qFrac = new double[64];
    private int[] qModel = new int[64];
    private byte[] qSignal = new byte[64];
    private boolean[] qServed = new boolean[64];
    private double[] qCost = new double[64];
    private int qHead;
    private int qSize;

    // metrics
    private final int days;
    private final int months;
    private final int cats;
    private final int tiers;
    private double totalW;
    private long simulated;
    private double satisfied;
    private double servedScore;
    private double cost;
    private double exploreCost;
    private double bestCost;
    private double cheapestMeetingCost; // decision 0308: the cheapest single model meeting tau, on the same stream
    private final int cheapestMeeting;
    private double oracleCost;
    private double signals;
    private long lastBelow;
    private final double[] dayReq;
    private final double[] daySat;
    private final double[] dayCost;
    private final double[] monthModel;
    private final double[] modelReq;
    private final double[] modelCost;
    private final double[] catReq;
    private final double[] catSat;
    private final double[] catCost;
    private final double[] catModel;
    private final double[] tierReq;
    private final double[] tierSat;
    private final double[] tierCost;
    private final double[] tierDayReq;
    // simulated requests per scaled day and per (tier, scaled day): the planner judges windows at real volume (PlanningWindows)
    private final double[] planDaySim;
    private final double[] tierDaySim;
    private final double[] tierDaySat;
    // unweighted segments: counts per (category, tier, model, outcome) of one day, see flushCounts
    private final int tierSlots;
    private final long[] counts;
    private int countDay = -1;
    private boolean weightedSeen;
    // windows of N real requests: window k holds real requests [kN, (k+1)N); see closeWindow
    private final long windowN;
    private final long totalRequests;
    private long winIndex = -1;
    private long winEnd;
    private double winExactN;
    private double winExactSat;
    private double winShiftedSim;
    private final RealVolume.Scaled winScaled;
    private final RealVolume.Windows requestWindows = new RealVolume.Windows();
    // scaled segments at real volume (RealVolume): per day the real count, simulated count and expected scores
    private final boolean[] dayScaled;
    private final double[] dayRealN;
    private final int cells;
    private final double[] dayCellSim;
    private final double[] dayCellE;
    private final double[] dayCellE2;
    private final double[] sharesBefore;
    private final double[] sharesAfter;
    // expected score of (category, tier, model): the mean over the evaluation rows of that cell
    private final double[] cellMean;
    private final boolean rowBlind;
    private final List<TracePoint> trace = new ArrayList<>();
    private double nextTrace = 10;
    private int lastTraceDay = -1;
    // sampling error of scaled segments: per segment simulated n, sum s, sum c, sum c^2
    private double seSatVar;
    private double seCostVar;

    /**
     * @param rowBlind true when the router's choice depends on a request only through what is independent of its
     *     hidden score given (category, tier): then a scaled request's expected score is its cell's mean (see
     *     decision 0900); false (text predictors, bounds) uses the row's own score
     */
    ReplicationRun(PreparedScenario p, Scenario s, int replication, Router router, HindsightRouter bound, SignalTape tape,
            RunControl control, boolean rowBlind) {
        this.control = control;
        this.p = p;
        this.s = s;
        this.replication = replication;
        this.router = router;
        this.bound = bound;
        this.tape = tape;
        this.stream = new RequestStream(p, s, replication);
        this.shiftAt = stream.shiftDay();
        this.channel = new FeedbackChannel(s, replication, tape);
        this.rowBlind = rowBlind && router != null;
        this.m = p.m;
        this.stride = p.stride;
        this.packed = p.packed;
        this.block = new float[BLOCK * p.stride];
        this.hot = 3 * p.m;
        this.tau = s.sla().target();
        this.delay = s.feedback().delayRequests();
        this.oracleRowCost = p.slaOracleCost(tau);
        this.oracleRowCostAfterShift = p.slaOracleCostAfterShift(tau, s.mixShift());
        this.judgeError = s.judge().errorRate();
        this.judgeCost = Double.isNaN(s.judge().costPerCall()) ? p.cheapestMeanExpectedCost() : s.judge().costPerCall();
        this.cheapestMeeting = Math.max(0, p.cheapestMeetingTarget(tau)); // -1 (none): accumulated, then reported as NaN
        this.current = new Request();
        this.current.set(block, 0, 0, 0, 0, 0);
        this.past = new Request();
        this.event = new Event();
        // immediate feedback is about the current request; the delay queue re-points past (deliver)
        this.event.request = current;
        this.calls = new Calls();
        this.truth = new Truth();
        this.months = s.volume().months();
        this.days = months * Scenario.Volume.DAYS_PER_MONTH;
        this.cats = p.sample.categories().size();
        this.tiers = p.sample.hasSlaTiers() ? p.sample.slaTiers().size() : 0;
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
        planDaySim = new double[days];
        tierDaySim = new double[tiers * days];
        tierDaySat = new double[tiers * days];
        tierSlots = Math.max(1, tiers);
        counts = new long[Math.max(1, cats) * tierSlots * m * 2];
        windowN = s.sla().window() == Scenario.Window.REQUESTS ? s.sla().windowRequests() : 0;
        long total = 0;
        for (int mo = 0; mo < months; mo++) {
            total += s.volume().requestsInMonth(mo);
        }
        totalRequests = total;
        dayScaled = new boolean[days];
        dayRealN = new double[days];
        cells = Math.max(1, cats) * tierSlots;
        dayCellSim = new double[days * cells];
        dayCellE = new double[days * cells];
        dayCellE2 = new double[days * cells];
        winScaled = new RealVolume.Scaled(cells, tierSlots);
        cellMean = new double[cells * m];
        double[] cellRows = new double[cells];
        for (int r = 0; r < p.rows; r++) {
            int cell = p.category[r] * tierSlots + (tiers > 0 ? p.tier[r] : 0);
            cellRows[cell]++;
            for (int j = 0; j < m; j++) {
                cellMean[cell * m + j] += p.score[r * m + j];
            }
        }
        for (int cell = 0; cell < cellRows.length; cell++) {
            for (int j = 0; j < m; j++) {
                cellMean[cell * m + j] = cellRows[cell] == 0 ? 0 : cellMean[cell * m + j] / cellRows[cell];
            }
        }
        this.latencyModel = p.latencyModel();
        this.latencyRandom = new CounterRandom(s.seed(), replication, Seeds.LATENCY);
        this.latency = new LatencyMetrics(s.latency(), tiers > 0 ? p.sample.slaTiers().values() : List.of(), days, months, s.sla(),
                totalRequests);
        // the stream's cell shares: rows drawn uniformly; after a mix shift, categories by the shifted weights and
        // tiers within a category by their rows
        sharesBefore = new double[cells];
        sharesAfter = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            int c = cell / tierSlots;
            sharesBefore[cell] = cellRows[cell] / p.rows;
            int catRows = c < cats ? p.rowsByCategory[c].length : 0;
            sharesAfter[cell] = catRows == 0 ? 0 : stream.shiftedCategoryShare(c) * cellRows[cell] / catRows;
        }
    }

    ReplicationResult run() {
        Scenario.Volume v = s.volume();
        Scenario.Scaling sc = s.scaling();
        long seq = 0;
        for (int month = 0; month < months; month++) {
            packed = p.packedForMonth(month);
            long n = v.requestsInMonth(month);
            int exactDays = (int) Math.max(0, Math.min(Scenario.Volume.DAYS_PER_MONTH,
                    (long) sc.exactDays() - (long) month * Scenario.Volume.DAYS_PER_MONTH));
            long exactN = n * exactDays / Scenario.Volume.DAYS_PER_MONTH;
            long restN = n - exactN;
            int firstDay = month * Scenario.Volume.DAYS_PER_MONTH;
            if (exactN > 0) {
                segment(month, firstDay, exactDays, exactN, exactN, seq);
                seq += exactN;
            }
            if (restN > 0) {
                long sim = Math.min(restN, sc.maxSimulatedPerMonth());
                segment(month, firstDay + exactDays, Scenario.Volume.DAYS_PER_MONTH - exactDays, restN, sim, seq);
                seq += restN;
            }
        }
        return result(seq);
    }

    private void segment(int month, int firstDay, int segDays, long represented, long sim, long startSeq) {
        double w = (double) represented / sim;
        boolean scaled = sim < represented;
        // counts stand in for sums of 1.0 only until the first weighted segment (see flushCounts)
        weightedSeen |= scaled;
        boolean counted = !weightedSeen;
        if (scaled) {
            for (int d = firstDay; d < firstDay + segDays; d++) {
                dayScaled[d] = true;
                dayRealN[d] = (double) represented / segDays;
            }
        }
        double sN = 0;
        double sSat = 0;
        double sCost = 0;
        double sCost2 = 0;
        // day = firstDay + floor(i * segDays / sim), kept incrementally: no long division per request
        int day = firstDay;
        long rem = -segDays;
        double invSim = 1.0 / sim;
        float[] block = this.block;
        for (long blockStart = 0; blockStart < sim; blockStart += BLOCK) {
            if ((blockStart & 0xFFFFF) == 0 && blockStart > 0 && control.isCancelled()) {
                throw new java.util.concurrent.CancellationException("simulation cancelled");
            }
            int len = (int) Math.min(BLOCK, sim - blockStart);
            // Gather: draw the block's rows and copy their cells into a buffer that stays in L1. The copies are
            // independent loads, so the cache misses of a large pool overlap instead of stalling each request.
            for (int k = 0; k < len; k++) {
                rem += segDays;
                while (rem >= sim) {
                    rem -= sim;
                    day++;
                }
                long i = blockStart + k;
                // the real request index: the router's clock and the common-random-numbers key
                long seq = startSeq + (scaled ? (long) (i * w) : i);
                blockSeq[k] = seq;
                blockDay[k] = day;
                blockFrac[k] = (rem + 0.5) * invSim;
                int r = stream.row(seq, day);
                blockRow[k] = r;
                System.arraycopy(packed, r * stride, block, k * stride, hot); // expected USD cost stays in packed
            }
            for (int b = 0; b < len; b++) {
                int row = blockRow[b];
                day = blockDay[b];
                double frac = blockFrac[b];
                int base = b * stride;
                long seq = blockSeq[b];
                current.at(base, row, seq, day, frac);
                calls.reset(base, seq);
            int served;
            if (router != null) {
                served = router.route(current, calls);
            } else {
                truth.row = row;
                truth.shifted = day >= shiftAt;
                served = bound.route(current, truth);
            }
            if (served < 0 || served >= m) {
                throw new IllegalStateException("router '" + s.router() + "' returned model " + served + " of " + m);
            }
            calls.call(served);
            int ok = calls.outcome[served];
            double spend = calls.spend;
            if (tape != null) {
                tape.decision(served, calls.n);
            }
            double ttftMs = latencyMs(seq, row, served, calls.n == 1 || calls.exploring ? null : calls);
            double totalMs = lastTotalMs;
            latency.record(seq, day, month, tiers > 0 ? p.tier[row] : 0, ttftMs, totalMs, w);
            if (router != null) {
                router.observeLatency(current, served, ttftMs, totalMs);
            }
            if (router != null) {
                boolean exploreAll = calls.exploring && calls.n == m;
                for (int k = 0; k < calls.n; k++) {
                    int model = calls.list[k];
                    boolean isServed = model == served;
                    if (isServed || calls.exploring) {
                        byte sig = channel.signal(calls.outcome[model], seq, model, isServed, exploreAll);
                        if (FeedbackChannel.informative(sig)) {
                            signals += 1;
                        }
                        double callCost = block[base + m + model];
                        if (delay == 0) {
                            // written out rather than through deliver(): once deliver() is compiled on its own
                            // (drain uses it) C2 refuses to inline it here, and the call spills the loop's registers
                            event.model = model;
                            event.signal = sig;
                            event.served = isServed;
                            event.cost = callCost;
                            event.delay = 0;
                            router.observe(event);
                        } else {
                            enqueue(seq, row, day, frac, model, sig, isServed, callCost);
                        }
                    }
                }
                if (delay > 0) {
                    drain(seq);
                }
            }
            // metrics
            simulated++;
            totalW += w;
            satisfied += ok * w;
            servedScore += block[base + 2 * m + served] * w;
            cost += spend * w;
            if (calls.exploring) {
                exploreCost += spend * w;
            }
            bestCost += block[base + m + p.bestFixed] * w;
            cheapestMeetingCost += block[base + m + cheapestMeeting] * w;
            oracleCost += (day >= shiftAt ? oracleRowCostAfterShift : oracleRowCost)[row] * w;
            int c = p.category[row];
            int t = tiers > 0 ? p.tier[row] : 0;
            if (!counted) {
                dayReq[day] += w;
                daySat[day] += ok * w;
                monthModel[month * m + served] += w;
                modelReq[served] += w;
                catReq[c] += w;
                catSat[c] += ok * w;
                catModel[c * m + served] += w;
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
                counts[(((c * tierSlots + t) * m + served) << 1) + ok]++;
            }
            dayCost[day] += spend * w;
            if (calls.n == 1) {
                modelCost[served] += (spend - calls.judgeSpend) * w;
            } else {
                for (int k = 0; k < calls.n; k++) {
                    int model = calls.list[k];
                    modelCost[model] += block[base + m + model] * w;
                }
            }
            catCost[c] += spend * w;
            if (tiers > 0) {
                tierCost[t] += spend * w;
            }
            if (satisfied < tau * totalW - 1e-9) {
                lastBelow = (long) Math.ceil(totalW);
            }
            double e = 0;
            if (scaled) {
                // the request's expected score (RealVolume): what a judge saw is the drawn outcome itself
                e = calls.judged ? ok : rowBlind ? cellMean[(c * tierSlots + t) * m + served] : block[base + 2 * m + served];
                int dc = day * cells + c * tierSlots + t;
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
            if (windowN > 0) {
                if (seq >= winEnd) {
                    closeWindow();
                    winIndex = seq / windowN;
                    winEnd = (winIndex + 1) * windowN;
                }
                if (scaled) {
                    int cell = c * tierSlots + t;
                    winScaled.sim[cell] += 1;
                    winScaled.sumE[cell] += e;
                    winScaled.sumE2[cell] += e * e;
                    if (day >= stream.shiftDay()) {
                        winShiftedSim += 1;
                    }
                } else {
                    winExactN += 1;
                    winExactSat += ok;
                }
            }
            if (totalW >= nextTrace || day != lastTraceDay) {
                trace(seq, day, frac);
                lastTraceDay = day;
                while (nextTrace <= totalW) {
                    nextTrace *= 1.15;
                }
            }
            }
        }
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

    private double lastTotalMs;

    /**
     * The served answer's time to first token (its total in {@link #lastTotalMs}): the model's paired draw; after a
     * cascade's earlier calls (not exploration's shadow calls), their whole answers come first.
     */
    private double latencyMs(long seq, int row, int served, Calls sequential) {
        long bits = latencyRandom.bits(seq, served);
        double ttft = latencyModel.ttftMs(bits, row, served);
        double total = latencyModel.totalMs(bits, row, served, ttft);
        if (sequential != null) {
            double before = 0;
            for (int k = 0; k < sequential.n; k++) {
                int model = sequential.list[k];
                if (model != served) {
                    long b = latencyRandom.bits(seq, model);
                    before += latencyModel.totalMs(b, row, model, latencyModel.ttftMs(b, row, model));
                }
            }
            ttft += before;
            total += before;
        }
        lastTotalMs = total;
        return ttft;
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

    private void deliver(int model, byte sig, boolean served, double callCost, long delayed) {
        event.model = model;
        event.request = past;
        event.signal = sig;
        event.served = served;
        event.cost = callCost;
        event.delay = delayed;
        router.observe(event);
    }

    private void enqueue(long seq, int row, int day, double frac, int model, byte sig, boolean served, double callCost) {
        if (qSize == qSeq.length) {
            grow();
        }
        int i = (qHead + qSize) % qSeq.length;
        qSeq[i] = seq;
        qRow[i] = row;
        qDay[i] = day;
        qFrac[i] = frac;
        qModel[i] = model;
        qSignal[i] = sig;
        qServed[i] = served;
        qCost[i] = callCost;
        qSize++;
    }

    private void drain(long now) {
        while (qSize > 0 && now - qSeq[qHead] >= delay) {
            int i = qHead;
            past.set(packed, qRow[i] * stride, qRow[i], qSeq[i], qDay[i], qFrac[i]);
            deliver(qModel[i], qSignal[i], qServed[i], qCost[i], now - qSeq[i]);
            qHead = (qHead + 1) % qSeq.length;
            qSize--;
        }
    }

    private void grow() {
        int n = qSeq.length * 2;
        long[] seq = new long[n];
        int[] row = new int[n];
        int[] day = new int[n];
        double[] frac = new double[n];
        int[] model = new int[n];
        byte[] sig = new byte[n];
        boolean[] served = new boolean[n];
        double[] c = new double[n];
        for (int k = 0; k < qSize; k++) {
            int i = (qHead + k) % qSeq.length;
            seq[k] = qSeq[i];
            row[k] = qRow[i];
            day[k] = qDay[i];
            frac[k] = qFrac[i];
            model[k] = qModel[i];
            sig[k] = qSignal[i];
            served[k] = qServed[i];
            c[k] = qCost[i];
        }
        qSeq = seq;
        qRow = row;
        qDay = day;
        qFrac = frac;
        qModel = model;
        qSignal = sig;
        qServed = served;
        qCost = c;
        qHead = 0;
    }

    /**
     * Closes window {@code winIndex} of real requests [kN, (k+1)N): its real size is N (the last, partial one the
     * rest: a user would see it on the invoice); its exact part is what was simulated request by request, the
     * rest is estimated at real volume (RealVolume). Windows that held no simulated request at all are counted
     * unjudged in result().
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
            requestWindows.partial(winExactN, winExactSat, scaledReal > 0 ? winScaled : null, real / windowN);
        } else {
            requestWindows.add(winExactN, winExactSat, scaledReal > 0 ? winScaled : null, tau);
        }
        winExactN = 0;
        winExactSat = 0;
        winShiftedSim = 0;
        winScaled.reset();
    }

    private void trace(long seq, int day, double frac) {
        double mult = router != null ? router.multiplier() : bound.multiplier();
        double eps = router != null ? router.explorationRate() : 0;
        double est = router != null ? router.estimatedSatisfaction() : Double.NaN;
        long time = p.startMillis + day * DAY_MS + p.timeOfDay(frac);
        trace.add(new TracePoint(seq + 1, time, mult, eps, est, satisfied / totalW, cost / totalW, signals));
    }

    /** Per (tier, day): the day is scaled (tier-major copy of dayScaled). */
    private boolean[] tierScaled() {
        boolean[] out = new boolean[tiers * days];
        for (int t = 0; t < tiers; t++) {
            System.arraycopy(dayScaled, 0, out, t * days, days);
        }
        return out;
    }

    private ReplicationResult result(long represented) {
        WindowStats requestWindowStats = null;
        if (windowN > 0) {
            closeWindow(); // decision 0308: the last, partial window is reported apart, not counted with the complete ones
            // complete windows of real requests that held no simulated request (scaled w > N) cannot be judged
            int complete = (int) Math.min(Integer.MAX_VALUE, totalRequests / windowN);
            int seen = requestWindows.windows;
            requestWindows.addUnseen(Math.max(0, complete - seen));
            requestWindowStats = requestWindows.stats();
        }
        double tauTol = tau;
        WindowStats.ScaledDays scaledDays = weightedSeen ? new WindowStats.ScaledDays(dayScaled, dayRealN, cells, tierSlots, dayCellSim,
                dayCellE, dayCellE2, sharesBefore, sharesAfter, stream.shiftDay()) : null;
        WindowStats daily = WindowStats.of(dayReq, daySat, scaledDays, 1, tauTol);
        WindowStats weekly = WindowStats.of(dayReq, daySat, scaledDays, 7, tauTol);
        WindowStats monthly = WindowStats.of(dayReq, daySat, scaledDays, Scenario.Volume.DAYS_PER_MONTH, tauTol);
        WindowStats scenarioWindows = switch (s.sla().window()) {
            case DAY -> daily;
            case WEEK -> weekly;
            case MONTH -> monthly;
            case REQUESTS -> requestWindowStats;
        };
        // each month at its real volume: expected mean, real spread, and the probability it ends below tau
        double[] monthMean = new double[months];
        double[] monthSd = new double[months];
        double[] monthBreach = new double[months];
        int limitedMonths = 0;
        RealVolume.Scaled monthScaled = new RealVolume.Scaled(cells, tierSlots);
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
        double[] monthReq = new double[months];
        double[] monthSat = new double[months];
        double[] monthCostArr = new double[months];
        for (int d = 0; d < days; d++) {
            int mo = d / Scenario.Volume.DAYS_PER_MONTH;
            monthReq[mo] += dayReq[d];
            monthSat[mo] += daySat[d];
            monthCostArr[mo] += dayCost[d];
        }
        int[] tierDaysMet = new int[tiers];
        int[] tierDays = new int[tiers];
        for (int t = 0; t < tiers; t++) {
            for (int d = 0; d < days; d++) {
                double n = tierDayReq[t * days + d];
                if (n > 0) {
                    tierDays[t]++;
                    if (tierDaySat[t * days + d] / n >= tau - 1e-12) {
                        tierDaysMet[t]++;
                    }
                }
            }
        }
        if (trace.isEmpty() || trace.get(trace.size() - 1).request() != represented) {
            trace.add(new TracePoint(represented, p.startMillis + (long) days * DAY_MS,
                    router != null ? router.multiplier() : bound.multiplier(),
                    router != null ? router.explorationRate() : 0,
                    router != null ? router.estimatedSatisfaction() : Double.NaN, satisfied / totalW, cost / totalW, signals));
        }
        long firstAbove = satisfied < tau * totalW - 1e-9 ? -1 : lastBelow + 1;
        LearnedState state = router != null ? router.exportState() : bound.exportState();
        double est = router != null ? router.estimatedSatisfaction() : Double.NaN;
        return new ReplicationResult(replication, represented, simulated, cost, exploreCost, bestCost, oracleCost, satisfied,
                servedScore, est, firstAbove, scenarioWindows, daily, weekly, monthly, dayReq, daySat, dayCost, monthReq, monthSat,
                monthCostArr, monthModel, modelReq, modelCost, catReq, catSat, catCost, catModel, tierReq, tierSat, tierCost,
                tierDaysMet, tierDays, signals, Math.sqrt(seSatVar) / Math.max(1, represented), Math.sqrt(seCostVar),
                List.copyOf(trace), state, p.cheapestMeetingTarget(tau) < 0 ? Double.NaN : cheapestMeetingCost, monthMean, monthSd,
                monthBreach, limitedMonths, tierDayReq, tierDaySat,
                weightedSeen ? new PlanningDays(dayScaled.clone(), planDaySim) : null,
                weightedSeen ? new PlanningDays(tierScaled(), tierDaySim) : null,
                latency.summary(tiers > 0 ? p.sample.slaTiers().values() : List.of()));
    }

    /** The request view the router sees. Reused; re-pointed at each request. */
    private final class Request implements RequestView {
        private float[] cells;
        private int row;
        private long seq;
        private int day;
        private double frac;
        private int base;

        void set(float[] cells, int base, int row, long seq, int day, double frac) {
            this.cells = cells;
            this.base = base;
            this.row = row;
            this.seq = seq;
            this.day = day;
            this.frac = frac;
        }

        /**
         * Re-points at a row of the same cell array: the loop's per-request update stores no reference,
         * so no GC write barrier runs (the current request's cells are always the block buffer).
         */
        void at(int base, int row, long seq, int day, double frac) {
            this.base = base;
            this.row = row;
            this.seq = seq;
            this.day = day;
            this.frac = frac;
        }

        @Override
        public long sequence() {
            return seq;
        }

        @Override
        public int queryKey() {
            return row;
        }

        @Override
        public int category() {
            return p.category[row];
        }

        @Override
        public int inputTokens() {
            return p.inputTokens[row];
        }

        @Override
        public int cachedInputTokens() {
            return p.cachedTokens[row];
        }

        @Override
        public int tenant() {
            return p.tenant[row];
        }

        @Override
        public int slaTier() {
            return p.tier[row];
        }

        @Override
        public long timeMillis() {
            return p.startMillis + day * DAY_MS + p.timeOfDay(frac);
        }

        @Override
        public int modelCount() {
            return m;
        }

        @Override
        public double expectedCost(int model) {
            return packed[row * stride + 3 * m + model];
        }

        @Override
        public double normalisedCost(int model) {
            return cells[base + model];
        }

        @Override
        public FeatureVector textFeatures() {
            return p.features[row];
        }
    }

    private final class Event implements FeedbackEvent {
        // the current request (immediate feedback) or the delay queue's re-pointed one
        private RequestView request;
        private int model;
        private byte signal;
        private boolean served;
        private double cost;
        private long delay;

        @Override
        public RequestView request() {
            return request;
        }

        @Override
        public int model() {
            return model;
        }

        @Override
        public boolean served() {
            return served;
        }

        @Override
        public Signal signal() {
            return SIGNALS[signal];
        }

        @Override
        public double costPaid() {
            return cost;
        }

        @Override
        public double normalisedCostPaid() {
            return cost / p.costScale.normaliser();
        }

        @Override
        public long delayRequests() {
            return delay;
        }
    }

    private final class Calls implements Serving {
        private final boolean[] called = new boolean[m];
        private final int[] list = new int[m];
        private final int[] outcome = new int[m];
        private int n;
        private final float[] cells = block;
        private int base;
        private long seq;
        private double spend;
        private double judgeSpend;
        private boolean exploring;
        private boolean judged;

        void reset(int base, long seq) {
            for (int k = 0; k < n; k++) {
                called[list[k]] = false;
            }
            n = 0;
            this.base = base;
            this.seq = seq;
            spend = 0;
            judgeSpend = 0;
            exploring = false;
            judged = false;
        }

        @Override
        public double call(int model) {
            if (model < 0 || model >= m) {
                throw new IllegalArgumentException("model index " + model + " outside the pool of " + m);
            }
            double c = cells[base + m + model];
            if (!called[model]) {
                called[model] = true;
                list[n++] = model;
                outcome[model] = stream.outcome(seq, model, cells[base + 2 * m + model]);
                spend += c;
            }
            return c;
        }

        /** The scenario's judge: its error rate, and its price added to this request's spend. */
        @Override
        public boolean judge(int model) {
            if (model < 0 || model >= m || !called[model]) {
                throw new IllegalStateException("the judge can only rate an answer that was produced: call model " + model + " first");
            }
            spend += judgeCost;
            judgeSpend += judgeCost;
            judged = true;
            return channel.judge(outcome[model], judgeError, seq, model);
        }

        /** The router's error rate is ignored: the judge is the scenario's (see {@link Serving#judge(int, double)}). */
        @Override
        public boolean judge(int model, double ignoredErrorRate) {
            return judge(model);
        }

        @Override
        public void explore() {
            exploring = true;
        }

        @Override
        public int calls() {
            return n;
        }
    }

    private final class Truth implements HiddenTruth {
        private int row;
        private boolean shifted;

        @Override
        public boolean afterMixShift() {
            return shifted;
        }

        @Override
        public double score(int model) {
            return p.score[row * m + model];
        }

        @Override
        public double normalisedRealisedCost(int model) {
            return p.realisedNorm[row * m + model];
        }
    }

}
