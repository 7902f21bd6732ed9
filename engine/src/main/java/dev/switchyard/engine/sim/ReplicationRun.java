package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.oracle.HiddenTruth;
import dev.switchyard.engine.routing.oracle.HindsightRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One replication: draws the stream, routes, draws the hidden truth, produces feedback, measures.
 * The hot path allocates nothing: one request view, one feedback event and one serving handle are
 * reused. Four independent generators (stream, truth, feedback, router) derive from (seed,
 * replication), so the result does not depend on the thread that runs it.
 */
final class ReplicationRun {
    private static final Signal[] SIGNALS = Signal.values();
    private static final long DAY_MS = 86_400_000L;
    private static final int BLOCK = 64;
    private static final byte REPORT = (byte) Signal.REPORT.ordinal();
    private static final byte SILENCE = (byte) Signal.SILENCE.ordinal();
    private static final byte SATISFIED = (byte) Signal.SATISFIED.ordinal();
    private static final byte DISSATISFIED = (byte) Signal.DISSATISFIED.ordinal();
    private static final byte UNLABELLED = (byte) Signal.UNLABELLED.ordinal();

    private final PreparedScenario p;
    private final Scenario s;
    private final int replication;
    private final Router router;
    private final HindsightRouter bound;
    private final SplittableRandom streamRng;
    private final SplittableRandom truthRng;
    private final SplittableRandom feedbackRng;
    private final int m;
    private final int stride;
    private float[] packed; // switched per month by a timeline's cost epochs (PreparedScenario.packedForMonth)
    private final double tau;
    private final boolean oneSided;
    private final boolean twoSided;
    private final double q;
    private final double f;
    private final long delay;
    private final double[] oracleRowCost;
    private final SignalTape tape;
    private final float[] block;
    private final int hot;
    private final int[] blockRow = new int[BLOCK];
    private final int[] blockDay = new int[BLOCK];
    private final double[] blockFrac = new double[BLOCK];
    private final RunControl control;

    private final Request current;
    private final Request past;
    private final Event event;
    private final Calls calls;
    private final Truth truth;

    // mix shift: category sampling after the shift point
    private final double[] shiftedCategoryCdf;
    private final long shiftAt;

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
    private final double[] tierDaySat;
    // unweighted segments: counts per (category, tier, model, outcome) of one day, see flushCounts
    private final int tierSlots;
    private final long[] counts;
    private int countDay = -1;
    private boolean weightedSeen;
    private final long windowN;
    private double winReq;
    private double winSat;
    private int winCount;
    private int winMet;
    private double winWorst = Double.NaN;
    private final List<TracePoint> trace = new ArrayList<>();
    private double nextTrace = 10;
    private int lastTraceDay = -1;
    // sampling error of scaled segments: per segment simulated n, sum s, sum c, sum c^2
    private double seSatVar;
    private double seCostVar;

