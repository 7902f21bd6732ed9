package dev.switchyard.app.negotiate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.plan.Candidate;
import dev.switchyard.app.plan.PlanningEngine;
import dev.switchyard.app.scenario.PlannerEngine;
import dev.switchyard.app.scenario.RouterChoice;
import dev.switchyard.app.scenario.ScenarioSettings;

/**
 * "A customer asks for 95% instead of 90%: what does it cost, and how often would we breach?"
 * Asks the engine's planner for every chosen router at every target (paired runs), from the
 * scenario screen's settings, and shows the curves as each router's answers land; then, for the
 * scenario's router, compliance over feedback rate x target. The targets follow the scenario: from
 * 5 points below its target to the ceiling, with 95% and 99% when reachable and every tier's own
 * target. Never references a Node.
 */
public final class NegotiateViewModel {
    /** Routers compared by default, when the engine has them: the SLA-aware ones, a baseline and the floor. */
    static final List<String> DEFAULT_ROUTERS = List.of("slarouter", "proteus", "threshold",
            "cheapest-meeting-target", "sla-oracle");
    /** Targets above this are never offered: nobody can promise 100%. */
    static final double HIGHEST_TARGET = 0.99;
    /** Feedback rates of the grid's rows. */
    static final List<Double> GRID_FEEDBACK_RATES = List.of(0.02, 0.05, 0.10, 0.20, 0.50);

    private final DataSession session;
    private final PlanningEngine planning;
    private final TaskRunner runner;
    private final Supplier<ScenarioSettings> base;

    private final ObservableList<RouterChoice> available = FXCollections.observableArrayList();
    /** Handed out instead of {@code available}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<RouterChoice> readOnlyAvailable = FXCollections.unmodifiableObservableList(available);
    private final ObservableList<String> chosenRouters = FXCollections.observableArrayList();
    private final ObservableList<Double> targets = FXCollections.observableArrayList(targetRange(0.90, HIGHEST_TARGET, List.of()));
    private final ObservableList<Double> gridTargets = FXCollections.observableArrayList(gridRange(targets, 0.90));
    private final ObservableList<Double> feedbackRates = FXCollections.observableArrayList(GRID_FEEDBACK_RATES);
    private final ReadOnlyObjectWrapper<NegotiationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Press Analyse to see what each SLA target costs, from the scenario's settings.");
    /** Latency targets L (ms) of the quality x latency grid's rows; follow the scenario's L (see {@link #latencyRange}). */
    private final ObservableList<Double> latencyTargets = FXCollections.observableArrayList(latencyRange(Double.NaN));
    /** Handed out instead of {@code latencyTargets}: one wrapper, so the screen's listener on it is not collected with a copy. */
    private final ObservableList<Double> readOnlyLatencyTargets = FXCollections.unmodifiableObservableList(latencyTargets);
    private final ReadOnlyObjectWrapper<PlanningEngine.LatencyCells> latencyGrid = new ReadOnlyObjectWrapper<>(this, "latencyGrid");
    private final ReadOnlyBooleanWrapper latencyRunning = new ReadOnlyBooleanWrapper(this, "latencyRunning");
    private final ReadOnlyStringWrapper latencyStatus = new ReadOnlyStringWrapper(this, "latencyStatus",
            "Press Compute for what each satisfaction target costs under each latency target (one analysis per latency).");
    /** The grid's row choices: "" (the default L, every tier without its own) and each SLA tier of the data. */
    private final ObservableList<String> latencyRowTiers = FXCollections.observableArrayList("");
    private final ObservableList<String> readOnlyLatencyRowTiers = FXCollections.unmodifiableObservableList(latencyRowTiers);
    /** Whose L the grid's rows set (see {@link #latencyRowTiers}); follows the scenario until chosen. */
    private final ReadOnlyStringWrapper latencyRowTier = new ReadOnlyStringWrapper(this, "latencyRowTier", "");
    private boolean latencyTierTouched;
    private TaskRunner.Handle latencyTask;
    private long latencyGeneration;
    /** The highest satisfaction a deployable router reaches, from the engine's recommendation; NaN until known. */
    private double ceiling = Double.NaN;
    private TaskRunner.Handle current;
    private long runGeneration;
    private double lastSeconds = Double.NaN;
    private double firstCurveSeconds = Double.NaN;

