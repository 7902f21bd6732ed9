package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.LearnedState;
import java.util.List;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.oracle.HindsightRouter;

/**
 * One replication: draws the stream, routes, draws the hidden truth, produces feedback, measures.
 * The hot path allocates nothing: one request view, one feedback event and one serving handle are
 * reused. The parts: {@link RequestStream} (queries and hidden truth), {@link CallLedger} (what the router
 * called and paid), {@link FeedbackChannel} and {@link DelayedFeedback} (what the router is told, and when),
 * {@link RunMetrics} (the accumulators: one path for every request), {@link RequestWindowMeter} (N-request
 * windows), {@link RunTrace} (the learning trace) and {@link RealVolume} (window and month satisfaction at the
 * real request count). Stream, truth and feedback are counter-based draws keyed by (seed, replication, real
 * request index, model): common random numbers across routers and targets (decision 0901); the router's own
 * generator derives from (seed, replication).
 */
final class ReplicationRun {
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
    private final int cheapestMeeting;
    private final SignalTape tape;
    private final int[] blockRow = new int[BLOCK];
    private final int[] blockDay = new int[BLOCK];
    private final long[] blockSeq = new long[BLOCK];
    private final double[] blockFrac = new double[BLOCK];
    private final int[] blockServed = new int[BLOCK];
    private final double[] blockBefore = new double[BLOCK];
    // latency (decision 1400): paired draws keyed by (request, model), metrics in their own class
    private final LatencyModel latencyModel;
    private final CounterRandom latencyRandom;
    private final LatencyMetrics latency;
    // a row's latency cells and input tokens are in its packed cells (PreparedScenario.latencyAt, inputTokensAt), so
    // the gather copies them with the rest of the row: one contiguous run of cache lines per request (decision 1140)
    private final int latencyAt;
    private final int inputTokensAt;
    // routers use observed latency only for a latency term (Router.observeLatency): without one, skip the calls
    private final boolean feedLatency;
    private final boolean announce; // the router loads per-query state ahead (Router.loadsAhead)
    private final RateLimiter limits; // null unless a pool model has a catalog rate limit (decision 1403)
    private final RunControl control;
    // the sum of the gather's touched cells, kept in a field so that the JIT cannot drop the loads that warm the cache
    private float touched;

    private final RouterRequest current;
    private final RouterRequest past;
    private final ServedFeedback event;
    private final CallLedger calls;
    private final RowTruth truth;
    private final DelayedFeedback queue = new DelayedFeedback();

