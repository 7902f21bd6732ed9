package dev.switchyard.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;

class ScenarioViewModelTest {

    private final DataSession session = new DataSession();
    private final Fixtures.FakePlanner planner = new Fixtures.FakePlanner();
    private final ScenarioViewModel vm = new ScenarioViewModel(session, planner, TaskRunner.sameThread(), Debouncer.immediate());

    @Test
    void loadingDataRunsOnceWithTheWholePoolAndTheNewestSheet() {
        assertNull(vm.outcomeProperty().get());
        session.set(Fixtures.dataSet());
        assertNotNull(vm.outcomeProperty().get());
        assertEquals(2, planner.runs.size(), "one preview and one full run per data change, not one per control it resets");
        assertEquals(Fidelity.FULL, vm.outcomeProperty().get().fidelity(), "the full run replaces the preview");
        assertEquals(Fixtures.MODELS, vm.pool());
        assertEquals("list-b v1", vm.priceSheetProperty().get());
        assertEquals("slarouter", planner.runs.get(0).router());
        assertEquals("1.0", planner.runs.get(0).routerParameters().get("V"), "router defaults are passed on");
    }

    @Test
    void opensJustBelowTheBestFixedModelButKeepsATargetTheUserChose() {
        session.set(Fixtures.dataSet());
        assertEquals(0.89, vm.targetProperty().get(), 1e-9, "best fixed model 'large' scores 0.90");
        vm.targetProperty().set(0.80);
        session.set(Fixtures.dataSet());
        assertEquals(0.80, vm.targetProperty().get(), 1e-9);
    }

    @Test
    void raisingTheTargetRaisesSpend() {
        session.set(Fixtures.dataSet());
        double before = vm.outcomeProperty().get().monthlySpend();
        vm.targetProperty().set(0.95);
        double after = vm.outcomeProperty().get().monthlySpend();
        assertTrue(after > before, "spend " + before + " -> " + after);
        assertEquals(0.95, vm.outcomeProperty().get().target(), 1e-12);
    }

    @Test
    void switchingRouterResetsItsParametersAndReruns() {
        session.set(Fixtures.dataSet());
        vm.routerProperty().set(vm.routers().get(1));
        ScenarioOutcome o = vm.outcomeProperty().get();
        assertEquals("cheapest", o.settings().router());
        assertTrue(vm.routerParameters().isEmpty());
        assertFalse(o.reconstructed());
    }

