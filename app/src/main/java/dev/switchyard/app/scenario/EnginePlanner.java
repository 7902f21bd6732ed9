package dev.switchyard.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.engine.plan.PlanOptions;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Planner;
import dev.switchyard.engine.plan.TierFigure;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.plan.Timelines;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PlanningWindows;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.ReplicationResult;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.LatencyStats;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.sim.TracePoint;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * {@link PlannerEngine} on the engine's simulator. Keeps the last prepared scenario (cost table,
 * calibration split, features) so that moving a slider re-runs only the stream, not the set-up.
 */
public final class EnginePlanner implements PlannerEngine {
    private final Simulator simulator;
    private final Routers registry;
    private Prepared cache;
    private final Planner planner;
    private DataSet plannedData;
    /**
     * The planner's runs use every core: the start-up waits on them (issue 11: the recommended answer within
     * 3 s), and the FX thread, mostly idle, still gets its share from the scheduler. The screen's own runs
     * leave one core free.
     */
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** The last few full-fidelity runs, so a caller holding an outcome can store what produced it. */
    private final java.util.Deque<Completed> completed = new java.util.ArrayDeque<>();
    private static final int COMPLETED_KEPT = 4;

    /**
     * A full run: the engine scenario exactly as simulated (its target is the router's aim) and its result, with the
     * contract it is judged against (the screen's target; the same scenario when the router aims at it).
     */
    public record Completed(ScenarioOutcome outcome, Scenario scenario, SimulationResult result, Scenario contract) {
        public Completed(ScenarioOutcome outcome, Scenario scenario, SimulationResult result) {
            this(outcome, scenario, result, scenario);
        }

        /** The target the router was set to when it differs from the contract's (the planner's margin), else NaN. */
        public double aim() {
            double a = scenario.sla().target();
            return Math.abs(a - contract.sla().target()) < 1e-12 ? Double.NaN : a;
        }
    }

    /** What a stored scenario means to the app: the data it runs on and the screen's settings. */
    public record Restored(DataSet data, ScenarioSettings settings) {
    }

