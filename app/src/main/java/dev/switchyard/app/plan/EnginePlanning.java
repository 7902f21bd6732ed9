package dev.switchyard.app.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.engine.plan.BudgetAnswer;
import dev.switchyard.engine.plan.FloorPoint;
import dev.switchyard.engine.plan.MarginalCost;
import dev.switchyard.engine.plan.Negotiation;
import dev.switchyard.engine.plan.PlanListener;
import dev.switchyard.engine.plan.PlanOptions;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Planner;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.plan.TierFigure;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.plan.Timelines;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;

/**
 * {@link PlanningEngine} on the engine's {@link Planner} (the one behind {@code switchyard recommend},
 * {@code negotiate} and {@code budget}), so the app shows exactly what the command line prints. One
 * planner for the app's life: its runs are remembered across the three questions.
 */
public final class EnginePlanning implements PlanningEngine {
    private final EnginePlanner scenarioPlanner;
    /** Leaves one core to the FX thread, as the scenario's own runs do. */
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private final Planner planner;
    /**
     * The first look's planner threads: every core (decision 1120; 1101 had one more, to outweigh the FX thread's start-up
     * work, but with the first look shorter the window's layout is as much on the path to the answer on screen).
     */
    static final int FIRST_LOOK_THREADS = Runtime.getRuntime().availableProcessors();

    /** Shares {@code scenarioPlanner}'s planner, so the Scenario screen's runs are the recommendation's runs. */
    public EnginePlanning(EnginePlanner scenarioPlanner) {
        this.scenarioPlanner = Objects.requireNonNull(scenarioPlanner);
        this.planner = scenarioPlanner.sharedPlanner();
    }

    private Scenario base(DataSet data, ScenarioSettings s) {
        scenarioPlanner.planner(data); // forgets another data set's runs
        return EnginePlanner.scenarioFor(data, s, "Scenario");
    }

    private PlanOptions options(DataSet data, ScenarioSettings s, Scenario base) {
        return scenarioPlanner.planOptions(data, s, base);
    }

    /** The user's what-ifs as the planner's timeline events (deprecations and sheets dated by the engine). */
    static List<TimelineEvent> events(DataSet data, dev.switchyard.app.scenario.Timeline t, Scenario base) {
        return EnginePlanner.timelineEvents(data, t, base);
    }

    private static RunControl control(ProgressSink sink) {
        return new RunControl() {
            @Override
            public boolean isCancelled() {
                return sink.isCancelled() || Thread.currentThread().isInterrupted();
            }

            @Override
            public void progress(int done, int total) {
                sink.progress((double) done / Math.max(1, total), done + " of " + total + " runs");
            }
        };
    }

    @Override
    public Advice recommend(DataSet data, ScenarioSettings settings, ProgressSink sink) throws Exception {
        return recommend(data, settings, c -> { }, sink);
    }

    @Override
    public Advice recommend(DataSet data, ScenarioSettings settings, Consumer<List<Candidate>> soFar, ProgressSink sink)
            throws Exception {
        return recommendStaged(data, settings, p -> soFar.accept(p.candidates()), sink);
    }

    /**
     * The staged recommendation (decision 1100): the planner's first look (one replication of a smaller simulation),
     * then the full analysis, whose first replications and finished routers are passed on as they come when they rest
     * on more than what was shown; returns the confirmed answer, exactly {@link Planner#recommend}'s. When
     * {@link #startEarly} already began this very question (same data, same settings), it is joined instead of run
     * again.
     */
    @Override
    public Advice recommendStaged(DataSet data, ScenarioSettings settings, Consumer<Provisional> soFar, ProgressSink sink)
            throws Exception {
        synchronized (this) {
            asked = true;
        }
        Early early = takeEarly(data, settings);
        if (early != null) {
            return early.join(soFar, sink);
        }
        return staged(data, settings, soFar, sink);
    }

