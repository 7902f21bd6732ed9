package dev.switchyard.app.negotiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.plan.EnginePlanning;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.LatencyGoal;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.engine.sample.SampleDataGenerator;

/**
 * The Negotiate screen's quality x latency grid on the real engine (same-thread executor, no window): the scenario's
 * per-tier latency targets reach the engine, which says what the rows set and what it held (decision 1430).
 */
class NegotiateLatencyGridEngineTest {
    @Test
    void theScenariosPerTierLatencyTargetsReachTheEnginesGrid() {
        var g = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults().withQueryScale(0.25));
        DataSet data = new DataSet(g.catalog(), g.priceSheets(), g.traffic().get(0).sample(), "generated");
        List<String> tiers = data.traffic().slaTiers().values();
        assertTrue(tiers.size() >= 2, "the generated sample has SLA tiers: " + tiers);
        TaskRunner runner = TaskRunner.sameThread();
        EnginePlanner engine = new EnginePlanner();
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, engine, runner, Debouncer.immediate());
        scenario.autoRunProperty().set(false);
        session.set(data);
        scenario.targetProperty().set(0.85);
        scenario.monthlyVolumeProperty().set(100_000);
        scenario.horizonMonthsProperty().set(1);
        scenario.replicationsProperty().set(1);
        String tight = tiers.get(0);
        String other = tiers.get(1);
        scenario.latencyProperty().set(new LatencyGoal(2500, 0.95, Map.of(tight, 1200.0, other, 4000.0)));
        NegotiateViewModel vm = new NegotiateViewModel(session, engine, new EnginePlanning(engine), runner, scenario::settings);
        vm.chosenRouters().setAll("cheapest-meeting-target");
        vm.followScenario();
        assertEquals(tight, vm.latencyRowTierProperty().get());
        assertEquals("", vm.setLatencyTargets("1200, 6000"));
        vm.analyseLatencyGrid();
        var grid = vm.latencyGridProperty().get();
        assertNotNull(grid, vm.latencyStatusProperty().get());
        assertFalse(grid.partial());
        assertEquals(tight, grid.tier());
        assertEquals("L is " + tight + "'s; held: other tiers 2,500 ms, " + other + " 4,000 ms", grid.rows(),
                "the engine got the default L and the other tier's own");
        assertEquals(2 * grid.targets().size(), grid.cells().size());
        for (double t : grid.targets()) {
            var strict = grid.cell(t, 1200).orElseThrow();
            var loose = grid.cell(t, 6000).orElseThrow();
            assertTrue(!strict.met() || loose.met(), "what keeps the tighter L keeps the looser one: " + t);
            if (strict.met()) {
                assertTrue(loose.monthlySpend() <= strict.monthlySpend() + 1e-9, "a looser L never costs more: " + t);
            }
        }
    }
}