    public NegotiateViewModel(DataSession session, PlannerEngine engine, PlanningEngine planning, TaskRunner runner,
                              Supplier<ScenarioSettings> base) {
        this.session = Objects.requireNonNull(session);
        this.planning = Objects.requireNonNull(planning);
        this.runner = Objects.requireNonNull(runner);
        this.base = Objects.requireNonNull(base);
        available.setAll(engine.routers());
        for (String name : DEFAULT_ROUTERS) {
            if (available.stream().anyMatch(r -> r.name().equals(name))) {
                chosenRouters.add(name);
            }
        }
    }

    /**
     * The targets a negotiation looks at for a scenario at {@code target}: from 5 points below it up
     * to the ceiling (or 99%), one point apart (thinned when the span is wide), always with the target
     * itself, every tier's own target, and 95% and 99% (past the ceiling too: then no router keeps them).
     */
    static List<Double> targetRange(double target, double ceiling, java.util.Collection<Double> tierTargets) {
        double top = Math.min(HIGHEST_TARGET, Double.isFinite(ceiling) ? Math.floor(ceiling * 100 + 1e-9) / 100 : HIGHEST_TARGET);
        double low = Math.max(0.50, Math.round((target - 0.05) * 100) / 100.0);
        if (top < low) {
            top = Math.min(HIGHEST_TARGET, Math.round(target * 100) / 100.0);
        }
        int span = (int) Math.round((top - low) * 100);
        // one point apart up to 85-99%; wider spans thinned to about a dozen steps
        int step = span > 14 ? (int) Math.ceil(span / 12.0) : 1;
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (int k = 0; k <= span; k += step) {
            out.add(Math.round((low + k / 100.0) * 100) / 100.0);
        }
        out.add(Math.round(top * 100) / 100.0);
        out.add(Math.round(target * 1000) / 1000.0);
        for (double t : tierTargets) {
            if (t <= HIGHEST_TARGET) {
                out.add(Math.round(t * 1000) / 1000.0);
            }
        }
        // 95% and 99% are what customers ask for: always in the range above its low end, also past the ceiling,
        // where the engine's answer is that no deployable router keeps them (shown as such, not as a cost)
        for (double must : new double[] {0.95, 0.99}) {
            if (must <= HIGHEST_TARGET + 1e-9 && must >= low) {
                out.add(must);
            }
        }
        return List.copyOf(out);
    }

    /** Up to six columns for the feedback x target grid: spread over the range, with the target and 95% when present. */
    static List<Double> gridRange(List<Double> range, double target) {
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        int n = range.size();
        for (int k = 0; k < 4 && n > 0; k++) {
            out.add(range.get(Math.min(n - 1, (int) Math.round(k * (n - 1) / 3.0))));
        }
        double t = Math.round(target * 1000) / 1000.0;
        if (range.contains(t)) {
            out.add(t);
        }
        if (range.contains(0.95)) {
            out.add(0.95);
        }
        return List.copyOf(out);
    }

    /**
     * The latency targets of the grid's rows: around the scenario's own L (half, three quarters, L, one and a half, twice,
     * rounded to 100 ms) when it has one, else 1, 1.5, 2, 3 and 5 seconds of time to first token.
     */
    static List<Double> latencyRange(double scenarioMs) {
        if (!(scenarioMs > 0) || Double.isInfinite(scenarioMs)) {
            return List.of(1000.0, 1500.0, 2000.0, 3000.0, 5000.0);
        }
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (double f : new double[] {0.5, 0.75, 1, 1.5, 2}) {
            out.add(Math.max(100, Math.round(scenarioMs * f / 100) * 100.0));
        }
        out.add(scenarioMs);
        return List.copyOf(out);
    }

