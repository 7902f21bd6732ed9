package dev.switchyard.app.negotiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.ScenarioViewModel;

class NegotiateViewModelTest {
    private final DataSession session = new DataSession();
    private final Fixtures.FakePlanner planner = new Fixtures.FakePlanner();
    private final Fixtures.FakePlanning planning = new Fixtures.FakePlanning();
    private final TaskRunner runner = TaskRunner.sameThread();
    private final ScenarioViewModel scenario = new ScenarioViewModel(session, planner, runner, Debouncer.immediate());
    private final NegotiateViewModel vm = new NegotiateViewModel(session, planner, planning, runner, scenario::settings);

    @Test
    void theRangeFollowsTheTargetUpToTheCeilingWith95And99WhenReachable() {
        List<Double> at90 = NegotiateViewModel.targetRange(0.90, Double.NaN, List.of());
        assertEquals(0.85, at90.get(0), 1e-12, "five points below the target");
        assertEquals(0.99, at90.get(at90.size() - 1), 1e-12, "up to 99% while the ceiling is unknown");
        assertTrue(at90.contains(0.90) && at90.contains(0.95) && at90.contains(0.99));
        List<Double> capped = NegotiateViewModel.targetRange(0.90, 0.968, List.of());
        assertEquals(0.96, capped.get(capped.size() - 2), 1e-12, "the one-point steps stop at the ceiling");
        assertTrue(capped.contains(0.95));
        assertEquals(0.99, capped.get(capped.size() - 1), 1e-12, "99% is asked about even past the ceiling (no router keeps it)");
        assertEquals(13, capped.size(), "85..96 one point apart, and 99%");
        List<Double> belowCeiling = NegotiateViewModel.targetRange(0.90, 0.934, List.of());
        assertTrue(belowCeiling.contains(0.95), "95% is in even when the ceiling is 93.4%: " + belowCeiling);
        List<Double> low = NegotiateViewModel.targetRange(0.77, 0.99, List.of(0.93));
        assertEquals(0.72, low.get(0), 1e-12);
        assertTrue(low.contains(0.77) && low.contains(0.93) && low.contains(0.95) && low.contains(0.99),
                "a tier's own target and 95/99 are always in: " + low);
        assertTrue(low.size() <= 16, "a wide span is thinned to two points apart: " + low);
        for (int i = 1; i < low.size(); i++) {
            assertTrue(low.get(i) > low.get(i - 1), "ascending and distinct");
        }
    }

    @Test
    void theScenariosTargetMovesTheRange() {
        session.set(Fixtures.dataSet());
        scenario.targetProperty().set(0.90);
        vm.followScenario();
        assertTrue(vm.targets().contains(0.95));
        assertEquals(0.85, vm.targets().get(0), 1e-12);
        scenario.targetProperty().set(0.80);
        vm.followScenario();
        assertEquals(0.75, vm.targets().get(0), 1e-12);
        vm.setCeiling(0.93);
        assertEquals(0.93, vm.targets().get(vm.targets().size() - 3), 1e-12, "one-point steps stop at the ceiling");
        assertTrue(vm.targets().contains(0.95) && vm.targets().contains(0.99), "95% and 99% are still asked about");
        assertFalse(vm.targets().contains(0.94), "no steps past the ceiling");
    }