    private final int tiers;
    private final StreamCells cells;
    private final RunMetrics metrics;
    private final RequestWindowMeter requestWindows; // null unless the SLA counts windows of N requests
    private final RunTrace trace;
    // expected score of (category, tier, model): the mean over the evaluation rows of that cell
    private final double[] cellMean;
    private final int tierSlots;
    private final boolean rowBlind;

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
        this.latencyAt = p.latencyAt;
        this.inputTokensAt = p.inputTokensAt;
        this.tau = s.sla().target();
        this.delay = s.feedback().delayRequests();
        // the regret reference is the SLA oracle under every term of the contract (two constraints with a latency term)
        this.oracleRowCost = p.slaOracleCost(tau, s.latency(), s.mixShift(), false);
        this.oracleRowCostAfterShift = p.slaOracleCost(tau, s.latency(), s.mixShift(), true);
        double judgeCost = Double.isNaN(s.judge().costPerCall()) ? p.cheapestMeanExpectedCost() : s.judge().costPerCall();
        this.cheapestMeeting = Math.max(0, p.cheapestMeetingTarget(tau)); // -1 (none): accumulated, then reported as NaN
        this.current = new RouterRequest(p);
        this.current.set(packed, 0, 0, 0, 0, 0);
        this.past = new RouterRequest(p);
        this.event = new ServedFeedback(p);
        // immediate feedback is about the current request; the delay queue re-points past (drain)
        this.event.request = current;
        this.calls = new CallLedger(m, packed, stream, channel, s.judge().errorRate(), judgeCost);
        this.truth = new RowTruth(p);
        int months = s.volume().months();
        int cats = p.sample.categories().size();
        this.tiers = p.sample.hasSlaTiers() ? p.sample.slaTiers().size() : 0;
        this.cells = new StreamCells(p, stream, cats, tiers);
        this.cellMean = cells.cellMean;
        this.tierSlots = cells.tierSlots;
        this.metrics = new RunMetrics(months, cats, tiers, m, tau, cells);
        long windowN = s.sla().window() == Scenario.Window.REQUESTS ? s.sla().windowRequests() : 0;
        long total = 0;
        for (int mo = 0; mo < months; mo++) {
            total += s.volume().requestsInMonth(mo);
        }
        this.requestWindows = windowN > 0 ? new RequestWindowMeter(windowN, total, tau, stream.shiftDay(), cells) : null;
        this.trace = new RunTrace(router, bound);
        this.latencyModel = p.latencyModel();
        this.feedLatency = router != null && s.latency().isActive();
        this.announce = router != null && router.loadsAhead();
        this.latencyRandom = new CounterRandom(s.seed(), replication, Seeds.LATENCY);
        this.latency = new LatencyMetrics(s.latency(), tiers > 0 ? p.sample.slaTiers().values() : List.of(), metrics.days,
                metrics.months, s.sla(), total);
        this.limits = RateLimiter.of(p, s.catalog(), latency, s.seed(), replication);
    }

    ReplicationResult run() {
        Scenario.Volume v = s.volume();
        Scenario.Scaling sc = s.scaling();
        long seq = 0;
        for (int month = 0; month < metrics.months; month++) {
            packed = p.packedForMonth(month);
            float[] expected = p.expectedUsdForMonth(month);
            current.month(packed, expected);
            past.month(packed, expected);
            calls.month(packed);
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
        boolean counted = metrics.beginSegment(firstDay, segDays, represented, scaled);
        RunMetrics mt = metrics;
        // day = firstDay + floor(i * segDays / sim), kept incrementally: no long division per request
        int day = firstDay;
        long rem = -segDays;
        double invSim = 1.0 / sim;
        float[] cells = packed;
        for (long blockStart = 0; blockStart < sim; blockStart += BLOCK) {
            if ((blockStart & 0xFFFFF) == 0 && blockStart > 0 && control.isCancelled()) {
                throw new java.util.concurrent.CancellationException("simulation cancelled");
            }
            int len = (int) Math.min(BLOCK, sim - blockStart);
            // Gather: draw the block's rows, then touch their cache lines. The touches are small independent loads, so
            // many of a large pool's cache misses are in flight at once, and the routing loop then reads the rows in
            // place from L1 and L2 (decisions 1060, 1140, 1150).
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
                blockRow[k] = stream.row(seq, day);
            }
            float sum = 0;
            for (int k = 0; k < len; k++) {
                int r = blockRow[k];
                if (announce) {
                    router.upcoming(r); // RouterRequest.queryKey() is the evaluation row
                }
                sum += CacheLines.touch(packed, r * stride, stride);
            }
            touched = sum;
            for (int b = 0; b < len; b++) {
                int row = blockRow[b];
                day = blockDay[b];
                double frac = blockFrac[b];
                int base = row * stride;
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
                if (limits != null) {
                    served = limits.serve(served, seq, day, frac, w, calls, (int) cells[base + inputTokensAt], cells,
                            base + latencyAt);
                }
                calls.call(served);
                int ok = calls.outcome[served];
                double spend = calls.spend;
                if (tape != null) {
                    tape.decision(served, calls.n);
                }
                blockServed[b] = served;
                blockBefore[b] = calls.n == 1 || calls.exploring ? 0 : cascadeBeforeMs(seq, row, served);
                if (router != null) {
                    boolean exploreAll = calls.exploring && calls.n == m;
                    for (int k = 0; k < calls.n; k++) {
                        int model = calls.list[k];
                        boolean isServed = model == served;
                        if (isServed || calls.exploring) {
                            byte sig = channel.signal(calls.outcome[model], seq, model, isServed, exploreAll);
                            if (FeedbackChannel.informative(sig)) {
                                mt.signals += 1;
                            }
                            double callCost = cells[base + m + model];
                            if (delay == 0) {
                                // written out rather than through a method: once such a method is compiled on its
                                // own (drain uses it) C2 refuses to inline it here, and the call spills the loop's
                                // registers
                                event.model = model;
                                event.signal = sig;
                                event.served = isServed;
                                event.cost = callCost;
                                event.delay = 0;
                                router.observe(event);
                            } else {
                                queue.add(seq, row, day, frac, model, sig, isServed, callCost);
                            }
                        }
                    }
                    if (delay > 0) {
                        drain(seq);
                    }
                }
                // metrics
                mt.served(w, ok, cells[base + 2 * m + served], spend, calls.exploring, cells[base + m + p.bestFixed],
                        cells[base + m + cheapestMeeting], (day >= shiftAt ? oracleRowCostAfterShift : oracleRowCost)[row]);
                int c = p.category[row];
                int t = tiers > 0 ? p.tier[row] : 0;
                mt.outcome(month, day, c, t, served, ok, w, counted);
                mt.spend(day, c, t, served, spend, calls, w);
                double e = 0;
                if (scaled) {
                    // the request's expected score (RealVolume): what a judge saw is the drawn outcome itself
                    e = calls.judged ? ok : rowBlind ? cellMean[(c * tierSlots + t) * m + served] : cells[base + 2 * m + served];
                    mt.scaled(day, c, t, e, ok, spend);
                }
                if (requestWindows != null) {
                    requestWindows.add(seq, scaled, c * tierSlots + t, e, ok, day);
                }
                if (trace.due(mt.totalW, day)) {
                    trace(seq, day, frac);
                }
            }
            latencyBlock(len, month, w);
        }
        metrics.endSegment(month, represented, scaled);
    }

    /**
     * The latency of a block's served answers (decision 1400), in a pass of its own after the block is routed: the
     * iterations are independent, so their table and histogram loads overlap, and the routing loop stays as small
     * as before. A router therefore observes a latency after at most {@value #BLOCK} further requests were routed,
     * as in production, where requests keep arriving while an answer streams.
     */
    private void latencyBlock(int len, int month, double w) {
        float[] cells = packed;
        for (int b = 0; b < len; b++) {
            int row = blockRow[b];
            int served = blockServed[b];
            long seq = blockSeq[b];
            long bits = latencyRandom.bits(seq, served);
            int base = row * stride;
            double ttft = latencyModel.ttftMs(bits, (int) cells[base + inputTokensAt], served, cells, base + latencyAt);
            double total = latencyModel.totalMs(bits, served, ttft, cells, base + latencyAt);
            double before = blockBefore[b];
            ttft += before;
            total += before;
            latency.record(seq, blockDay[b], month, tiers > 0 ? p.tier[row] : 0, ttft, total, w);
            if (feedLatency) {
                current.at(base, row, seq, blockDay[b], blockFrac[b]);
                router.observeLatency(current, served, ttft, total);
            }
        }
    }

    /** A cascade's earlier calls (not exploration's shadow calls): their whole answers come before the served one. */
    private double cascadeBeforeMs(long seq, int row, int served) {
        double before = 0;
        for (int k = 0; k < calls.n; k++) {
            int model = calls.list[k];
            if (model != served) {
                long bits = latencyRandom.bits(seq, model);
                before += latencyModel.totalMs(bits, row, model, latencyModel.ttftMs(bits, row, model));
            }
        }
        return before;
    }

    /** Delivers the delayed feedback that is due at request {@code now}. */
    private void drain(long now) {
        DelayedFeedback q = queue;
        for (int i = q.due(now, delay); i >= 0; i = q.due(now, delay)) {
            past.set(packed, q.row[i] * stride, q.row[i], q.seq[i], q.day[i], q.frac[i]);
            event.model = q.model[i];
            event.request = past;
            event.signal = q.signal[i];
            event.served = q.served[i];
            event.cost = q.cost[i];
            event.delay = now - q.seq[i];
            router.observe(event);
            q.pop();
        }
    }

    private void trace(long seq, int day, double frac) {
        trace.add(seq + 1, p.startMillis + day * DAY_MS + p.timeOfDay(frac), day, metrics);
    }

    private ReplicationResult result(long represented) {
        RunMetrics mt = metrics;
        WindowStats requestWindowStats = requestWindows != null ? requestWindows.stats() : null;
        WindowStats.ScaledDays scaledDays = mt.scaledDays(stream.shiftDay());
        WindowStats daily = mt.windows(scaledDays, 1);
        WindowStats weekly = mt.windows(scaledDays, 7);
        WindowStats monthly = mt.windows(scaledDays, Scenario.Volume.DAYS_PER_MONTH);
        WindowStats scenarioWindows = switch (s.sla().window()) {
            case DAY -> daily;
            case WEEK -> weekly;
            case MONTH -> monthly;
            case REQUESTS -> requestWindowStats;
        };
        RunMetrics.Months months = mt.monthsAtRealVolume(scaledDays);
        var points = trace.finish(represented, p.startMillis + (long) mt.days * DAY_MS, mt);
        LearnedState state = router != null ? router.exportState() : bound.exportState();
        double est = router != null ? router.estimatedSatisfaction() : Double.NaN;
        return new ReplicationResult(replication, represented, mt.simulated, mt.cost, mt.exploreCost, mt.bestCost, mt.oracleCost,
                mt.satisfied, mt.servedScore, est, mt.firstStayingAbove(), scenarioWindows, daily, weekly, monthly, mt.dayReq,
                mt.daySat, mt.dayCost, mt.perMonth(mt.dayReq), mt.perMonth(mt.daySat), mt.perMonth(mt.dayCost), mt.monthModel,
                mt.modelReq, mt.modelCost, mt.catReq, mt.catSat, mt.catCost, mt.catModel, mt.tierReq, mt.tierSat, mt.tierCost,
                mt.tierDays(true), mt.tierDays(false), mt.signals, Math.sqrt(mt.seSatVar) / Math.max(1, represented),
                Math.sqrt(mt.seCostVar), points, state, p.cheapestMeetingTarget(tau) < 0 ? Double.NaN : mt.cheapestMeetingCost,
                months.mean(), months.sd(), months.breach(), months.limited(), mt.tierDayReq, mt.tierDaySat,
                mt.weightedSeen ? new PlanningDays(mt.dayScaled.clone(), mt.planDaySim) : null,
                mt.weightedSeen ? new PlanningDays(mt.tierScaled(), mt.tierDaySim) : null,
                latency.summary(tiers > 0 ? p.sample.slaTiers().values() : List.of()));
    }
}