    private Advice staged(DataSet data, ScenarioSettings settings, Consumer<Provisional> soFar, ProgressSink sink)
            throws Exception {
        Scenario base = base(data, settings);
        PlanOptions options = options(data, settings, base);
        Provisional[] shown = {null};
        Consumer<Provisional> forward = p -> {
            synchronized (shown) {
                if (!p.supersedes(shown[0])) {
                    return;
                }
                shown[0] = p;
            }
            soFar.accept(p);
        };
        List<Candidate> judged = new ArrayList<>();
        PlanListener listener = new PlanListener() {
            @Override
            public void routerDone(String router, List<PlanPoint> points) {
                List<Candidate> now;
                synchronized (judged) {
                    points.forEach(p -> judged.add(toCandidate(p)));
                    now = List.copyOf(judged);
                }
                forward.accept(Provisional.soFar(now));
            }

            @Override
            public void firstAnswer(Recommendation first) {
                // the planner's first answer (first replication of every run): every router at once, provisional
                forward.accept(new Provisional(Provisional.Stage.FIRST_REPLICATION,
                        first.candidates().stream().map(EnginePlanning::toCandidate).toList(), first.note()));
            }
        };
        Recommendation r;
        try {
            if (base.replications() > 1) {
                // seconds, where the full analysis takes tens: the answer on screen while it runs (issue 11, item 7)
                // on every core: at start-up the window is built beside it (decisions 1101, 1120); the thread count
                // changes no figure
                Recommendation look = planner.firstLook(base, options.withThreads(FIRST_LOOK_THREADS), control(sink));
                dev.switchyard.app.Startup.mark("first look computed");
                sink.checkCancelled();
                forward.accept(new Provisional(Provisional.Stage.FIRST_LOOK,
                        look.candidates().stream().map(EnginePlanning::toCandidate).toList(), look.note()));
            }
            r = planner.recommend(base, options, control(sink), listener);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        return toAdvice(r);
    }

    // ---------------------------------------------------------------- early start

    /** The question begun by {@link #startEarly}, until the screen asks it (or asks another). */
    private Early early;
    /** A screen asked a recommendation: an early start would come too late to help. */
    private boolean asked;

    /**
     * Begins the recommendation for {@code settings} on {@code data} now, on a thread of its own, before any screen asks
     * for it: the app calls this as soon as the bundled sample is read, with the settings the Scenario screen opens
     * on, so the planner works while the window is still being built (decision 1100). The screen's own
     * {@link #recommendStaged} of the same question joins it; a different question cancels it. Computed at start-up
     * like any other answer: nothing is read from disk but the sample. False when the screen had already asked, so
     * nothing was begun.
     */
    public boolean startEarly(DataSet data, ScenarioSettings settings) {
        Early e = new Early(data, settings);
        synchronized (this) {
            if (asked) {
                return false; // the screen already asked (and is computing it)
            }
            if (early != null) {
                early.cancelled = true;
            }
            early = e;
        }
        Thread t = new Thread(e::run, "switchyard-early-recommendation");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private Early takeEarly(DataSet data, ScenarioSettings settings) {
        synchronized (this) {
            Early e = early;
            early = null;
            if (e == null) {
                return null;
            }
            if (e.data == data && e.settings.equals(settings)) {
                return e;
            }
            e.cancelled = true; // another question: the early one is of no use
            return null;
        }
    }

    /** One early question: its answer, and what it has told so far, passed on to whoever joins it. */
    private final class Early implements ProgressSink {
        final DataSet data;
        final ScenarioSettings settings;
        volatile boolean cancelled;
        final java.util.concurrent.CompletableFuture<Advice> result = new java.util.concurrent.CompletableFuture<>();
        private final List<Provisional> told = new ArrayList<>();
        private Consumer<Provisional> follower;
        private ProgressSink followerSink;
        private double fraction = -1;
        private String message;

        Early(DataSet data, ScenarioSettings settings) {
            this.data = data;
            this.settings = settings;
        }

        void run() {
            try {
                result.complete(staged(data, settings, this::tell, this));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }

        private synchronized void tell(Provisional p) {
            told.add(p);
            if (follower != null) {
                follower.accept(p);
            }
        }

        @Override
        public synchronized void progress(double f, String text) {
            fraction = f;
            message = text;
            if (followerSink != null) {
                followerSink.progress(f, text);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        /** Follows this question from now on (replaying what it told before), until it ends or {@code sink} cancels. */
        Advice join(Consumer<Provisional> soFar, ProgressSink sink) throws Exception {
            synchronized (this) {
                follower = soFar;
                followerSink = sink;
                told.forEach(soFar);
                if (message != null) {
                    sink.progress(fraction, message);
                }
            }
            while (true) {
                if (sink.isCancelled() || Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    throw new ProgressSink.CancelledException();
                }
                try {
                    return result.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // look at the sink again
                } catch (InterruptedException e) {
                    cancelled = true;
                    throw new ProgressSink.CancelledException();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        }
    }

    @Override
    public LatencyCells latencyGrid(DataSet data, ScenarioSettings settings, List<Double> targets, List<Double> latenciesMs,
                                    String tier, List<String> routers, Consumer<LatencyCells> partial, ProgressSink sink)
            throws Exception {
        Scenario base = base(data, settings);
        List<String> deployable = planner.deployableRouters();
        List<String> asked = routers.stream().filter(deployable::contains).toList();
        PlanOptions options = options(data, settings, base).withThreads(threads).withRouters(asked);
        double pct = settings.latency().percentile();
        // the scenario's whole latency term (its default L and the tiers' own): the engine keeps what the rows do not set
        dev.switchyard.engine.routing.LatencyTarget term = base.latency();
        Scenario withPct = base.withLatency(new dev.switchyard.engine.routing.LatencyTarget(
                dev.switchyard.engine.routing.LatencyTarget.Metric.TTFT, term.targetMs(), pct, term.tierTargetsMs()));
        String rowTier = tier == null ? "" : tier;
        List<LatencyCell> soFar = new ArrayList<>();
        List<Double> ls = new ArrayList<>(new java.util.TreeSet<>(latenciesMs));
        List<Double> ts = new ArrayList<>(new java.util.TreeSet<>(targets));
        dev.switchyard.engine.plan.LatencyGrid g;
        try {
            g = planner.latencyGrid(withPct, ts, ls, rowTier, options, control(sink), (l, row) -> {
                LatencyCells now;
                synchronized (soFar) {
                    row.forEach(c -> soFar.add(toCell(c)));
                    now = new LatencyCells(ts, ls, pct, soFar, true, 0, rowTier, "");
                }
                partial.accept(now);
            });
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        return new LatencyCells(g.targets(), g.latenciesMs(), g.percentile(), g.cells().stream().map(EnginePlanning::toCell).toList(),
                false, g.seconds(), g.tier(), g.rowsSay());
    }

    static LatencyCell toCell(dev.switchyard.engine.plan.LatencyGrid.Cell c) {
        PlanPoint p = c.best();
        return new LatencyCell(c.target(), c.latencyMs(), c.met(), p.displayName(), c.met() ? p.monthlySpend() : Double.NaN,
                p.latency() == null ? Double.NaN : p.latency().latencyP95Ms(), c.met() ? "" : p.reason(), c.routerLatencyMs());
    }

    static Advice toAdvice(Recommendation r) {
        List<Candidate> candidates = r.candidates().stream().map(EnginePlanning::toCandidate).toList();
        String ceilingName = r.candidates().stream().filter(p -> p.router().equals(r.ceilingRouter())).findFirst()
                .map(PlanPoint::displayName).orElse(r.ceilingRouter());
        return new Advice(r.target(), r.window(), r.maxBreach(), r.recommended().map(EnginePlanning::toCandidate), candidates,
                r.ceiling(), ceilingName, r.floor().map(FloorPoint::monthlySpend).orElse(Double.NaN), eventsOf(r.events()),
                r.seconds(), r.seed(), r.engineVersion(), r.note());
    }

    static Candidate toCandidate(PlanPoint p) {
        List<Candidate.Tier> tiers = new ArrayList<>();
        for (TierFigure t : p.tiers()) {
            tiers.add(new Candidate.Tier(t.tier(), t.target(), t.ownTarget(), t.requestShare(), t.meanSatisfaction(),
                    t.breachProbability(), t.meetsTarget()));
        }
        return new Candidate(p.router(), p.displayName(), p.params(), p.aimTarget(), p.target(), p.monthlySpend(),
                p.costPer1000(), p.meanSatisfaction(), p.breachProbability(),
                p.breachInterval() == null ? Double.NaN : p.breachInterval().low(),
                p.breachInterval() == null ? Double.NaN : p.breachInterval().high(), p.meetsSla(), p.reason(), tiers,
                p.monthSpend(), p.reconstructed());
    }

    static List<Advice.Event> eventsOf(List<TimelineEvent> events) {
        return events.stream().map(e -> new Advice.Event(e.fromMonth(), e.describe())).toList();
    }

    @Override
    public Negotiated negotiate(DataSet data, ScenarioSettings settings, List<Double> targets, List<String> routers,
                                Consumer<Negotiated> partial, ProgressSink sink) throws Exception {
        Scenario base = base(data, settings);
        List<String> deployable = planner.deployableRouters();
        List<String> asked = routers.stream().filter(deployable::contains).toList();
        boolean floor = routers.contains(Planner.FLOOR_ROUTER);
        PlanOptions options = options(data, settings, base).withThreads(threads).withRouters(asked).withFloor(floor);
        List<Candidate> soFar = new ArrayList<>();
        List<Floor> floorSoFar = new ArrayList<>();
        PlanListener listener = new PlanListener() {
            @Override
            public void routerDone(String router, List<PlanPoint> points) {
                Negotiated n;
                synchronized (soFar) {
                    points.forEach(p -> soFar.add(toCandidate(p)));
                    n = new Negotiated(targets, soFar, List.of(), floorSoFar, Double.NaN, List.of(), 0, "", true);
                }
                partial.accept(n);
            }

            @Override
            public void floorDone(List<FloorPoint> points) {
                Negotiated n;
                synchronized (soFar) {
                    points.forEach(f -> floorSoFar.add(toFloor(f)));
                    n = new Negotiated(targets, soFar, List.of(), floorSoFar, Double.NaN, List.of(), 0, "", true);
                }
                partial.accept(n);
            }
        };
        Negotiation n;
        try {
            n = planner.negotiate(base, targets, options, control(sink), listener);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        Map<String, String> names = new java.util.HashMap<>();
        n.points().forEach(p -> names.put(p.router(), p.displayName()));
        List<Marginal> marginals = new ArrayList<>();
        for (MarginalCost m : n.steps()) {
            marginals.add(new Marginal(m.router(), names.getOrDefault(m.router(), m.router()), m.fromTarget(), m.toTarget(),
                    m.perPoint(), m.interval() == null ? Double.NaN : m.interval().low(),
                    m.interval() == null ? Double.NaN : m.interval().high()));
        }
        return new Negotiated(n.targets(), n.points().stream().map(EnginePlanning::toCandidate).toList(), marginals,
                n.floor().stream().map(EnginePlanning::toFloor).toList(), n.ceiling(), eventsOf(n.events()), n.seconds(), n.note(),
                false);
    }

    static Floor toFloor(FloorPoint f) {
        return new Floor("SLA oracle", f.target(), f.monthlySpend(), f.costPer1000(), f.meanSatisfaction());
    }

    @Override
    public BudgetResult budget(DataSet data, ScenarioSettings settings, double monthlyBudget, ProgressSink sink) throws Exception {
        Scenario base = base(data, settings);
        BudgetAnswer b;
        try {
            b = planner.budget(base, monthlyBudget, options(data, settings, base).withThreads(threads), control(sink), PlanListener.NONE);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        return new BudgetResult(b.monthlyBudget(), b.maxTarget(), b.point().map(EnginePlanning::toCandidate), b.seconds());
    }
}
