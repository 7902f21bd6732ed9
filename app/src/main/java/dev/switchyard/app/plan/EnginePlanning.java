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
        Scenario base = base(data, settings);
        List<Candidate> judged = new ArrayList<>();
        PlanListener listener = new PlanListener() {
            @Override
            public void routerDone(String router, List<PlanPoint> points) {
                List<Candidate> now;
                synchronized (judged) {
                    points.forEach(p -> judged.add(toCandidate(p)));
                    now = List.copyOf(judged);
                }
                soFar.accept(now);
            }

            @Override
            public void firstAnswer(Recommendation first) {
                // the planner's first answer (first replication of every run): every router at once, provisional
                List<Candidate> all = first.candidates().stream().map(EnginePlanning::toCandidate).toList();
                synchronized (judged) {
                    if (judged.size() >= all.size()) {
                        return;
                    }
                }
                soFar.accept(all);
            }
        };
        Recommendation r;
        try {
            r = planner.recommend(base, options(data, settings, base), control(sink), listener);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        return toAdvice(r);
    }

    @Override
    public LatencyCells latencyGrid(DataSet data, ScenarioSettings settings, List<Double> targets, List<Double> latenciesMs,
                                    List<String> routers, Consumer<LatencyCells> partial, ProgressSink sink) throws Exception {
        Scenario base = base(data, settings);
        List<String> deployable = planner.deployableRouters();
        List<String> asked = routers.stream().filter(deployable::contains).toList();
        PlanOptions options = options(data, settings, base).withThreads(threads).withRouters(asked);
        double pct = settings.latency().percentile();
        Scenario withPct = base.withLatency(new dev.switchyard.engine.routing.LatencyTarget(
                dev.switchyard.engine.routing.LatencyTarget.Metric.TTFT, Double.POSITIVE_INFINITY, pct, Map.of()));
        List<LatencyCell> soFar = new ArrayList<>();
        List<Double> ls = new ArrayList<>(new java.util.TreeSet<>(latenciesMs));
        List<Double> ts = new ArrayList<>(new java.util.TreeSet<>(targets));
        dev.switchyard.engine.plan.LatencyGrid g;
        try {
            g = planner.latencyGrid(withPct, ts, ls, options, control(sink), (l, row) -> {
                LatencyCells now;
                synchronized (soFar) {
                    row.forEach(c -> soFar.add(toCell(c)));
                    now = new LatencyCells(ts, ls, pct, soFar, true, 0);
                }
                partial.accept(now);
            });
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        return new LatencyCells(g.targets(), g.latenciesMs(), g.percentile(), g.cells().stream().map(EnginePlanning::toCell).toList(),
                false, g.seconds());
    }

    static LatencyCell toCell(dev.switchyard.engine.plan.LatencyGrid.Cell c) {
        PlanPoint p = c.best();
        return new LatencyCell(c.target(), c.latencyMs(), c.met(), p.displayName(), c.met() ? p.monthlySpend() : Double.NaN,
                p.latency() == null ? Double.NaN : p.latency().latencyP95Ms(), c.met() ? "" : p.reason());
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
