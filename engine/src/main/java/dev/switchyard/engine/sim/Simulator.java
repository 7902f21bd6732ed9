package dev.switchyard.engine.sim;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.oracle.HindsightRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scenarios. Replications run in parallel; each derives its generators from (seed,
 * replication) only, and results are assembled in replication order, so the numbers are the same
 * for 1 or N threads.
 */
public final class Simulator {
    private final Routers registry;
    private final int threads;

    public Simulator(Routers registry, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.registry = registry;
        this.threads = threads;
    }

    /** The standard registry on all cores. */
    public static Simulator standard() {
        return new Simulator(Routers.standard(), Runtime.getRuntime().availableProcessors());
    }

    public Simulator withThreads(int n) {
        return new Simulator(registry, n);
    }

    public Routers registry() {
        return registry;
    }

    public SimulationResult run(Scenario scenario) throws CostTable.UnpricedModelsException {
        return run(PreparedScenario.of(scenario, registry), scenario, RunControl.NONE);
    }

    /**
     * @param prepared preparation of a scenario with the same sample, prices, pool, calibration
     *     fraction, seed and text features (a sweep reuses one across its grid)
     */
    public SimulationResult run(PreparedScenario prepared, Scenario scenario, RunControl control) {
        RouterDescriptor d = registry.descriptor(scenario.router());
        int reps = scenario.replications();
        List<ReplicationResult> results = replications(prepared, scenario, 0, reps, reps, control);
        return Aggregation.aggregate(prepared, scenario, d, results);
    }

