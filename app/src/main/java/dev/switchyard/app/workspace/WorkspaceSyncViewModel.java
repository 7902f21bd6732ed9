package dev.switchyard.app.workspace;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.workspace.InputRefs;
import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.ScenarioJson;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceService;

/**
 * Keeps the open workspace in step with the scenario screen: every scenario edit is autosaved
 * (debounced by the service), every full simulation is stored as a run with its seed, engine
 * version and inputs, and opening a workspace puts its last saved scenario (data and settings)
 * back on screen.
 *
 * <p>Threads: listeners fire on the UI thread, where only cheap work happens (building the
 * scenario's JSON). Anything touching the database runs on {@code io}, which must run tasks one at
 * a time in order (a single-thread executor in the app), so edits are saved in the order made.
 */
public final class WorkspaceSyncViewModel {
    /** The scenario a new workspace stores the screen under. */
    public static final String DEFAULT_SCENARIO = "Scenario";

    private final WorkspaceViewModel files;
    private final WorkspaceService service;
    private final ScenarioViewModel scenario;
    private final DataSession session;
    private final EnginePlanner planner;
    private final Executor io;
    private final Executor ui;
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper(this, "scenarioName", DEFAULT_SCENARIO);
    /** Set while a stored scenario is being put on screen: those changes are not edits to save back. */
    private boolean restoring;
    /** Touched on {@code io} only: the inputs last stored, so an edit does not re-hash the traffic. */
    private InputsKey storedKey;
    private InputRefs storedRefs;

    private record InputsKey(Path file, TrafficSample traffic, Catalog catalog, PriceSheet prices) {
        boolean sameAs(InputsKey o) {
            return o != null && file.equals(o.file) && traffic == o.traffic && catalog == o.catalog && prices == o.prices;
        }
    }

    public WorkspaceSyncViewModel(WorkspaceViewModel files, ScenarioViewModel scenario, EnginePlanner planner, Executor io,
                                  Executor ui) {
        this.files = Objects.requireNonNull(files);
        this.service = files.service();
        this.scenario = Objects.requireNonNull(scenario);
        this.session = scenario.session();
        this.planner = Objects.requireNonNull(planner);
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
        scenario.addEditListener(this::edited);
        scenario.outcomeProperty().addListener((o, was, now) -> {
            if (now != null && !now.isPreview()) {
                record(now);
            }
        });
        files.addOpenListener(this::opened);
    }

    /** The name the screen's scenario is stored under in the open workspace. */
    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    /** The scenario as the screen has it, or empty when a control is invalid or nothing is loaded. */
    Optional<Scenario> currentScenario() {
        DataSet data = session.get();
        if (data == null) {
            return Optional.empty();
        }
        try {
            ScenarioSettings settings = scenario.settings();
            return Optional.of(EnginePlanner.scenarioFor(data, settings, scenarioName.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the scenario screen shows why; nothing valid to save yet
        }
    }

    private void edited() {
        Path file = files.currentFileProperty().get();
        if (restoring || file == null) {
            return;
        }
        double aim;
        try {
            aim = scenario.settings().aim();
        } catch (IllegalArgumentException e) {
            return; // nothing valid to save yet
        }
        currentScenario().ifPresent(s -> save(file, s, aim));
    }

    private void save(Path file, Scenario s, double aim) {
        // the contract target and the router's own aim, each for what it is (issue 9)
        String json = ScenarioJson.toJson(s, aim);
        String name = s.name();
        io.execute(() -> {
            try {
                InputRefs refs = inputs(file, s);
                if (refs == null) {
                    return;
                }
                // straight from here, not via the UI thread: an edit queued at exit must still reach the service
                files.scenarioEdited(ScenarioDocument.of(name, json, refs));
            } catch (Exception e) {
                files.autosaveFailed(e);
            }
        });
    }

    /** On {@code io}: stores the scenario's traffic, catalog and sheet once per workspace and data set. */
    private InputRefs inputs(Path file, Scenario s) throws Exception {
        InputsKey key = new InputsKey(file, s.sample(), s.catalog(), s.prices());
        if (!key.sameAs(storedKey)) {
            Workspace w = service.current();
            if (!w.file().equals(file)) {
                return null; // the user moved on to another workspace; this edit belonged to the old one
            }
            storedRefs = w.storeInputs(s);
            storedKey = key;
        }
        return storedRefs;
    }

    private void record(ScenarioOutcome outcome) {
        Path file = files.currentFileProperty().get();
        if (file == null) {
            return;
        }
        Optional<EnginePlanner.Completed> done = planner.completed(outcome);
        if (done.isEmpty()) {
            return; // not a run of this planner (a test double); nothing to trace
        }
        // the snapshot is the contract (its target is what is promised) with the router's aim stored beside it
        Scenario s = EnginePlanner.named(done.get().contract(), scenarioName.get());
        double aim = done.get().aim();
        String label = outcome.routerDisplayName() + " at " + Math.round(outcome.target() * 1000) / 10.0 + "% SLA"
                + (Double.isNaN(aim) ? "" : ", aiming at " + Math.round(aim * 1000) / 10.0 + "%");
        io.execute(() -> {
            try {
                Workspace w = service.current();
                if (w.file().equals(file)) {
                    w.recordSimulation(s, aim, done.get().result(), label);
                }
            } catch (Exception e) {
                files.failed("Could not store the run's result", e);
            }
        });
    }

    private void opened(WorkspaceViewModel.Opened kind, Path file) {
        if (kind == WorkspaceViewModel.Opened.COPY) {
            return; // Save As: the copy holds what is on screen
        }
        io.execute(() -> {
            try {
                Workspace w = service.current();
                Optional<ScenarioDocument> last = w.scenarios().stream()
                        .max(Comparator.comparing(ScenarioDocument::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
                if (last.isEmpty() || last.get().inputs().trafficHash() == null) {
                    // a new or empty workspace: it starts with what is on screen
                    ui.execute(() -> {
                        scenarioName.set(last.map(ScenarioDocument::name).orElse(DEFAULT_SCENARIO));
                        edited();
                    });
                    return;
                }
                Scenario stored = w.toScenario(last.get());
                EnginePlanner.Restored restored = EnginePlanner.fromScenario(stored, Workspace.aimOf(last.get()),
                        file.getFileName() + " — " + last.get().name());
                ui.execute(() -> restore(last.get().name(), restored));
            } catch (Exception e) {
                files.failed("Could not put the workspace's scenario on screen", e);
            }
        });
    }

    private void restore(String name, EnginePlanner.Restored restored) {
        restoring = true;
        try {
            scenarioName.set(name);
            session.set(restored.data());
            scenario.apply(restored.settings());
        } finally {
            restoring = false;
        }
    }
}