    /** Re-derives the target range from the scenario (its target, its tiers' targets) and the known ceiling. */
    public void followScenario() {
        ScenarioSettings s;
        try {
            s = base.get();
        } catch (IllegalArgumentException e) {
            return;
        }
        DataSet data = session.get();
        List<String> dataTiers = data != null && data.traffic().hasSlaTiers() ? data.traffic().slaTiers().values() : List.of();
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(dataTiers);
        if (!choices.equals(latencyRowTiers)) {
            latencyRowTiers.setAll(choices);
        }
        if (!latencyTierTouched || !choices.contains(latencyRowTier.get())) {
            latencyTierTouched = false;
            latencyRowTier.set(defaultRowTier(s.latency(), dataTiers));
        }
        if (!latencyTouched) {
            List<Double> ls = latencyRange(s.latency().targetMs(latencyRowTier.get().isEmpty() ? null : latencyRowTier.get()));
            if (!ls.equals(latencyTargets)) {
                latencyTargets.setAll(ls);
            }
        }
        List<Double> next = targetRange(s.target(), ceiling, s.tierTargets().values());
        if (!next.equals(targets)) {
            targets.setAll(next);
        }
        List<Double> grid = gridRange(targets, s.target());
        if (!grid.equals(gridTargets)) {
            gridTargets.setAll(grid);
        }
    }

    /** The ceiling from the engine's recommendation (NaN when unknown): the range stops there. */
    public void setCeiling(double value) {
        ceiling = value;
        followScenario();
    }

    /** Runs the analysis in the background: every chosen router over the targets, then the grid. */
    public void analyse() {
        DataSet data = session.get();
        if (data == null) {
            status.set("No data loaded.");
            return;
        }
        ScenarioSettings settings;
        try {
            settings = base.get();
        } catch (IllegalArgumentException e) {
            status.set("Fix the scenario first: " + e.getMessage());
            return;
        }
        if (chosenRouters.isEmpty()) {
            status.set("Pick at least one router to compare.");
            return;
        }
        if (current != null) {
            current.cancel();
        }
        followScenario();
        final ScenarioSettings start = settings;
        final long generation = ++runGeneration;
        List<String> routerNames = List.copyOf(chosenRouters);
        List<Double> ts = List.copyOf(targets);
        List<Double> gts = List.copyOf(gridTargets);
        RouterChoice gridChoice = available.stream().filter(c -> c.name().equals(start.router())).findFirst().orElse(null);
        // a router that ignores feedback gives the same row at every rate: one row says so without five runs
        List<Double> qs = gridChoice != null && !gridChoice.learnsFromFeedback() ? List.of(start.feedbackRate())
                : List.copyOf(feedbackRates);
        String gridRouter = gridChoice == null ? start.router() : gridChoice.displayName();
        running.set(true);
        long startedNanos = System.nanoTime();
        firstCurveSeconds = Double.NaN;
        status.set("Analysing " + ts.size() + " targets from " + pct(ts.get(0)) + " to " + pct(ts.get(ts.size() - 1)) + "…");
        current = runner.submit("Analysing SLA targets", sink -> {
            PlanningEngine.Negotiated curves = planning.negotiate(data, start, ts, routerNames, partial -> {
                NegotiationResult r = toResult(partial, start, gts, qs, gridRouter, null, true);
                double at = (System.nanoTime() - startedNanos) / 1e9;
                runner.uiExecutor().execute(() -> {
                    if (generation == runGeneration) {
                        if (!Double.isFinite(firstCurveSeconds)) {
                            firstCurveSeconds = at;
                        }
                        result.set(r);
                    }
                });
            }, sink);
            runner.uiExecutor().execute(() -> {
                if (generation == runGeneration) {
                    result.set(toResult(curves, start, gts, qs, gridRouter, null, true));
                }
            });
            double[][] grid = new double[qs.size()][gts.size()];
            ProgressSink quiet = quiet(sink);
            for (int i = 0; i < qs.size(); i++) {
                sink.checkCancelled();
                sink.progress((double) i / qs.size(), "feedback rate " + pct(qs.get(i)) + " x " + gts.size() + " targets");
                PlanningEngine.Negotiated row = planning.negotiate(data, start.withFeedbackRate(qs.get(i)), gts,
                        List.of(start.router()), p -> { }, quiet);
                for (int j = 0; j < gts.size(); j++) {
                    double t = gts.get(j);
                    grid[i][j] = row.points().stream().filter(p -> Math.abs(p.target() - t) < 1e-9).findFirst()
                            .map(p -> 1 - p.breachProbability()).orElse(Double.NaN);
                }
            }
            return toResult(curves, start, gts, qs, gridRouter, grid, false);
        }, r -> {
            if (generation != runGeneration) {
                return;
            }
            running.set(false);
            result.set(r);
            lastSeconds = (System.nanoTime() - startedNanos) / 1e9;
            status.set(String.format(java.util.Locale.ROOT, "Analysed in %.1f s (first curve after %.1f s): ", lastSeconds,
                    firstCurveSeconds) + r.deployableRouters().size() + " routers over " + ts.size() + " targets from "
                    + pct(ts.get(0)) + " to " + pct(ts.get(ts.size() - 1)) + ", and " + qs.size() + " feedback rate"
                    + (qs.size() == 1 ? "" : "s") + " x " + gts.size() + " targets for " + gridRouter
                    + ". Volume, horizon, pool and prices as on the Scenario screen. " + r.note());
        }, e -> {
            if (generation != runGeneration) {
                return;
            }
            running.set(false);
            status.set("Analysis failed: " + e.getMessage());
        });
    }