    @Test
    void curvesFillInRouterByRouterThenTheGridLands() {
        session.set(Fixtures.dataSet());
        scenario.targetProperty().set(0.90);
        vm.chosenRouters().setAll("slarouter", "cheapest", "sla-oracle");
        List<NegotiationResult> seen = new ArrayList<>();
        vm.resultProperty().addListener((o, was, now) -> seen.add(now));
        vm.analyse();
        NegotiationResult r = vm.resultProperty().get();
        assertNotNull(r, vm.statusProperty().get());
        assertFalse(r.partial());
        assertTrue(seen.get(0).partial() && seen.get(0).grid() == null, "a partial result comes first, without the grid");
        assertEquals(List.of("SLARouter"), seen.get(0).deployableRouters(), "the first router's curve alone");
        assertEquals(List.of("SLARouter", "Cheapest"), r.deployableRouters());
        assertEquals(List.of("SLA oracle"), r.bounds(), "the oracle is a bound, drawn as the floor");
        assertTrue(r.curveOf("SLA oracle").stream().allMatch(p -> p.bound() && Double.isNaN(p.breachProbability())),
                "the floor carries no breach figure");
        assertEquals(vm.targets(), planning.negotiations.get(0), "the engine is asked for the range on screen");
        assertTrue(r.targets().contains(0.95));
        assertTrue(r.marginals().stream().allMatch(m -> m.low() <= m.perPointPerMonth() && m.perPointPerMonth() <= m.high()),
                "marginal costs come with their interval");
        assertTrue(r.marginals().stream().noneMatch(m -> m.routerDisplayName().equals("SLA oracle")));
        assertEquals(5, r.grid().length, "SLARouter learns from feedback: one row per rate");
        assertEquals(vm.gridTargets().size(), r.grid()[0].length);
        assertEquals(List.of("gold", "bronze"), r.tierNames(), "per tier for the scenario's router");
        assertTrue(r.tierTable().rows().stream().anyMatch(row -> row.get(row.size() - 1).equals("below target")),
                "gold sits half a point under the contract target");
        assertTrue(r.curveTable().rows().stream().noneMatch(row -> row.stream().anyMatch(c -> c.matches("0\\.\\d+"))),
                "no raw decimals: " + r.curveTable().rows().get(0));
    }

    @Test
    void aRouterThatIgnoresFeedbackGetsOneGridRow() {
        session.set(Fixtures.dataSet());
        scenario.routerProperty().set(scenario.routers().get(1));
        vm.chosenRouters().setAll("cheapest");
        vm.analyse();
        NegotiationResult r = vm.resultProperty().get();
        assertEquals(1, r.grid().length);
        assertEquals(1 + 1, planning.negotiations.size(), "the curves, then one row");
    }

    @Test
    void perTierTargetsJoinTheRange() {
        session.set(Fixtures.tieredDataSet());
        scenario.targetProperty().set(0.88);
        scenario.setTierTargets(Map.of("gold", 0.94));
        vm.followScenario();
        assertTrue(vm.targets().contains(0.94), vm.targets().toString());
    }

    @Test
    void latencyGridIsComputedOnDemandRowByRowWithUnmetCellsMarked() {
        session.set(Fixtures.dataSet());
        scenario.targetProperty().set(0.90);
        vm.chosenRouters().setAll("slarouter", "cheapest", "sla-oracle");
        vm.analyse();
        assertTrue(planning.latencyGrids.isEmpty(), "the main analysis does not run the latency grid");
        assertEquals(List.of(1000.0, 1500.0, 2000.0, 3000.0, 5000.0), vm.latencyTargets(), "no latency target: 1 to 5 s");
        scenario.latencyProperty().set(new dev.switchyard.app.scenario.LatencyGoal(2000, 0.95));
        vm.followScenario();
        assertEquals(List.of(1000.0, 1500.0, 2000.0, 3000.0, 4000.0), vm.latencyTargets(), "around the scenario's 2,000 ms");
        assertEquals("", vm.setLatencyTargets("800, 1500ms, 2 s"));
        assertEquals(List.of(800.0, 1500.0, 2000.0), vm.latencyTargets());
        assertTrue(vm.setLatencyTargets("fast").contains("not a latency"));
        List<dev.switchyard.app.plan.PlanningEngine.LatencyCells> seen = new ArrayList<>();
        vm.latencyGridProperty().addListener((o, was, now) -> {
            if (now != null) {
                seen.add(now);
            }
        });
        vm.analyseLatencyGrid();
        var g = vm.latencyGridProperty().get();
        assertNotNull(g, vm.latencyStatusProperty().get());
        assertFalse(g.partial());
        assertTrue(seen.get(0).partial() && seen.get(0).cells().size() == vm.gridTargets().size(), "the first row alone first");
        assertEquals(List.of(800.0, 1500.0, 2000.0), planning.latencyGrids.get(0));
        assertEquals(3 * vm.gridTargets().size(), g.cells().size());
        var unmet = g.cell(0.90, 800).orElseThrow();
        assertFalse(unmet.met(), "the fake keeps no latency under 1 s");
        var met = g.cell(0.90, 1500).orElseThrow();
        assertTrue(met.met());
        assertTrue(met.monthlySpend() > g.cell(0.90, 2000).orElseThrow().monthlySpend(), "a tighter latency costs more");
        var table = NegotiateViewModel.latencyTable(g);
        assertEquals("not met", table.rows().get(0).get(1 + vm.gridTargets().indexOf(0.90)));
        assertTrue(table.rows().get(1).get(1 + vm.gridTargets().indexOf(0.90)).contains("SLARouter"));
        assertTrue(vm.latencyStatusProperty().get().startsWith("Computed in"), vm.latencyStatusProperty().get());
        assertEquals("", vm.setLatencyTargets(""));
        assertEquals(List.of(1000.0, 1500.0, 2000.0, 3000.0, 4000.0), vm.latencyTargets(), "empty: follows the scenario again");
    }