    /** Leaves one core to the FX thread: a simulation must never make the window stutter. */
    public EnginePlanner() {
        this(Simulator.standard().withThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
    }

    public EnginePlanner(Simulator simulator) {
        this.simulator = Objects.requireNonNull(simulator);
        this.registry = simulator.registry();
        this.planner = new Planner(registry);
    }

    private record PrepKey(TrafficSample sample, PriceSheet sheet, Object catalog, List<String> pool, long seed,
                           boolean offline) {
    }

    private record Prepared(PrepKey key, PreparedScenario prepared) {
    }

    @Override
    public List<RouterChoice> routers() {
        List<RouterChoice> out = new ArrayList<>();
        for (RouterDescriptor d : registry.available()) {
            out.add(toChoice(d));
        }
        return out;
    }

    static RouterChoice toChoice(RouterDescriptor d) {
        List<RouterChoice.Parameter> params = new ArrayList<>();
        for (ParameterSpec p : d.parameters()) {
            if (p.kind() == ParameterSpec.Kind.CHOICE) {
                params.add(new RouterChoice.Parameter(p.key(), p.label(), p.help(), Double.NaN, Double.NaN, Double.NaN, false,
                        p.choices()));
            } else {
                params.add(new RouterChoice.Parameter(p.key(), p.label(), p.help(), p.defaultValue(), p.min(), p.max(),
                        p.logScale(), List.of()));
            }
        }
        return new RouterChoice(d.name(), d.displayName(), d.description(), d.reconstructed(), d.provenance(), d.isBound(),
                params, d.role() == RouterDescriptor.Role.ONLINE);
    }

    @Override
    public String defaultRouter() {
        return registry.available().stream().anyMatch(d -> d.name().equals("slarouter")) ? "slarouter"
                : registry.available().get(0).name();
    }

    /**
     * The planner this app asks (recommend, negotiate, budget) and whose run book the Scenario screen's full run
     * reads: a setting the planner already ran is shown from that very run, so the screen and the recommendation
     * never disagree. Remembered runs belong to one data set; new data clears them.
     */
    public Planner planner(DataSet data) {
        synchronized (this) {
            if (plannedData != null && plannedData != data) {
                planner.clear();
            }
            plannedData = data;
        }
        return planner;
    }

    /** The one planner behind every screen (without the data-set check of {@link #planner(DataSet)}). */
    public Planner sharedPlanner() {
        return planner;
    }

    /** The planner's options for the screen's settings: tier targets, timeline events, worker threads. */
    public PlanOptions planOptions(DataSet data, ScenarioSettings s, Scenario base) {
        return PlanOptions.defaults().withTierTargets(s.tierTargets()).withEvents(timelineEvents(data, s.timeline(), base))
                .withThreads(threads);
    }

    /** The user's what-ifs as the planner's timeline events (deprecations and sheets dated by the engine). */
    public static List<TimelineEvent> timelineEvents(DataSet data, Timeline t, Scenario base) {
        List<TimelineEvent> out = new ArrayList<>();
        for (Timeline.PriceChange c : t.priceChanges()) {
            out.add(new TimelineEvent.PriceChange(c.target(), c.factor(), c.fromMonth()));
        }
        if (t.sheetFromEffectiveDate() != null) {
            out.add(Timelines.sheetFromEffectiveDate(base, data.sheet(t.sheetFromEffectiveDate()).orElseThrow(() ->
                    new IllegalArgumentException("price sheet '" + t.sheetFromEffectiveDate() + "' is not loaded any more"))));
        }
        if (t.deprecations()) {
            out.addAll(Timelines.deprecations(base));
        }
        return out;
    }

    @Override
    public boolean isReady(DataSet data, ScenarioSettings s) {
        try {
            Scenario contract = scenarioFor(data, s, "Scenario");
            return planner(data).isKnown(contract, s.routerAim(), planOptions(data, s, contract));
        } catch (RuntimeException e) {
            return false; // the run itself reports what is wrong
        }
    }

    @Override
    public ScenarioOutcome run(DataSet data, ScenarioSettings s, Fidelity fidelity, ProgressSink sink) throws Exception {
        RunControl control = new RunControl() {
            @Override
            public boolean isCancelled() {
                return sink.isCancelled() || Thread.currentThread().isInterrupted();
            }

            @Override
            public void progress(int done, int total) {
                sink.progress((double) done / total, done + " of " + total + " replications");
            }
        };
        Scenario contract = scenarioFor(data, s, "Scenario");
        PlanOptions options = planOptions(data, s, contract);
        if (fidelity == Fidelity.FULL) {
            return full(data, s, contract, options, control, sink);
        }
        Scenario scenario = toScenario(data, s, fidelity);
        PreparedScenario prepared = prepare(data, s, scenario);
        sink.checkCancelled();
        SimulationResult result;
        try {
            result = simulator.run(prepared, scenario.withTarget(s.routerAim()), control);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        PlanPoint judged = Planner.judge(List.of(result), s.routerAim(), scenario, options);
        return toOutcome(s, result, judged, fidelity, List.of());
    }

    /**
     * The full run: the planner's own evaluation of the setting (its scaling, its paired stream, its judgement
     * against the contract target), from the run the recommendation already made when it made one.
     */
    private ScenarioOutcome full(DataSet data, ScenarioSettings s, Scenario contract, PlanOptions options, RunControl control,
                                 ProgressSink sink) throws Exception {
        Planner.Evaluation e;
        try {
            e = planner(data).evaluate(contract, s.routerAim(), options, control);
        } catch (CancellationException ex) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        SimulationResult result;
        List<String> extra = new ArrayList<>();
        if (e.runs().size() == 1) {
            result = e.runs().get(0);
        } else {
            // a model joins or leaves: the planner joined stretches; the month-by-month charts show the horizon
            // without the pool change (the tiles are the planner's, with it)
            Scenario plain = contract.withScaling(options.scaling());
            try {
                result = simulator.run(prepare(data, s, plain), plain.withTarget(s.routerAim()), control);
            } catch (CancellationException ex) {
                throw new ProgressSink.CancelledException();
            }
            extra.add("The tiles include the model changes on the timeline; the charts show the horizon without them.");
        }
        sink.checkCancelled();
        ScenarioOutcome outcome = toOutcome(s, result, e.point(), Fidelity.FULL, extra);
        synchronized (completed) {
            Scenario planned = contract.withScaling(options.scaling());
            completed.addFirst(new Completed(outcome, planned.withTarget(s.routerAim()), result, planned));
            while (completed.size() > COMPLETED_KEPT) {
                completed.removeLast();
            }
        }
        return outcome;
    }

    /** The scenario and result behind a full outcome this planner produced recently (by identity). */
    public java.util.Optional<Completed> completed(ScenarioOutcome outcome) {
        synchronized (completed) {
            return completed.stream().filter(c -> c.outcome() == outcome).findFirst();
        }
    }

    /**
     * The engine scenario a full run of these settings simulates, under {@code name}: what the
     * workspace stores, so a stored scenario re-runs to the numbers the screen showed.
     */
    public static Scenario scenarioFor(DataSet data, ScenarioSettings s, String name) {
        return named(toScenario(data, s, Fidelity.FULL), name);
    }

    public static Scenario named(Scenario c, String name) {
        // every setting kept, the judge and the latency term included (the latency target was lost here before)
        return new Scenario(name, c.sample(), c.catalog(), c.prices(), c.modelPool(), c.router(), c.routerParameters(),
                c.predictor(), c.textFeatures(), c.sla(), c.feedback(), c.volume(), c.mixShift(), c.seed(), c.replications(),
                c.calibrationFraction(), c.scaling(), c.judge(), c.latency());
    }

    /** The inverse of {@link #scenarioFor}: the data set and settings that rebuild a stored scenario on screen. */
    public static Restored fromScenario(Scenario c, String origin) {
        return fromScenario(c, Double.NaN, origin);
    }

    /**
     * As {@link #fromScenario(Scenario, String)} with the router's stored aim ({@code aim}, NaN: it aims at the contract
     * target): the screen shows the contract target and the aim apart, as they were saved (issue 9).
     */
    public static Restored fromScenario(Scenario c, double aim, String origin) {
        Restored plain = plainFromScenario(c, origin);
        ScenarioSettings s = plain.settings();
        dev.switchyard.engine.routing.LatencyTarget lt = c.latency();
        if (lt.isActive()) {
            // the default L and each tier's own (the CLI's --tier-latency), as they were saved
            s = s.withLatency(new LatencyGoal(Double.isFinite(lt.targetMs()) ? lt.targetMs() : Double.NaN, lt.percentile(),
                    lt.tierTargetsMs()));
        }
        if (!Double.isNaN(aim)) {
            s = s.withAim(aim);
        }
        return new Restored(plain.data(), s);
    }

    private static Restored plainFromScenario(Scenario c, String origin) {
        DataSet data = new DataSet(c.catalog(), c.prices() == null ? List.of() : List.of(c.prices()), c.sample(), origin);
        SlaWindow window = switch (c.sla().window()) {
            case DAY -> SlaWindow.DAY;
            case WEEK -> SlaWindow.WEEK;
            case MONTH -> SlaWindow.MONTH;
            case REQUESTS -> SlaWindow.ofRequests(c.sla().windowRequests());
        };
        ScenarioSettings settings = new ScenarioSettings(c.modelPool(), c.router(), c.routerParameters().values(),
                c.sla().target(), window, c.feedback().rate(), c.volume().requestsPerMonth(), c.volume().monthlyGrowth(),
                c.volume().months(), c.prices() == null ? null : c.prices().label(), c.replications(), c.seed());
        return new Restored(data, settings);
    }

    static Scenario toScenario(DataSet data, ScenarioSettings s, Fidelity fidelity) {
        PriceSheet sheet = s.priceSheet() == null ? null : data.sheet(s.priceSheet()).orElseThrow(() ->
                new IllegalArgumentException("price sheet '" + s.priceSheet() + "' is not loaded any more"));
        Scenario.Window window = switch (s.window().unit()) {
            case DAY -> Scenario.Window.DAY;
            case WEEK -> Scenario.Window.WEEK;
            case MONTH -> Scenario.Window.MONTH;
            case REQUESTS -> Scenario.Window.REQUESTS;
        };
        RouterParameters params = RouterParameters.none();
        for (Map.Entry<String, String> e : s.routerParameters().entrySet()) {
            params = params.with(e.getKey(), e.getValue());
        }
        // the scenario screen's feedback slider reaches 0; the engine needs q > 0 for one-sided reports
        double q = Math.max(0.001, s.feedbackRate());
        return Scenario.of(data.traffic(), sheet, data.catalog(), s.router())
                .withRouter(s.router(), params)
                .withModelPool(s.pool())
                .withSla(new Scenario.Sla(s.target(), window, s.window().requests()))
                .withFeedback(Scenario.Feedback.oneSided(q))
                .withVolume(new Scenario.Volume(s.monthlyVolume(), s.monthlyGrowth(), s.horizonMonths(), true))
                .withSeed(s.seed())
                .withReplications(fidelity.replications(s.replications()))
                .withScaling(new Scenario.Scaling(fidelity.exactDays(), fidelity.maxSimulatedPerMonth()))
                .withLatency(latencyTarget(s.latency()));
    }

    /** The engine's latency term for the screen's goal: the default L (none: +Infinity) and the tiers' own. */
    static dev.switchyard.engine.routing.LatencyTarget latencyTarget(LatencyGoal g) {
        if (!g.isOn()) {
            return dev.switchyard.engine.routing.LatencyTarget.none();
        }
        return new dev.switchyard.engine.routing.LatencyTarget(dev.switchyard.engine.routing.LatencyTarget.Metric.TTFT,
                Double.isNaN(g.targetMs()) ? Double.POSITIVE_INFINITY : g.targetMs(), g.percentile(), g.tierTargetsMs());
    }

    private PreparedScenario prepare(DataSet data, ScenarioSettings s, Scenario scenario) throws Exception {
        PrepKey key = new PrepKey(data.traffic(), scenario.prices(), data.catalog(), s.pool(), s.seed(), true);
        synchronized (this) {
            if (cache != null && cache.key().equals(key)) {
                return cache.prepared();
            }
        }
        PreparedScenario prepared = PreparedScenario.of(scenario);
        synchronized (this) {
            cache = new Prepared(key, prepared);
        }
        return prepared;
    }

    /**
     * The screen's outcome: the headline figures are the planner's judgement of this very run ({@code judged}:
     * spend, cost per 1,000, satisfaction, the chance a contract window ends below the contract target, per-tier
     * figures), the same definitions the recommendation and Negotiate use; the charts are the run's own series.
     */
    static ScenarioOutcome toOutcome(ScenarioSettings s, SimulationResult r, PlanPoint judged, Fidelity fidelity,
                                     List<String> extraNotes) {
        List<String> models = r.scenario().models();
        int months = r.months().size();
        List<ScenarioOutcome.Month> monthFigures = new ArrayList<>();
        double[][] shareByMonth = new double[months][models.size()];
        for (int i = 0; i < months; i++) {
            SimulationResult.MonthStats m = r.months().get(i);
            monthFigures.add(new ScenarioOutcome.Month(i + 1, m.requests(), m.cost().mean(), m.cost().p10(), m.cost().p90(),
                    m.satisfaction().mean(), m.satisfaction().p10(), m.satisfaction().p90(), m.breachProbability()));
            for (int j = 0; j < models.size(); j++) {
                shareByMonth[i][j] = m.modelShare().getOrDefault(models.get(j), 0.0);
            }
        }
        double[] spendShare = new double[models.size()];
        for (SimulationResult.ModelStats ms : r.models()) {
            int j = models.indexOf(ms.model());
            if (j >= 0) {
                spendShare[j] = ms.spendShare().mean();
            }
        }
        java.util.Map<String, Double> tierCost = new java.util.HashMap<>();
        for (SimulationResult.TierStats t : r.tiers()) {
            tierCost.put(t.tier(), t.costPerRequest().mean() * 1000);
        }
        List<ScenarioOutcome.Tier> tiers = new ArrayList<>();
        for (TierFigure t : judged.tiers()) {
            tiers.add(new ScenarioOutcome.Tier(t.tier(), t.requestShare(), t.meanSatisfaction(),
                    tierCost.getOrDefault(t.tier(), Double.NaN), t.breachProbability(), t.meetsTarget()));
        }
        List<String> notes = new ArrayList<>();
        if (r.bound()) {
            notes.add("This is a bound that reads the hidden truth: the best any router could do, not a deployable router.");
        }
        if (r.router().reconstructed()) {
            notes.add(r.router().displayName() + " is reconstructed (" + r.router().provenance() + ").");
        }
        if (s.hasOwnAim()) {
            notes.add(String.format(java.util.Locale.ROOT, "%s is set to aim at %.1f%% so that it breaches the %.1f%% "
                    + "contract rarely enough (the planner's margin); every figure is judged against %.1f%%.",
                    r.router().displayName(), 100 * s.routerAim(), 100 * s.target(), 100 * s.target()));
        }
        if (fidelity == Fidelity.PREVIEW) {
            notes.add("Preview from " + r.scenario().replications() + " replications and a coarse sample of the stream; "
                    + "the full run replaces it in a moment.");
        }
        if (r.scaled() && r.scalingNote() != null && !r.scalingNote().isBlank()) {
            notes.add(r.scalingNote());
        }
        notes.addAll(extraNotes);
        ScenarioOutcome.Judgement j = new ScenarioOutcome.Judgement(judged.aimTarget(), judged.target(),
                windowWords(s.window()), judged.windows(),
                judged.breachInterval() == null ? Double.NaN : judged.breachInterval().low(),
                judged.breachInterval() == null ? Double.NaN : judged.breachInterval().high(), judged.meetsSla(),
                judged.reason());
        List<ScenarioOutcome.Window> windows = windows(s, r);
        // the engine's figures (decisions 0308, 0701), not recomputed here
        return new ScenarioOutcome(s, r.router().displayName(), r.router().reconstructed(), judged.monthlySpend(),
                judged.costPer1000(), judged.meanSatisfaction(), judged.breachProbability(),
                r.savingsVsBestFixed().mean(), 1 - judged.breachProbability(), monthFigures,
                windows, partialWindow(r, windows.size() + 1), models, shareByMonth, spendShare, tiers, trace(r), r.seed(),
                r.engineVersion(), notes, fidelity, j, latency(r));
    }

    /** The engine's latency figures of the run (decision 1400), or null when the engine reported none. */
    static ScenarioOutcome.Latency latency(SimulationResult r) {
        var l = r.latency();
        if (l == null) {
            return null;
        }
        // windows are judged per tier (a window keeps the target only when every tier does): name the tier that
        // kept it least often, so a run-level p95 under target with most windows breached is not a puzzle
        LatencyStats.TierLatency worst = null;
        if (l.tiers().size() > 1) {
            for (LatencyStats.TierLatency t : l.tiers()) {
                if (Double.isFinite(t.windowCompliance()) && (worst == null || t.windowCompliance() < worst.windowCompliance())) {
                    worst = t;
                }
            }
        }
        return new ScenarioOutcome.Latency(l.metric(), l.targetMs(), l.percentile(), l.latencyP95Ms().mean(),
                l.percentileMs().mean(), l.windowCompliance().mean(), l.rateLimitedShare().mean(), l.windowPercentiles(),
                l.run().ttftP50(), l.run().ttftP95(), l.run().ttftP99(), worst == null ? null : worst.tier(),
                worst == null ? Double.NaN : worst.windowCompliance());
    }

    static String windowWords(SlaWindow w) {
        return switch (w.unit()) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case REQUESTS -> String.format(java.util.Locale.ROOT, "window of %,d requests", w.requests());
        };
    }

    static int windowDays(SlaWindow w) {
        return switch (w.unit()) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> Scenario.Volume.DAYS_PER_MONTH;
            case REQUESTS -> 0;
        };
    }