    private boolean latencyTouched;

    /**
     * Whose L the grid's rows set by default: the tier with the tightest L of its own when the scenario gives tiers their
     * own (that is the term a customer negotiates; the others stay as set), else the default L (every tier).
     */
    static String defaultRowTier(dev.switchyard.app.scenario.LatencyGoal goal, List<String> dataTiers) {
        return goal.tierTargetsMs().entrySet().stream().filter(e -> dataTiers.contains(e.getKey()))
                .min(java.util.Map.Entry.<String, Double>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(java.util.Map.Entry::getKey).orElse("");
    }

    /**
     * Makes the grid's rows set {@code tier}'s L ("" = the default L, every tier without its own); the rows' latency
     * targets follow that L again unless typed. {@code null} = follow the scenario again.
     */
    public void setLatencyRowTier(String tier) {
        if (tier == null) {
            latencyTierTouched = false;
        } else {
            if (!latencyRowTiers.contains(tier)) {
                return;
            }
            latencyTierTouched = true;
            latencyRowTier.set(tier);
        }
        followScenario();
    }

    /** The choices of whose L the grid's rows set: "" (the default L) and the data's SLA tiers. */
    public ObservableList<String> latencyRowTiers() {
        return readOnlyLatencyRowTiers;
    }

    public ReadOnlyStringProperty latencyRowTierProperty() {
        return latencyRowTier.getReadOnlyProperty();
    }

    /** A row choice as the screen names it. */
    public static String rowTierLabel(String tier) {
        return tier == null || tier.isEmpty() ? "every tier without its own" : tier;
    }

    /**
     * Sets the grid's latency targets from text ("1000, 1500, 2 s"); empty = follow the scenario again.
     *
     * @return an error to show next to the field, or empty when accepted
     */
    public String setLatencyTargets(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            latencyTouched = false;
            followScenario();
            return "";
        }
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (String part : t.split("[,;]")) {
            String p = part.strip().toLowerCase(java.util.Locale.ROOT).replace("_", "");
            if (p.isEmpty()) {
                continue;
            }
            double factor = 1;
            if (p.endsWith("ms")) {
                p = p.substring(0, p.length() - 2).strip();
            } else if (p.endsWith("s")) {
                p = p.substring(0, p.length() - 1).strip();
                factor = 1000;
            }
            double v;
            try {
                v = Double.parseDouble(p) * factor;
            } catch (NumberFormatException e) {
                return "'" + part.strip() + "' is not a latency: give milliseconds, e.g. 1500, or seconds, e.g. 2 s";
            }
            if (!(v > 0 && v < 1e7)) {
                return "'" + part.strip() + "' must be a positive latency";
            }
            out.add(v);
        }
        if (out.isEmpty() || out.size() > 8) {
            return "give 1 to 8 latency targets";
        }
        latencyTouched = true;
        latencyTargets.setAll(out);
        return "";
    }