    /**
     * Replications {@code [from, to)} only, aggregated as a run of {@code to - from} replications. Replication r
     * is the same whichever run computes it, so a caller may run them in pieces (the planner's first replication
     * first, the rest later) and join them in replication order to get exactly the full run's replications.
     */
    public SimulationResult runReplications(PreparedScenario prepared, Scenario scenario, int from, int to, RunControl control) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("replication range [" + from + ", " + to + ") is empty");
        }
        RouterDescriptor d = registry.descriptor(scenario.router());
        Scenario s = scenario.withReplications(to - from);
        return Aggregation.aggregate(prepared, s, d, replications(prepared, scenario, from, to, to, control));
    }

    /**
     * How many replications an adaptive run may add (decision 0900): it stops when the 90% intervals of P(breached
     * month), window compliance and savings are all at most {@code maxHalfWidth} wide on each side, when
     * {@code budget} has been spent, or at {@code maxReplications}, whichever comes first; the result's
     * {@code replicationStop} says which. Replication r is the same whichever run computes it, so a run that stops
     * at N replications gives the numbers a fixed run of N gives; only a time-budget stop depends on the machine.
     */
    public record Adaptive(double maxHalfWidth, java.time.Duration budget, int maxReplications) {
        public Adaptive {
            if (!(maxHalfWidth > 0 && maxHalfWidth < 1)) {
                throw new IllegalArgumentException("interval half-width must be in (0, 1), got " + maxHalfWidth);
            }
            java.util.Objects.requireNonNull(budget, "time budget");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("time budget must be positive, got " + budget);
            }
            if (maxReplications < 2) {
                throw new IllegalArgumentException("an adaptive run needs at least 2 replications, got " + maxReplications);
            }
        }

        /** Half-width 2 points, 30 seconds, at most 400 replications. */
        public static Adaptive standard() {
            return new Adaptive(0.02, java.time.Duration.ofSeconds(30), 400);
        }
    }

    /**
     * Runs the scenario's replications, then adds batches (as many again, at least one per thread) until the
     * intervals are narrow enough or the budget is spent (see {@link Adaptive}).
     */
    public SimulationResult runAdaptive(PreparedScenario prepared, Scenario scenario, RunControl control, Adaptive adaptive) {
        RouterDescriptor d = registry.descriptor(scenario.router());
        long deadline = System.nanoTime() + adaptive.budget().toNanos();
        int n = Math.min(adaptive.maxReplications(), Math.max(2, scenario.replications()));
        List<ReplicationResult> results = new ArrayList<>(replications(prepared, scenario, 0, n, n, control));
        while (true) {
            SimulationResult r = Aggregation.aggregate(prepared, scenario.withReplications(results.size()), d, results, "");
            double widest = widestHalfWidth(r);
            String stop = null;
            if (widest <= adaptive.maxHalfWidth()) {
                stop = String.format(java.util.Locale.ROOT, "adaptive: 90%% intervals within %.1f points (widest %.2f) after %d"
                        + " replications", 100 * adaptive.maxHalfWidth(), 100 * widest, results.size());
            } else if (System.nanoTime() >= deadline) {
                stop = String.format(java.util.Locale.ROOT, "adaptive: time budget of %.0f s spent after %d replications;"
                        + " widest 90%% interval half-width %.2f points > %.1f", adaptive.budget().toMillis() / 1000.0,
                        results.size(), 100 * widest, 100 * adaptive.maxHalfWidth());
            } else if (results.size() >= adaptive.maxReplications()) {
                stop = String.format(java.util.Locale.ROOT, "adaptive: cap of %d replications reached; widest 90%% interval"
                        + " half-width %.2f points > %.1f", results.size(), 100 * widest, 100 * adaptive.maxHalfWidth());
            }
            if (stop != null) {
                return Aggregation.aggregate(prepared, scenario.withReplications(results.size()), d, results, stop);
            }
            int from = results.size();
            int to = Math.min(adaptive.maxReplications(), from + Math.max(threads, from));
            results.addAll(replications(prepared, scenario, from, to, to, control));
        }
    }

    /** The widest half-width among the intervals an adaptive run narrows (NaN intervals ignored). */
    static double widestHalfWidth(SimulationResult r) {
        double w = 0;
        for (Interval i : List.of(r.monthlyBreachProbabilityInterval(), r.windowComplianceInterval(),
                r.savingsVsBestFixedInterval())) {
            if (!Double.isNaN(i.halfWidth())) {
                w = Math.max(w, i.halfWidth());
            }
        }
        return w;
    }

    /** Replications [from, to), in parallel, assembled in replication order. */
    private List<ReplicationResult> replications(PreparedScenario prepared, Scenario scenario, int from, int to, int total,
            RunControl control) {
        int reps = to - from;
        List<ReplicationResult> results = new ArrayList<>(reps);
        if (threads == 1 || reps == 1) {
            for (int r = from; r < to; r++) {
                results.add(replication(prepared, scenario, r, null, control));
                control.progress(r + 1, total);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, reps), daemonThreads());
            try {
                AtomicInteger done = new AtomicInteger(from);
                List<Future<ReplicationResult>> futures = new ArrayList<>();
                for (int r = from; r < to; r++) {
                    int rep = r;
                    futures.add(pool.submit(() -> {
                        ReplicationResult res = replication(prepared, scenario, rep, null, control);
                        control.progress(done.incrementAndGet(), total);
                        return res;
                    }));
                }
                for (Future<ReplicationResult> f : futures) {
                    results.add(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return results;
    }

    static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "switchyard-sim");
            t.setDaemon(true);
            return t;
        };
    }

    static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("simulation interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** One replication, optionally with an observation tape (tests). */
    ReplicationResult replication(PreparedScenario p, Scenario s, int rep, SignalTape tape, RunControl control) {
        RouterDescriptor d = registry.descriptor(s.router());
        RoutingContext ctx = context(p, s, rep, d);
        Router router = null;
        HindsightRouter bound = null;
        if (d.isBound()) {
            bound = registry.createBound(s.router(), ctx, s.routerParameters(), p.pool(s.mixShift()));
        } else {
            // an offline router trains at creation; what it trains is remembered per split and key
            // (TrainedStateCache, decisions 1010 and 1030): a second build of the same state waits for the first
            router = registry.create(s.router(), ctx, s.routerParameters());
        }
        control.routerReady(); // a scheduler may now start the runs that reuse this training (decision 1120)
        return new ReplicationRun(p, s, rep, router, bound, tape, control, rowBlind(s, d)).run();
    }

    /**
     * Replication {@code rep} of each of {@code members}, scenarios that differ in their feedback only (a sweep's
     * feedback rates at one price sheet, router and target), in member order, each exactly what
     * {@link #replication} gives for it. A router that does not read feedback ({@link Router#readsFeedback()}) and a
     * bound are simulated once for all of them (decision 1050): a router's run recounts the signals per member
     * ({@link FeedbackTally}); a bound gets no feedback at all. Any other router is simulated per member.
     */
    List<ReplicationResult> replicationAcrossFeedback(PreparedScenario p, List<Scenario> members, int rep, RunControl control) {
        Scenario first = members.get(0);
        RouterDescriptor d = registry.descriptor(first.router());
        List<ReplicationResult> out = new ArrayList<>(members.size());
        if (d.isBound()) {
            ReplicationResult r = replication(p, first, rep, null, control);
            if (r.signals() != 0) {
                throw new IllegalStateException("bound '" + first.router() + "' received feedback");
            }
            for (int k = 0; k < members.size(); k++) {
                out.add(r);
            }
            return out;
        }
        Router router = registry.create(first.router(), context(p, first, rep, d), first.routerParameters());
        if (router.readsFeedback() || members.size() == 1) {
            out.add(new ReplicationRun(p, first, rep, router, null, null, control, rowBlind(first, d)).run());
            for (int k = 1; k < members.size(); k++) {
                out.add(replication(p, members.get(k), rep, null, control));
            }
            return out;
        }
        FeedbackTally tally = new FeedbackTally(router, members, rep);
        return tally.perMember(new ReplicationRun(p, FeedbackTally.shared(first), rep, tally, null, null, control,
                rowBlind(first, d)).run());
    }

    /**
     * Builds replication {@code rep}'s router for {@code s} and drops it: an offline router's training and calibration
     * are remembered (TrainedStateCache), so a sweep can build every distinct trained state first, in parallel, before
     * the runs that recall it (decision 1030). A build is a pure function of (preparation, scenario, replication): it
     * draws from a fresh router generator, so building twice changes no result. Only for offline routers (the others
     * keep nothing).
     */
    void buildOffline(PreparedScenario p, Scenario s, int rep) {
        RouterDescriptor d = registry.descriptor(s.router());
        if (d.role() != RouterDescriptor.Role.OFFLINE || d.isBound()) {
            return;
        }
        RoutingContext ctx = context(p, s, rep, d);
        if (ctx.calibration().isPresent()) {
            registry.create(s.router(), ctx, s.routerParameters());
        }
    }

    /**
     * Whether a router's choice can be taken as independent of a request's hidden score given its (category, tier)
     * cell, so a scaled request's expected score is the cell's mean (decision 0900). Not for bounds (they read the
     * truth), nor for text predictors (they look at the prompt, which is correlated with the score within a cell),
     * nor for offline routers (their correctness predictor reads the prompt's features and token counts whatever the
     * scenario's predictor: taken as row-blind, OmniRouter's scaled months read 0.853 where 0.903 was served);
     * judged requests are handled per request.
     */
    static boolean rowBlind(Scenario s, RouterDescriptor d) {
        if (d.isBound() || d.role() == RouterDescriptor.Role.OFFLINE || isText(s.predictor())) {
            return false;
        }
        for (String v : s.routerParameters().resolve(d).values().values()) {
            if (isText(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(String predictor) {
        return predictor != null && predictor.startsWith("text");
    }

    /** The context a router of role {@code d} gets: calibration only for offline routers and baselines. */
    RoutingContext context(PreparedScenario p, Scenario s, int rep, RouterDescriptor d) {
        boolean withCalibration = d.role() == RouterDescriptor.Role.OFFLINE || d.role() == RouterDescriptor.Role.BASELINE;
        return new RoutingContext(p.models, p.sample.categories(), p.sample.tenants(), p.sample.slaTiers(), p.costScale,
                p.priors, s.sla().target(), s.feedback().assumptions(),
                d.role() == RouterDescriptor.Role.BASELINE ? Optional.of(p.referenceData) // decision 0308
                        : withCalibration ? p.calibration : Optional.empty(), p.extractor, s.predictor(),
                Seeds.generator(s.seed(), rep, Seeds.ROUTER), registry.predictors(),
                new dev.switchyard.engine.routing.SlaWindow(dev.switchyard.engine.routing.SlaWindow.Kind.valueOf(s.sla().window().name()),
                        s.sla().windowRequests(), p.startMillis))
                .withLatency(s.latency(), p.latencyModel().priors());
    }

    /** Model id -> share, for result maps. */
    static Map<String, Double> shares(List<String> models, double[] counts, int offset) {
        double total = 0;
        for (int j = 0; j < models.size(); j++) {
            total += counts[offset + j];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            out.put(models.get(j), total == 0 ? 0.0 : counts[offset + j] / total);
        }
        return out;
    }

    /** For messages and the result JSON. */
    public static String engineVersion() {
        return EngineInfo.version();
    }
}
