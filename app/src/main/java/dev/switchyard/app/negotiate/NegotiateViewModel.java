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
import dev.switchyard.app.scenario.Fidelity;
import dev.switchyard.app.scenario.PlannerEngine;
import dev.switchyard.app.scenario.RouterChoice;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;

/**
 * "A customer asks for 95% instead of 90%: what does it cost, and how often would we breach?"
 * Sweeps the SLA target for several routers, and feedback rate x target for the scenario's router,
 * starting from the scenario screen's settings. Never references a Node.
 */
public final class NegotiateViewModel {
    /** Routers compared by default, when the engine has them: the SLA-aware ones and the reference. */
    static final List<String> DEFAULT_ROUTERS = List.of("slarouter", "proteus", "omnirouter",
            "cheapest-meeting-target", "best-fixed", "sla-oracle");

    private final DataSession session;
    private final PlannerEngine engine;
    private final TaskRunner runner;
    private final Supplier<ScenarioSettings> base;

    private final ObservableList<RouterChoice> available = FXCollections.observableArrayList();
    /** Handed out instead of {@code available}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<RouterChoice> readOnlyAvailable = FXCollections.unmodifiableObservableList(available);
    private final ObservableList<String> chosenRouters = FXCollections.observableArrayList();
    private final ObservableList<Double> targets = FXCollections.observableArrayList(
            0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90);
    private final ObservableList<Double> gridTargets = FXCollections.observableArrayList(0.70, 0.74, 0.76, 0.78, 0.80, 0.85);
    private final ObservableList<Double> feedbackRates = FXCollections.observableArrayList(0.02, 0.05, 0.10, 0.20, 0.50);
    private final ReadOnlyObjectWrapper<NegotiationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Press Analyse to sweep the SLA target from the scenario's settings.");
    private TaskRunner.Handle current;

    public NegotiateViewModel(DataSession session, PlannerEngine engine, TaskRunner runner, Supplier<ScenarioSettings> base) {
        this.session = Objects.requireNonNull(session);
        this.engine = Objects.requireNonNull(engine);
        this.runner = Objects.requireNonNull(runner);
        this.base = Objects.requireNonNull(base);
        available.setAll(engine.routers());
        for (String name : DEFAULT_ROUTERS) {
            if (available.stream().anyMatch(r -> r.name().equals(name))) {
                chosenRouters.add(name);
            }
        }
    }

    /** Runs the sweep in the background: every chosen router over the targets, then the grid. */
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
        if (current != null) {
            current.cancel();
        }
        final ScenarioSettings start = settings;
        List<String> routerNames = List.copyOf(chosenRouters);
        List<Double> ts = List.copyOf(targets);
        List<Double> gts = List.copyOf(gridTargets);
        List<Double> qs = List.copyOf(feedbackRates);
        running.set(true);
        status.set("Analysing...");
        current = runner.submit("Negotiation sweep", sink -> {
            // each run's own replication progress would hide the sweep's: runs only see cancellation
            ProgressSink quiet = new ProgressSink() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return sink.isCancelled();
                }
            };
            int total = routerNames.size() * ts.size() + gts.size() * qs.size();
            int done = 0;
            List<NegotiationResult.Point> points = new ArrayList<>();
            List<NegotiationResult.TierPoint> tiers = new ArrayList<>();
            for (String r : routerNames) {
                RouterChoice choice = available.stream().filter(c -> c.name().equals(r)).findFirst().orElseThrow();
                java.util.Map<String, String> params = r.equals(start.router()) ? start.routerParameters() : java.util.Map.of();
                for (double t : ts) {
                    sink.checkCancelled();
                    sink.progress((double) done++ / total, choice.displayName() + " at " + Math.round(t * 100) + "%");
                    ScenarioOutcome o = engine.run(data, start.withRouter(r, params).withTarget(t), Fidelity.SWEEP, quiet);
                    points.add(new NegotiationResult.Point(r, choice.displayName(), t, o.monthlySpend(), o.costPer1k(),
                            o.satisfaction(), o.breachProbability()));
                    if (r.equals(start.router())) {
                        for (ScenarioOutcome.Tier tier : o.tiers()) {
                            tiers.add(new NegotiationResult.TierPoint(tier.name(), t, tier.share(), tier.satisfaction(),
                                    tier.costPer1k()));
                        }
                    }
                }
            }
            double[][] grid = new double[qs.size()][gts.size()];
            for (int i = 0; i < qs.size(); i++) {
                for (int j = 0; j < gts.size(); j++) {
                    sink.checkCancelled();
                    sink.progress((double) done++ / total, "feedback " + Math.round(qs.get(i) * 100) + "% x target "
                            + Math.round(gts.get(j) * 100) + "%");
                    ScenarioOutcome o = engine.run(data, start.withFeedbackRate(qs.get(i)).withTarget(gts.get(j)), Fidelity.SWEEP, quiet);
                    grid[i][j] = 1 - o.breachProbability();
                }
            }
            String gridRouter = available.stream().filter(c -> c.name().equals(start.router())).findFirst()
                    .map(RouterChoice::displayName).orElse(start.router());
            return new NegotiationResult(points, gts, qs, gridRouter, grid, tiers);
        }, r -> {
            running.set(false);
            result.set(r);
            status.set("Swept " + r.routers().size() + " routers over " + ts.size() + " targets, and "
                    + qs.size() + " feedback rates x " + gts.size() + " targets for " + r.gridRouter()
                    + ". Volume, horizon, pool and prices as on the Scenario screen; "
                    + Fidelity.SWEEP.replications(start.replications()) + " replications each, coarser sampling than the Scenario screen.");
        }, e -> {
            running.set(false);
            status.set("Analysis failed: " + e.getMessage());
        });
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            running.set(false);
            status.set("Analysis cancelled.");
        }
    }

    public ObservableList<RouterChoice> availableRouters() {
        return readOnlyAvailable;
    }

    /** Editable: the routers to sweep (engine names). */
    public ObservableList<String> chosenRouters() {
        return chosenRouters;
    }

    public ObservableList<Double> targets() {
        return targets;
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