    @Test
    void anEmptyPoolIsExplainedNotRun() {
        session.set(Fixtures.dataSet());
        int runs = planner.runs.size();
        vm.setPool(List.of());
        assertTrue(vm.errorProperty().get().contains("pool is empty"), vm.errorProperty().get());
        assertEquals(runs, planner.runs.size());
        vm.setPool(List.of("large", "small"));
        assertEquals(List.of("small", "large"), vm.pool(), "pool keeps the sample's model order");
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aNewerRunCancelsTheOneInFlightAndOnlyTheLatestResultIsShown() {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner held = new TaskRunner(queued::add, Runnable::run);
        ScenarioViewModel slow = new ScenarioViewModel(session, planner, held, Debouncer.immediate());
        session.set(Fixtures.dataSet());
        slow.targetProperty().set(0.93);
        assertEquals(2, queued.size());
        assertTrue(slow.runningProperty().get());
        queued.get(0).run();
        queued.get(1).run();
        assertEquals(Fidelity.PREVIEW, slow.outcomeProperty().get().fidelity());
        assertEquals(0.93, slow.outcomeProperty().get().target(), 1e-12);
        assertEquals(3, queued.size(), "the preview of the latest run queued its full run; the cancelled one did not");
        queued.get(2).run();
        assertEquals(Fidelity.FULL, slow.outcomeProperty().get().fidelity());
        assertEquals(0.93, slow.outcomeProperty().get().target(), 1e-12, "the cancelled first run left no trace");
        assertEquals(1, slow.completedRunsProperty().get());
        assertFalse(slow.runningProperty().get());
    }

    @Test
    void applyRestoresAPinnedScenariosControls() {
        session.set(Fixtures.dataSet());
        vm.targetProperty().set(0.85);
        vm.feedbackRateProperty().set(0.05);
        ScenarioSettings pinned = vm.settings();
        vm.targetProperty().set(0.97);
        vm.routerProperty().set(vm.routers().get(1));
        vm.apply(pinned);
        assertEquals(pinned, vm.settings());
        assertEquals(pinned, vm.outcomeProperty().get().settings());
    }

    @Test
    void volumeAndHorizonReachTheEngine() {
        session.set(Fixtures.dataSet());
        vm.monthlyVolumeProperty().set(2_500_000);
        vm.horizonMonthsProperty().set(24);
        ScenarioOutcome o = vm.outcomeProperty().get();
        assertEquals(24, o.months().size());
        assertEquals(2_500_000, o.settings().monthlyVolume());
    }

    @Test
    void parsesVolumesAsPeopleTypeThem() {
        assertEquals(250_000, dev.switchyard.app.common.Formats.parseCount("250K"));
        assertEquals(1_500_000, dev.switchyard.app.common.Formats.parseCount("1.5m"));
        assertEquals(1_000_000, dev.switchyard.app.common.Formats.parseCount("1,000,000"));
    }

    @Test
    void aValidTrafficImportKeepsThePriceSheetAndReplacesTheResults() {
        session.set(Fixtures.dataSet());
        vm.priceSheetProperty().set("list-a v1");
        ScenarioOutcome before = vm.outcomeProperty().get();
        List<ScenarioOutcome> seen = new ArrayList<>();
        vm.outcomeProperty().addListener((o, was, now) -> seen.add(now));
        session.set(session.get().withTraffic(Fixtures.tieredTraffic(), "imported.csv"));
        assertNull(seen.get(0), "the old data's result leaves the screen first");
        assertEquals("list-a v1", vm.priceSheetProperty().get(), "the chosen sheet is kept");
        ScenarioOutcome after = vm.outcomeProperty().get();
        assertNotNull(after, vm.errorProperty().get());
        assertTrue(after != before && after.fidelity() == Fidelity.FULL);
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("gold", "bronze"), vm.tiers());
    }

    @Test
    void trafficWithoutCostsOrSheetsAsksForASheetInTheAppsWords() {
        session.set(new dev.switchyard.app.data.DataSet(Fixtures.catalog(), List.of(), Fixtures.traffic(), "imported.csv"));
        assertNull(vm.outcomeProperty().get());
        String error = vm.errorProperty().get();
        assertTrue(error.contains("price sheet") && error.contains("File > Import price sheet"), error);
        assertFalse(error.contains("--"), "no command-line wording: " + error);
    }

    @Test
    void aRouterThatIgnoresFeedbackSaysSoNextToTheSlider() {
        session.set(Fixtures.dataSet());
        assertEquals("", vm.feedbackNoteProperty().get(), "SLARouter learns from feedback");
        vm.routerProperty().set(vm.routers().get(1));
        assertTrue(vm.feedbackNoteProperty().get().contains("does not learn from user feedback"),
                vm.feedbackNoteProperty().get());
        vm.routerProperty().set(vm.routers().get(2));
        assertTrue(vm.feedbackNoteProperty().get().contains("hidden truth"));
    }

