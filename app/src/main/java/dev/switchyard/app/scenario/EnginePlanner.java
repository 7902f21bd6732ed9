package dev.switchyard.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
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
    /** The last few full-fidelity runs, so a caller holding an outcome can store what produced it. */
    private final java.util.Deque<Completed> completed = new java.util.ArrayDeque<>();
    private static final int COMPLETED_KEPT = 4;

    /** A full run: the engine scenario exactly as simulated and its result. */
    public record Completed(ScenarioOutcome outcome, Scenario scenario, SimulationResult result) {
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

    @Override
    public ScenarioOutcome run(DataSet data, ScenarioSettings s, Fidelity fidelity, ProgressSink sink) throws Exception {
        Scenario scenario = toScenario(data, s, fidelity);
        PreparedScenario prepared = prepare(data, s, scenario);
        sink.checkCancelled();
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
        SimulationResult result;
        try {
            result = simulator.run(prepared, scenario, control);
        } catch (CancellationException e) {
            throw new ProgressSink.CancelledException();
        }
        sink.checkCancelled();
        ScenarioOutcome outcome = toOutcome(s, result, fidelity);
        if (fidelity == Fidelity.FULL) {
            synchronized (completed) {
                completed.addFirst(new Completed(outcome, scenario, result));
                while (completed.size() > COMPLETED_KEPT) {
                    completed.removeLast();
                }
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
        return new Scenario(name, c.sample(), c.catalog(), c.prices(), c.modelPool(), c.router(), c.routerParameters(),
                c.predictor(), c.textFeatures(), c.sla(), c.feedback(), c.volume(), c.mixShift(), c.seed(), c.replications(),
                c.calibrationFraction(), c.scaling());
    }

    /** The inverse of {@link #scenarioFor}: the data set and settings that rebuild a stored scenario on screen. */
    public static Restored fromScenario(Scenario c, String origin) {
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
                .withScaling(new Scenario.Scaling(fidelity.exactDays(), fidelity.maxSimulatedPerMonth()));
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

    static ScenarioOutcome toOutcome(ScenarioSettings s, SimulationResult r, Fidelity fidelity) {
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
        List<ScenarioOutcome.Tier> tiers = new ArrayList<>();
        for (SimulationResult.TierStats t : r.tiers()) {
            tiers.add(new ScenarioOutcome.Tier(t.tier(), t.requestShare(), t.satisfaction().mean(),
                    t.costPerRequest().mean() * 1000));
        }
        List<String> notes = new ArrayList<>();
        if (r.bound()) {
            notes.add("This is a bound that reads the hidden truth: the best any router could do, not a deployable router.");
        }
        if (r.router().reconstructed()) {
            notes.add(r.router().displayName() + " is reconstructed (" + r.router().provenance() + ").");
        }
        if (fidelity == Fidelity.PREVIEW) {
            notes.add("Preview from " + r.scenario().replications() + " replications and a coarse sample of the stream; "
                    + "the full run replaces it in a moment.");
        }
        if (r.scaled() && r.scalingNote() != null && !r.scalingNote().isBlank()) {
            notes.add(r.scalingNote());
        }
        // the engine's figures (decision 0308), not recomputed here
        return new ScenarioOutcome(s, r.router().displayName(), r.router().reconstructed(), r.monthlySpend().mean(),
                r.costPer1000().mean(), r.meanSatisfaction().mean(), months == 0 ? 0 : r.meanMonthlyBreachProbability(),
                r.savingsVsBestFixed().mean(), r.windowCompliance().mean(), monthFigures,
                windows(s, r), models, shareByMonth, spendShare, tiers, trace(r), r.seed(), r.engineVersion(), notes, fidelity);
    }

    /**
     * Satisfaction per complete SLA window of the first replication: the engine's own window series, the same
     * windows its compliance figure counts (decision 0308; the trailing partial window is reported apart).
     */
    static List<ScenarioOutcome.Window> windows(ScenarioSettings s, SimulationResult r) {
        List<ScenarioOutcome.Window> out = new ArrayList<>();
        if (r.replications().isEmpty()) {
            return out;
        }
        double[] series = r.replications().get(0).scenarioWindows().series();
        for (int i = 0; i < series.length; i++) {
            out.add(new ScenarioOutcome.Window(i + 1, series[i]));
        }
        return out;
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
