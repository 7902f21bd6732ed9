package dev.switchyard.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.workspace.RecentWorkspaces;
import dev.switchyard.engine.workspace.RunRecord;
import dev.switchyard.engine.workspace.WorkspaceService;

/**
 * Autosave, run recording and restore between the scenario screen and a workspace, with
 * same-thread executors (no robot, no FX thread) and the real simulator on the tiny fixture.
 */
class WorkspaceSyncViewModelTest {
    private static final EnginePlanner PLANNER = new EnginePlanner();

    @TempDir
    Path dir;
    private WorkspaceService service;

    private record Screen(DataSession session, ScenarioViewModel scenario, WorkspaceViewModel files,
                          WorkspaceSyncViewModel sync) {
    }

    /** One app's worth of view models on the shared service; autosave waits for an explicit flush. */
    private Screen screen(boolean autoRun) {
        if (service == null) {
            service = new WorkspaceService(new RecentWorkspaces(dir.resolve("recent.json"), 5), Duration.ofHours(1), e -> { });
        }
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, PLANNER, TaskRunner.sameThread(), Debouncer.immediate());
        scenario.autoRunProperty().set(autoRun);
        scenario.monthlyVolumeProperty().set(20_000);
        scenario.horizonMonthsProperty().set(2);
        scenario.replicationsProperty().set(1);
        WorkspaceViewModel files = new WorkspaceViewModel(service, Runnable::run, Runnable::run);
        return new Screen(session, scenario, files, new WorkspaceSyncViewModel(files, scenario, PLANNER, Runnable::run,
                Runnable::run));
    }

    @AfterEach
    void close() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void editsAreSavedAndReopeningPutsDataAndSettingsBack() throws Exception {
        Screen a = screen(false);
        a.session().set(Fixtures.dataSet());
        String sheetA = a.scenario().priceSheets().get(0);
        a.scenario().priceSheetProperty().set(sheetA);
        Path file = dir.resolve("plan.switchyard");
        a.files().newWorkspace(file, false);
        a.scenario().targetProperty().set(0.83);
        a.scenario().seedProperty().set(99);
        ScenarioSettings edited = a.scenario().settings();
        service.flush();
        assertNull(a.files().errorProperty().get());
        Scenario stored = service.current().loadScenario(WorkspaceSyncViewModel.DEFAULT_SCENARIO);
        assertEquals(0.83, stored.sla().target());
        assertEquals(99, stored.seed());
        assertEquals(sheetA, stored.prices().label());
        assertNull(a.files().errorProperty().get());
        a.files().close();

        Screen b = screen(false);
        b.session().set(new dev.switchyard.app.data.DataSet(Fixtures.catalog(), List.of(Fixtures.sheet("other", 2)),
                Fixtures.traffic().subset("ten", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), "something else"));
        b.files().open(file);
        assertEquals(file.toAbsolutePath(), b.files().currentFileProperty().get());
        assertEquals(60, b.session().get().traffic().size(), "the stored traffic replaced what was loaded");
        assertEquals(sheetA, b.session().get().priceSheets().get(0).label());
        assertEquals(edited, b.scenario().settings());
    }

    @Test
    void aFullRunIsStoredWithSeedEngineVersionAndItsScenario() throws Exception {
        Screen a = screen(true);
        a.files().newWorkspace(dir.resolve("runs.switchyard"), false);
        a.session().set(Fixtures.dataSet()); // triggers a preview then a full run, synchronously
        assertNotNull(a.scenario().outcomeProperty().get());
        List<RunRecord> runs = service.current().runs(WorkspaceSyncViewModel.DEFAULT_SCENARIO);
        assertEquals(1, runs.size(), "the full run is stored, the preview is not");
        RunRecord run = runs.get(0);
        assertEquals(a.scenario().settings().seed(), run.seed());
        assertEquals(EngineInfo.version(), run.engineVersion());
        Scenario traced = service.current().scenarioOf(run);
        assertEquals(a.scenario().settings().target(), traced.sla().target());
        assertEquals(60, traced.sample().size());
        assertTrue(run.label().contains("SLA"), run.label());
    }

    /** Issues 14 and 9: the latency target and the applied aim survive autosave and reopen, each for what it is. */
    @Test
    void latencyTargetAndAppliedAimAreSavedAndReopened() throws Exception {
        Screen a = screen(false);
        a.session().set(Fixtures.dataSet());
        Path file = dir.resolve("aim.switchyard");
        a.files().newWorkspace(file, false);
        a.scenario().targetProperty().set(0.90);
        a.scenario().latencyProperty().set(new dev.switchyard.app.scenario.LatencyGoal(2000, 0.95));
        a.scenario().apply(a.scenario().settings().withAim(0.91));
        ScenarioSettings edited = a.scenario().settings();
        assertEquals(0.91, edited.aim(), 0);
        assertEquals(0.90, edited.target(), 0);
        service.flush();
        var doc = service.current().scenario(WorkspaceSyncViewModel.DEFAULT_SCENARIO).orElseThrow();
        assertEquals(0.91, dev.switchyard.engine.workspace.Workspace.aimOf(doc), 0, "the aim is stored as the aim");
        Scenario stored = service.current().loadScenario(WorkspaceSyncViewModel.DEFAULT_SCENARIO);
        assertEquals(0.90, stored.sla().target(), 0, "the contract target is stored as the target");
        assertEquals(2000, stored.latency().targetMs(), 0);
        assertEquals(0.95, stored.latency().percentile(), 0);
        a.files().close();

        Screen b = screen(false);
        b.session().set(Fixtures.dataSet());
        b.files().open(file);
        ScenarioSettings back = b.scenario().settings();
        assertEquals(edited, back);
        assertEquals(2000, back.latency().targetMs(), 0);
        assertEquals(0.91, back.routerAim(), 0);
        assertEquals(0.90, back.target(), 0);
    }

    /** Issue 14: per-tier latency targets (the CLI's --tier-latency) are saved in the workspace and restored on reopen. */
    @Test
    void tierLatencyTargetsAreSavedAndReopened() throws Exception {
        Screen a = screen(false);
        a.session().set(Fixtures.tieredDataSet());
        Path file = dir.resolve("tier-latency.switchyard");
        a.files().newWorkspace(file, false);
        assertEquals(null, a.scenario().setLatencyText("2000", 0.95));
        assertEquals(null, a.scenario().setTierLatencyText("gold", "1200"));
        ScenarioSettings edited = a.scenario().settings();
        service.flush();
        Scenario stored = service.current().loadScenario(WorkspaceSyncViewModel.DEFAULT_SCENARIO);
        assertEquals(java.util.Map.of("gold", 1200.0), stored.latency().tierTargetsMs());
        assertEquals(2000, stored.latency().targetMs(), 0);
        a.files().close();

        Screen b = screen(false);
        b.session().set(Fixtures.tieredDataSet());
        b.files().open(file);
        assertEquals(edited.latency(), b.scenario().settings().latency());
        assertEquals(1200, b.scenario().settings().latency().targetMs("gold"), 0);
        assertEquals(2000, b.scenario().settings().latency().targetMs("bronze"), 0);
    }

    @Test
    void aRunAtAnAppliedAimIsStoredWithTheContractTargetAndTheAim() throws Exception {
        Screen a = screen(true);
        a.files().newWorkspace(dir.resolve("aimruns.switchyard"), false);
        a.session().set(Fixtures.dataSet());
        a.scenario().targetProperty().set(0.80);
        a.scenario().apply(a.scenario().settings().withAim(0.82));
        List<RunRecord> runs = service.current().runs(WorkspaceSyncViewModel.DEFAULT_SCENARIO);
        RunRecord run = runs.get(runs.size() - 1);
        assertEquals(0.80, service.current().scenarioOf(run).sla().target(), 0, "the snapshot's target is the contract");
        assertEquals(0.82, dev.switchyard.engine.workspace.Workspace.aimOf(run), 0, "the aim beside it");
        assertTrue(run.label().contains("80.0% SLA") && run.label().contains("aiming at 82.0%"), run.label());
    }
}