    /**
     * The quality x latency grid, on demand and in the background (one analysis per latency target, rows filling in):
     * for each latency target (rows) and each of the grid's SLA targets (columns), the monthly spend of the cheapest of
     * the chosen routers keeping both terms; cells no router can keep are marked as such. The main analysis is not
     * slowed: this runs only when asked.
     */
    public void analyseLatencyGrid() {
        DataSet data = session.get();
        if (data == null) {
            latencyStatus.set("No data loaded.");
            return;
        }
        ScenarioSettings settings;
        try {
            settings = base.get();
        } catch (IllegalArgumentException e) {
            latencyStatus.set("Fix the scenario first: " + e.getMessage());
            return;
        }
        List<String> routerNames = chosenRouters.stream().filter(r -> !r.equals("sla-oracle")).toList();
        if (routerNames.isEmpty()) {
            latencyStatus.set("Pick at least one router that can be deployed.");
            return;
        }
        if (latencyTask != null) {
            latencyTask.cancel();
        }
        followScenario();
        final long generation = ++latencyGeneration;
        List<Double> ts = List.copyOf(gridTargets);
        List<Double> ls = List.copyOf(latencyTargets);
        String rowTier = latencyRowTier.get();
        final ScenarioSettings start = settings;
        latencyRunning.set(true);
        latencyGrid.set(null);
        long t0 = System.nanoTime();
        latencyStatus.set("Computing " + ls.size() + " latency targets x " + ts.size() + " SLA targets…");
        latencyTask = runner.submit("Quality x latency grid", sink -> planning.latencyGrid(data, start, ts, ls, rowTier, routerNames,
                partial -> runner.uiExecutor().execute(() -> {
                    if (generation == latencyGeneration) {
                        latencyGrid.set(partial);
                    }
                }), sink), g -> {
                    if (generation != latencyGeneration) {
                        return;
                    }
                    latencyRunning.set(false);
                    latencyGrid.set(g);
                    long met = g.cells().stream().filter(PlanningEngine.LatencyCell::met).count();
                    latencyStatus.set(String.format(java.util.Locale.ROOT, "Computed in %.1f s: %d of %d cells can be kept "
                            + "(p%.0f time to first token at most L in every contract window, with the satisfaction target). ",
                            (System.nanoTime() - t0) / 1e9, met, g.cells().size(), 100 * g.percentile()) + g.rows() + ".");
                }, e -> {
                    if (generation != latencyGeneration) {
                        return;
                    }
                    latencyRunning.set(false);
                    latencyStatus.set("Latency grid failed: " + e.getMessage());
                });
    }

    public void cancelLatencyGrid() {
        latencyGeneration++;
        if (latencyTask != null) {
            latencyTask.cancel();
            latencyRunning.set(false);
            latencyStatus.set("Latency grid cancelled.");
        }
    }

    /** The grid's rows: latency targets L in ms, ascending. */
    public ObservableList<Double> latencyTargets() {
        return readOnlyLatencyTargets;
    }

