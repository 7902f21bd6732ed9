package dev.switchyard.app.negotiate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.ScenarioViewModel;

class NegotiateViewModelTest {

    @Test
    void sweepsTargetsPerRouterAndTheFeedbackGrid() {
        DataSession session = new DataSession();
        Fixtures.FakePlanner planner = new Fixtures.FakePlanner();
        TaskRunner runner = TaskRunner.sameThread();
        ScenarioViewModel scenario = new ScenarioViewModel(session, planner, runner, Debouncer.immediate());
        NegotiateViewModel vm = new NegotiateViewModel(session, planner, runner, scenario::settings);
        session.set(Fixtures.dataSet());
        assertEquals(List.of("slarouter", "sla-oracle"), vm.chosenRouters(), "the defaults the engine has");
        vm.chosenRouters().setAll("slarouter", "cheapest");
        vm.analyse();
        NegotiationResult r = vm.resultProperty().get();
        assertNotNull(r, vm.statusProperty().get());
        assertEquals(List.of("SLARouter", "Cheapest"), r.routers());
        assertEquals(vm.targets().size(), r.curveOf("SLARouter").size());
        List<NegotiationResult.Point> sla = r.curveOf("SLARouter");
        for (int i = 1; i < sla.size(); i++) {
            assertTrue(sla.get(i).monthlySpend() >= sla.get(i - 1).monthlySpend());
        }
        assertTrue(r.curveOf("Cheapest").get(0).monthlySpend() < sla.get(0).monthlySpend());
        assertTrue(r.marginals().stream().allMatch(m -> m.perPointPerMonth() >= 0));
        assertEquals(5, r.grid().length);
        assertEquals(6, r.grid()[0].length);
        // more feedback never hurts compliance in the fake; the grid must keep that order
        assertTrue(r.grid()[4][5] >= r.grid()[0][5]);
        assertEquals(r.curve().size() + 1, r.curveTable().toTsv().lines().count());
        assertEquals(List.of("gold", "bronze"), r.tierNames(), "per tier for the scenario's router");
        assertEquals(2 * vm.targets().size(), r.tiers().size());
        assertEquals(2 * vm.targets().size() + 1, r.tierTable().rows().size() + 1);
        assertEquals(2 + 2 * vm.targets().size() + 30, planner.runs.size(), "preview + full, then every sweep point once");
    }
}