    @Test
    void tierTargetsReachTheSettingsAndOnlyForTiersTheTrafficHas() {
        session.set(Fixtures.tieredDataSet());
        vm.setTierTarget("gold", 0.95);
        assertEquals(0.95, vm.settings().targetFor("gold"), 1e-12);
        assertEquals(vm.targetProperty().get(), vm.settings().targetFor("bronze"), 1e-12);
        assertEquals(0.95, vm.outcomeProperty().get().tierTarget("gold"), 1e-12, "the run used it");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> vm.setTierTarget("platinum", 0.9));
        vm.setTierTarget("gold", Double.NaN);
        assertTrue(vm.settings().tierTargets().isEmpty());
    }

    @Test
    void theLatencyFieldTakesDurationsAndRefusesNonsenseWithoutChangingAnything() {
        session.set(Fixtures.dataSet());
        assertFalse(vm.settings().latency().isOn(), "off by default");
        assertEquals(null, vm.setLatencyText("2,000 ms", 0.95));
        assertEquals(new LatencyGoal(2000, 0.95), vm.settings().latency());
        assertEquals(null, vm.setLatencyText("1.5 s", 0.99));
        assertEquals(new LatencyGoal(1500, 0.99), vm.settings().latency());
        assertTrue(vm.setLatencyText("fast", 0.95).contains("not a duration"));
        assertTrue(vm.setLatencyText("-5", 0.95).contains("positive"));
        assertEquals(new LatencyGoal(1500, 0.99), vm.settings().latency(), "a refused value changes nothing");
        assertEquals(null, vm.setLatencyText("", 0.95));
        assertFalse(vm.settings().latency().isOn());
    }

    /** Issue 14: the CLI's --tier-latency TIER=L on the Scenario screen, held in the settings the engine runs. */
    @Test
    void tierLatencyTargetsReachTheSettingsAndTheEngineScenario() {
        session.set(Fixtures.tieredDataSet());
        assertEquals(null, vm.setLatencyText("2000", 0.95));
        assertEquals(null, vm.setTierLatencyText("gold", "1.2 s"));
        LatencyGoal g = vm.settings().latency();
        assertEquals(java.util.Map.of("gold", 1200.0), g.tierTargetsMs());
        assertEquals(1200, g.targetMs("gold"), 0);
        assertEquals(2000, g.targetMs("bronze"), 0, "a tier without its own L is held to the scenario's");
        var lt = EnginePlanner.scenarioFor(session.get(), vm.settings(), "s").latency();
        assertEquals(1200, lt.targetMs("gold"), 0, "the engine holds gold to its own L");
        assertEquals(2000, lt.targetMs("bronze"), 0);
        // changing the default L keeps the tier's own; refusals change nothing
        assertEquals(null, vm.setLatencyText("2500", 0.99));
        assertEquals(new LatencyGoal(2500, 0.99, java.util.Map.of("gold", 1200.0)), vm.settings().latency());
        assertTrue(vm.setTierLatencyText("platinum", "900").contains("no SLA tier"));
        assertTrue(vm.setTierLatencyText("gold", "soon").contains("not a duration"));
        assertEquals(new LatencyGoal(2500, 0.99, java.util.Map.of("gold", 1200.0)), vm.settings().latency());
        // a tier alone may carry the term (as --tier-latency without --latency-target-ms)
        assertEquals(null, vm.setLatencyText("", 0.99));
        assertTrue(vm.settings().latency().isOn());
        assertTrue(Double.isInfinite(EnginePlanner.scenarioFor(session.get(), vm.settings(), "s").latency().targetMs("bronze")));
        assertEquals(null, vm.setTierLatencyText("gold", ""));
        assertFalse(vm.settings().latency().isOn());
        vm.setTierLatencyText("gold", "800");
        vm.clearLatency();
        assertFalse(vm.settings().latency().isOn());
        assertTrue(vm.settings().latency().tierTargetsMs().isEmpty(), "the check box off clears the tiers too");
        // the tier latency of a tier the new data does not have is dropped with the data
        vm.setTierLatencyText("gold", "800");
        session.set(Fixtures.dataSet());
        assertFalse(vm.settings().latency().tierTargetsMs().containsKey("gold"));
    }

    @Test
    void aStoredScenarioRestoresEachTiersLatency() {
        session.set(Fixtures.tieredDataSet());
        vm.setLatencyText("2000", 0.9);
        vm.setTierLatencyText("gold", "1200");
        var stored = EnginePlanner.scenarioFor(session.get(), vm.settings(), "s");
        assertEquals(vm.settings().latency(), EnginePlanner.fromScenario(stored, "workspace").settings().latency());
    }
}