    public ReadOnlyObjectProperty<PlanningEngine.LatencyCells> latencyGridProperty() {
        return latencyGrid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty latencyRunningProperty() {
        return latencyRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyStatusProperty() {
        return latencyStatus.getReadOnlyProperty();
    }

    /** The grid as a table (rows: L; columns: targets; cells: USD a month, or "not met"). */
    public static dev.switchyard.app.common.DataTable latencyTable(PlanningEngine.LatencyCells g) {
        List<String> headers = new ArrayList<>();
        headers.add("latency target \\ SLA target");
        g.targets().forEach(t -> headers.add(dev.switchyard.app.common.Formats.tablePercent(t)));
        List<List<String>> rows = new ArrayList<>();
        for (double l : g.latenciesMs()) {
            List<String> row = new ArrayList<>();
            row.add((g.tier().isEmpty() ? "" : g.tier() + " ") + String.format(java.util.Locale.ROOT, "p%.0f TTFT <= %,.0f ms",
                    100 * g.percentile(), l));
            for (double t : g.targets()) {
                row.add(g.cell(t, l).map(c -> c.met() ? dev.switchyard.app.common.Formats.usd(c.monthlySpend()) + " (" + c.router()
                        + (c.toldTighter() ? String.format(java.util.Locale.ROOT, " configured for %,.0f ms", c.routerLatencyMs()) : "")
                        + ")" : "not met").orElse(""));
            }
            rows.add(row);
        }
        return new dev.switchyard.app.common.DataTable("Monthly cost: SLA target x latency target"
                + (g.rows().isEmpty() ? "" : " (" + g.rows() + ")"), headers, rows);
    }

    private static ProgressSink quiet(ProgressSink sink) {
        return new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return sink.isCancelled();
            }
        };
    }

    /** The engine's negotiation as the screen shows it (names, floor as bound points, the scenario router's tiers). */
    static NegotiationResult toResult(PlanningEngine.Negotiated n, ScenarioSettings start, List<Double> gts, List<Double> qs,
                                      String gridRouter, double[][] grid, boolean partial) {
        List<NegotiationResult.Point> points = new ArrayList<>();
        List<NegotiationResult.TierPoint> tiers = new ArrayList<>();
        for (Candidate c : n.points()) {
            points.add(new NegotiationResult.Point(c.router(), c.displayName(), c.target(), c.monthlySpend(), c.costPer1k(),
                    c.satisfaction(), c.breachProbability(), false, c.meetsSla(), c.aimTarget(), c.params(), c.breachLow(),
                    c.breachHigh()));
            if (c.router().equals(start.router())) {
                for (Candidate.Tier t : c.tiers()) {
                    tiers.add(new NegotiationResult.TierPoint(t.name(), c.target(), t.target(), t.share(), t.satisfaction(),
                            t.breachProbability(), t.meetsTarget()));
                }
            }
        }
        for (PlanningEngine.Floor f : n.floor()) {
            points.add(new NegotiationResult.Point("floor", f.displayName(), f.target(), f.monthlySpend(), f.costPer1k(),
                    f.satisfaction(), Double.NaN, true, true));
        }
        List<NegotiationResult.Marginal> marginals = n.marginals().stream().map(m -> new NegotiationResult.Marginal(
                m.displayName(), m.from(), m.to(), m.perPoint(), m.low(), m.high())).toList();
        return new NegotiationResult(points, marginals, gts, qs, gridRouter, grid, tiers, partial || n.partial(), n.ceiling(),
                n.seconds(), n.note());
    }

    private static String pct(double v) {
        double p = v * 100;
        return Math.abs(p - Math.round(p)) < 1e-6 ? String.format(java.util.Locale.ROOT, "%.0f%%", p)
                : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    public void cancel() {
        runGeneration++;
        if (current != null) {
            current.cancel();
            running.set(false);
            status.set("Analysis cancelled.");
        }
    }

    public ObservableList<RouterChoice> availableRouters() {
        return readOnlyAvailable;
    }

    /** Editable: the routers to compare (engine names). */
    public ObservableList<String> chosenRouters() {
        return chosenRouters;
    }

    /** The SLA targets analysed; follows the scenario (see {@link #followScenario()}). */
    public ObservableList<Double> targets() {
        return targets;
    }

    public ObservableList<Double> gridTargets() {
        return gridTargets;
    }

    /** Wall time of the last complete analysis, seconds (NaN before the first). */
    public double lastSeconds() {
        return lastSeconds;
    }

    /** Seconds from Analyse to the first router's curve on screen, last analysis (NaN before). */
    public double firstCurveSeconds() {
        return firstCurveSeconds;
    }

    public ReadOnlyObjectProperty<NegotiationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