    @Test
    void withPerTierLatencyTargetsTheGridsRowsMoveTheTightestTiersLAndTheEngineIsToldWhich() {
        session.set(Fixtures.tieredDataSet());
        scenario.targetProperty().set(0.90);
        vm.chosenRouters().setAll("slarouter", "cheapest");
        vm.followScenario();
        assertEquals(List.of(""), vm.latencyRowTiers().subList(0, 1), "the default L is always a choice");
        assertTrue(vm.latencyRowTiers().containsAll(List.of("gold", "bronze")), vm.latencyRowTiers().toString());
        assertEquals("", vm.latencyRowTierProperty().get(), "no per-tier latency: the rows set every tier's L");
        // gold gets 1,200 ms of its own, bronze 3,000 ms, the default is 2,000 ms
        scenario.latencyProperty().set(new dev.switchyard.app.scenario.LatencyGoal(2000, 0.95,
                Map.of("gold", 1200.0, "bronze", 3000.0)));
        vm.followScenario();
        assertEquals("gold", vm.latencyRowTierProperty().get(), "the tightest tier's L is the one negotiated");
        assertEquals(List.of(600.0, 900.0, 1200.0, 1800.0, 2400.0), vm.latencyTargets(), "around gold's 1,200 ms");
        vm.analyseLatencyGrid();
        assertEquals(List.of("gold"), planning.latencyGridTiers, "the engine is told whose L the rows set");
        assertEquals(List.of(600.0, 900.0, 1200.0, 1800.0, 2400.0), planning.latencyGrids.get(0));
        var g = vm.latencyGridProperty().get();
        assertEquals("gold", g.tier());
        assertTrue(vm.latencyStatusProperty().get().contains("L is gold's"), vm.latencyStatusProperty().get());
        var table = NegotiateViewModel.latencyTable(g);
        assertTrue(table.rows().get(0).get(0).startsWith("gold p95 TTFT <= 600 ms"), table.rows().get(0).get(0));
        assertTrue(table.title().contains("L is gold's"), table.title());
        // the user picks bronze: its 3,000 ms is what the rows move now
        vm.setLatencyRowTier("bronze");
        assertEquals("bronze", vm.latencyRowTierProperty().get());
        assertEquals(List.of(1500.0, 2300.0, 3000.0, 4500.0, 6000.0), vm.latencyTargets(), "around bronze's 3,000 ms");
        vm.setLatencyRowTier("");
        assertEquals(List.of(1000.0, 1500.0, 2000.0, 3000.0, 4000.0), vm.latencyTargets(), "the default 2,000 ms");
        vm.setLatencyRowTier("platinum");
        assertEquals("", vm.latencyRowTierProperty().get(), "a tier the data does not have is not taken");
        vm.analyseLatencyGrid();
        assertEquals(List.of("gold", ""), planning.latencyGridTiers);
        assertEquals("every tier without its own", NegotiateViewModel.rowTierLabel(""));
        vm.setLatencyRowTier(null);
        assertEquals("gold", vm.latencyRowTierProperty().get(), "null: follows the scenario again");
    }
}