    ReplicationRun(PreparedScenario p, Scenario s, int replication, Router router, HindsightRouter bound, SignalTape tape,
            RunControl control) {
        this.control = control;
        this.p = p;
        this.s = s;
        this.replication = replication;
        this.router = router;
        this.bound = bound;
        this.tape = tape;
        this.streamRng = Seeds.generator(s.seed(), replication, Seeds.STREAM);
        this.truthRng = Seeds.generator(s.seed(), replication, Seeds.TRUTH);
        this.feedbackRng = Seeds.generator(s.seed(), replication, Seeds.FEEDBACK);
        this.m = p.m;
        this.stride = p.stride;
        this.packed = p.packed;
        this.block = new float[BLOCK * p.stride];
        this.hot = 3 * p.m;
        this.tau = s.sla().target();
        this.oneSided = s.feedback().kind() == FeedbackKind.ONE_SIDED;
        this.twoSided = s.feedback().kind() == FeedbackKind.TWO_SIDED_SPARSE;
        this.q = s.feedback().rate();
        this.f = s.feedback().falseReportRate();
        this.delay = s.feedback().delayRequests();
        this.oracleRowCost = p.slaOracleCost(tau);
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
        tierDaySat = new double[tiers * days];
        tierSlots = Math.max(1, tiers);
        counts = new long[Math.max(1, cats) * tierSlots * m * 2];
        windowN = s.sla().window() == Scenario.Window.REQUESTS ? s.sla().windowRequests() : 0;
        if (s.mixShift() != null) {
            double[] w = new double[cats];
            double total = 0;
            for (int c = 0; c < cats; c++) {
                double base = p.rowsByCategory[c].length;
                Double mult = s.mixShift().categoryWeights().get(p.sample.categories().get(c));
                w[c] = base * (mult == null ? 1.0 : mult);
                total += w[c];
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("mix shift leaves no category with weight > 0");
            }
            double acc = 0;
            for (int c = 0; c < cats; c++) {
                acc += w[c] / total;
                w[c] = acc;
            }
            this.shiftedCategoryCdf = w;
            this.shiftAt = (long) (s.mixShift().atFraction() * days);
        } else {
            this.shiftedCategoryCdf = null;
            this.shiftAt = Long.MAX_VALUE;
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
                blockDay[k] = day;
                blockFrac[k] = (rem + 0.5) * invSim;
                int r = drawRow(day);
                blockRow[k] = r;
                System.arraycopy(packed, r * stride, block, k * stride, hot); // expected USD cost stays in packed
            }
            for (int b = 0; b < len; b++) {
                long i = blockStart + b;
                int row = blockRow[b];
                day = blockDay[b];
                double frac = blockFrac[b];
                int base = b * stride;
                long seq = startSeq + (scaled ? (long) (i * w) : i);
                current.at(base, row, seq, day, frac);
                calls.reset(base);
            int served;
            if (router != null) {
                served = router.route(current, calls);
            } else {
                truth.row = row;
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
            if (router != null) {
                for (int k = 0; k < calls.n; k++) {
                    int model = calls.list[k];
                    boolean isServed = model == served;
                    if (isServed || calls.exploring) {
                        byte sig = signalFor(calls.outcome[model]);
                        if (sig != UNLABELLED && sig != SILENCE) {
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
            oracleCost += oracleRowCost[row] * w;
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
                modelCost[served] += spend * w;
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
            if (windowN > 0) {
                winReq += w;
                winSat += ok * w;
                if (winReq >= windowN) {
                    closeWindow();
                }
            }
            if (scaled) {
                sN++;
                sSat += ok;
                sCost += spend;
                sCost2 += spend * spend;
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

    private int drawRow(int day) {
        if (day >= shiftAt) {
            double u = streamRng.nextDouble();
            int c = 0;
            while (c < cats - 1 && shiftedCategoryCdf[c] <= u) {
                c++;
            }
            int[] rows = p.rowsByCategory[c];
            if (rows.length == 0) {
                return streamRng.nextInt(p.rows);
            }
            return rows[streamRng.nextInt(rows.length)];
        }
        return streamRng.nextInt(p.rows);
    }

    private int drawOutcome(float[] cells, int base, int model) {
        float sc = cells[base + 2 * m + model];
        // graded scores draw the truth; 0/1 scores (most of a benchmark's) decide it without a branch on the
        // score's value, which is as random as the row and would mispredict
        if (!(sc >= 1f) && !(sc <= 0f)) {
            return truthRng.nextFloat() < sc ? 1 : 0;
        }
        return sc >= 1f ? 1 : 0;
    }

    private byte signalFor(int ok) {
        if (tape != null && tape.replaying()) {
            return tape.nextSignal();
        }
        byte b;
        if (oneSided) {
            b = ok == 0 ? (feedbackRng.nextDouble() < q ? REPORT : SILENCE) : (f > 0 && feedbackRng.nextDouble() < f ? REPORT : SILENCE);
        } else if (twoSided) {
            b = feedbackRng.nextDouble() < q ? (ok == 1 ? SATISFIED : DISSATISFIED) : UNLABELLED;
        } else {
            b = ok == 1 ? SATISFIED : DISSATISFIED;
        }
        if (tape != null) {
            tape.recordSignal(b);
        }
        return b;
    }

    private boolean judgeVerdict(int ok, double errorRate) {
        if (tape != null && tape.replaying()) {
            return tape.nextVerdict();
        }
        boolean accept = ok == 1;
        if (errorRate > 0 && feedbackRng.nextDouble() < errorRate) {
            accept = !accept;
        }
        if (tape != null) {
            tape.recordVerdict(accept);
        }
        return accept;
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

    private void closeWindow() {
        double mean = winSat / winReq;
        winCount++;
        if (mean >= tau - 1e-12) {
            winMet++;
        }
        winWorst = Double.isNaN(winWorst) ? mean : Math.min(winWorst, mean);
        winReq = 0;
        winSat = 0;
    }

    private void trace(long seq, int day, double frac) {
        double mult = router != null ? router.multiplier() : bound.multiplier();
        double eps = router != null ? router.explorationRate() : 0;
        double est = router != null ? router.estimatedSatisfaction() : Double.NaN;
        long time = p.startMillis + day * DAY_MS + p.timeOfDay(frac);
        trace.add(new TracePoint(seq + 1, time, mult, eps, est, satisfied / totalW, cost / totalW, signals));
    }

    private ReplicationResult result(long represented) {
        if (windowN > 0 && winReq > 0) {
            closeWindow(); // the last, partial window counts: a user would see it on the invoice
        }
        double tauTol = tau;
        WindowStats daily = WindowStats.of(dayReq, daySat, 1, tauTol);
        WindowStats weekly = WindowStats.of(dayReq, daySat, 7, tauTol);
        WindowStats monthly = WindowStats.of(dayReq, daySat, Scenario.Volume.DAYS_PER_MONTH, tauTol);
        WindowStats scenarioWindows = switch (s.sla().window()) {
            case DAY -> daily;
            case WEEK -> weekly;
            case MONTH -> monthly;
            case REQUESTS -> new WindowStats(winCount, winMet, winWorst);
        };
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
                List.copyOf(trace), state, tierDayReq, tierDaySat);
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
        private double spend;
        private boolean exploring;

        void reset(int base) {
            for (int k = 0; k < n; k++) {
                called[list[k]] = false;
            }
            n = 0;
            this.base = base;
            spend = 0;
            exploring = false;
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
                outcome[model] = drawOutcome(cells, base, model);
                spend += c;
            }
            return c;
        }

        @Override
        public boolean judge(int model, double errorRate) {
            if (!called[model]) {
                throw new IllegalStateException("the judge can only rate an answer that was produced: call model " + model + " first");
            }
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("judge error rate must be in [0,1], got " + errorRate);
            }
            return judgeVerdict(outcome[model], errorRate);
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