    /**
     * Satisfaction of every complete contract window of the first replication, as the engine judges them against
     * the contract (decision 0701: scaled days at their real request counts), the very windows the breach tile
     * counts. Calendar windows come from the engine's planning windows, so scaled months are drawn too; N-request
     * windows are the ones the run closed. The trailing partial window is not among them (see {@link #partialWindow}).
     */
    static List<ScenarioOutcome.Window> windows(ScenarioSettings s, SimulationResult r) {
        List<ScenarioOutcome.Window> out = new ArrayList<>();
        if (r.replications().isEmpty()) {
            return out;
        }
        ReplicationResult first = r.replications().get(0);
        int days = windowDays(s.window());
        double[] series = days > 0 ? PlanningWindows.at(first, days, s.target()).series() : first.scenarioWindows().series();
        for (int i = 0; i < series.length; i++) {
            out.add(new ScenarioOutcome.Window(i + 1, series[i]));
        }
        return out;
    }

    /** The trailing partial window of the first replication as the engine reports it apart, or null when none. */
    static ScenarioOutcome.PartialWindow partialWindow(SimulationResult r, long index) {
        if (r.replications().isEmpty()) {
            return null;
        }
        var w = r.replications().get(0).scenarioWindows();
        if (!(w.partialShare() > 0)) {
            return null;
        }
        // a NaN mean: the engine could not judge it (too few simulated requests in it); still marked, as such
        return new ScenarioOutcome.PartialWindow(index, w.partialMean(), w.partialShare());
    }

