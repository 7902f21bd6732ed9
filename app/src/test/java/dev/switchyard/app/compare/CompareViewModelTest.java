package dev.switchyard.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioViewModel;

class CompareViewModelTest {

    @Test
    void twoPinnedScenariosSitSideBySide() {
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, new Fixtures.FakePlanner(), TaskRunner.sameThread(),
                Debouncer.immediate());
        session.set(Fixtures.dataSet());
        CompareViewModel vm = new CompareViewModel();
        ScenarioOutcome first = scenario.outcomeProperty().get();
        assertTrue(vm.pin(first));
        assertFalse(vm.pin(first), "pinning the same result twice adds nothing");
        scenario.targetProperty().set(0.95);
        assertTrue(vm.pin(scenario.outcomeProperty().get()));
        DataTable kpis = vm.kpiTable();
        assertEquals(3, kpis.headers().size());
        assertEquals(CompareViewModel.KPIS.size(), kpis.rows().size());
        assertEquals("89.0%", kpis.rows().get(1).get(1), "opens one point below the best fixed model (90%)");
        assertEquals("95.0%", kpis.rows().get(1).get(2));
        assertEquals(12, vm.spendTable().rows().size());
        for (int i = 0; i < CompareViewModel.MAX_PINNED; i++) {
            scenario.targetProperty().set(0.80 + i * 0.01);
            vm.pin(scenario.outcomeProperty().get());
        }
        assertEquals(CompareViewModel.MAX_PINNED, vm.pinned().size());
        vm.clear();
        assertTrue(vm.kpiTable().rows().stream().allMatch(r -> r.size() == 1));
    }
}
