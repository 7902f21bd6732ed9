package dev.switchyard.app.plan;

import java.util.List;
import java.util.function.Consumer;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.ScenarioSettings;

/**
 * The engine's planner as the app uses it: recommend, negotiate, budget, for the scenario on screen.
 * Slow; only ever called off the FX thread; stops early (throwing
 * {@link ProgressSink.CancelledException}) when the sink is cancelled. The app's implementation is
 * {@link EnginePlanning}; view-model tests pass a double.
 */
public interface PlanningEngine {

    /** The cheapest deployable router that keeps the scenario's target (every tier target included). */
    Advice recommend(DataSet data, ScenarioSettings settings, ProgressSink sink) throws Exception;

    /**
     * As {@link #recommend(DataSet, ScenarioSettings, ProgressSink)}, telling {@code soFar} (from a worker thread)
     * each time another router has been judged: every router judged so far, each at its best setting, so a screen
     * can show a provisional answer while the rest run.
     */
    default Advice recommend(DataSet data, ScenarioSettings settings, Consumer<List<Candidate>> soFar, ProgressSink sink)
            throws Exception {
        return recommend(data, settings, sink);
    }

    /**
     * As {@link #recommend(DataSet, ScenarioSettings, Consumer, ProgressSink)}, telling {@code soFar} (from a worker
     * thread) each provisional answer with the stage it comes from (decision 1100: the planner's first look, then the
     * full analysis' first replications, then routers confirmed so far); each one given supersedes the one before
     * ({@link Provisional#supersedes}). The default has no stages of its own: it passes the plain list on.
     */
    default Advice recommendStaged(DataSet data, ScenarioSettings settings, Consumer<Provisional> soFar, ProgressSink sink)
            throws Exception {
        return recommend(data, settings, list -> soFar.accept(Provisional.soFar(list)), sink);
    }

    /**
     * Every router at every target, on paired runs; {@code partial} receives one router's curve as soon
     * as it is done (from a worker thread), so a screen can fill in.
     */
    Negotiated negotiate(DataSet data, ScenarioSettings settings, List<Double> targets, List<String> routers,
                         Consumer<Negotiated> partial, ProgressSink sink) throws Exception;

    /**
     * Negotiate's quality x latency grid: for each latency target L (ms, the scenario's percentile) and each target, the
     * cheapest of {@code routers} keeping both terms and its monthly spend; one negotiation per L, so slow: asked for on
     * demand. The scenario's per-tier latency targets stay (decision 1430): with {@code tier} empty a row's L holds every
     * tier without its own; with a tier named, a row's L is that tier's and the others keep theirs. {@code partial}
     * receives the grid so far after each row of L (from a worker thread).
     */
    LatencyCells latencyGrid(DataSet data, ScenarioSettings settings, List<Double> targets, List<Double> latenciesMs,
                             String tier, List<String> routers, Consumer<LatencyCells> partial, ProgressSink sink)
            throws Exception;

    /**
     * The quality x latency grid as far as it is known.
     *
     * @param percentile the percentile each L constrains (time to first token)
     * @param partial true while rows are still missing
     * @param tier the SLA tier whose L the rows set; empty: the default L (every tier without its own)
     * @param rows the engine's words for what a row's L is and which targets are held ("L is gold's; held: ...")
     */
    record LatencyCells(List<Double> targets, List<Double> latenciesMs, double percentile, List<LatencyCell> cells,
                        boolean partial, double seconds, String tier, String rows) {
        public LatencyCells {
            targets = List.copyOf(targets);
            latenciesMs = List.copyOf(latenciesMs);
            cells = List.copyOf(cells);
            tier = tier == null ? "" : tier;
            rows = rows == null ? "" : rows;
        }

        /** A grid whose rows set every tier's L (no per-tier targets). */
        public LatencyCells(List<Double> targets, List<Double> latenciesMs, double percentile, List<LatencyCell> cells,
                            boolean partial, double seconds) {
            this(targets, latenciesMs, percentile, cells, partial, seconds, "", "");
        }

        public java.util.Optional<LatencyCell> cell(double target, double latencyMs) {
            return cells.stream().filter(c -> Math.abs(c.target() - target) < 1e-9 && Math.abs(c.latencyMs() - latencyMs) < 1e-6)
                    .findFirst();
        }
    }

    /**
     * One (target, L) cell: the cheapest router keeping both terms and its monthly spend, or, when none does, the one
     * that came closest and why it fails ({@code monthlySpend} NaN). {@code routerLatencyMs} is the L the router is to be
     * configured with: L, or a tighter row's when that configuration keeps this cell for less (decision 1430).
     */
    record LatencyCell(double target, double latencyMs, boolean met, String router, double monthlySpend, double latencyP95Ms,
                       String reason, double routerLatencyMs) {
        public LatencyCell(double target, double latencyMs, boolean met, String router, double monthlySpend,
                           double latencyP95Ms, String reason) {
            this(target, latencyMs, met, router, monthlySpend, latencyP95Ms, reason, latencyMs);
        }

        /** True when the router is configured with a tighter L than this cell's. */
        public boolean toldTighter() {
            return routerLatencyMs < latencyMs;
        }
    }

    /** The highest target a deployable router keeps within {@code monthlyBudget} USD. */
    BudgetResult budget(DataSet data, ScenarioSettings settings, double monthlyBudget, ProgressSink sink) throws Exception;

    /**
     * A negotiation: points per (router, target), marginal cost per SLA point between neighbouring
     * targets with its interval (from paired runs), the theoretical floor, the ceiling.
     */
    record Negotiated(List<Double> targets, List<Candidate> points, List<Marginal> marginals, List<Floor> floor,
                      double ceiling, List<Advice.Event> events, double seconds, String note, boolean partial) {
        public Negotiated {
            targets = List.copyOf(targets);
            points = List.copyOf(points);
            marginals = List.copyOf(marginals);
            floor = List.copyOf(floor);
            events = List.copyOf(events);
        }
    }

    /** USD per month per extra SLA point from {@code from} to {@code to}, with its 90% interval. */
    record Marginal(String router, String displayName, double from, double to, double perPoint, double low, double high) {
    }

    /** What the theoretical floor (a hindsight bound, never deployable) spends at a target. */
    record Floor(String displayName, double target, double monthlySpend, double costPer1k, double satisfaction) {
    }
}