    static ScenarioOutcome.Trace trace(SimulationResult r) {
        List<TracePoint> points = r.trace();
        if (points == null || points.isEmpty()) {
            return ScenarioOutcome.Trace.none(r.router().displayName() + " recorded no learning trace.");
        }
        boolean hasMultiplier = points.stream().anyMatch(p -> Double.isFinite(p.multiplier()));
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        int k = 0;
        for (TracePoint p : points) {
            double v = hasMultiplier ? p.multiplier() : p.realisedSatisfaction();
            if (Double.isFinite(v)) {
                x[k] = p.request();
                y[k] = v;
                k++;
            }
        }
        x = java.util.Arrays.copyOf(x, k);
        y = java.util.Arrays.copyOf(y, k);
        if (k == 0) {
            return ScenarioOutcome.Trace.none(r.router().displayName() + " recorded no learning trace.");
        }
        if (hasMultiplier) {
            return new ScenarioOutcome.Trace("Price of quality", "How much extra cost the router accepts for a better "
                    + "chance of a satisfied request (λ in the papers), learned as it goes.", x, y);
        }
        return new ScenarioOutcome.Trace("Running satisfaction", r.router().displayName() + " follows a fixed rule and "
                + "learns nothing; shown instead: the running share of satisfied requests.", x, y);
    }

}
