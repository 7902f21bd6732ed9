package dev.switchyard.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.ScenarioViewModel;

class PlanViewModelTest {
    private final DataSession session = new DataSession();
    private final Fixtures.FakePlanner planner = new Fixtures.FakePlanner();
    private final Fixtures.FakePlanning planning = new Fixtures.FakePlanning();
    private final TaskRunner runner = TaskRunner.sameThread();
    private final ScenarioViewModel scenario = new ScenarioViewModel(session, planner, runner, Debouncer.immediate());
    private final PlanViewModel vm = new PlanViewModel(scenario, planning, runner, Debouncer.immediate());

    @Test
    void theFirstRecommendationIsPutOnScreen() {
        session.set(Fixtures.dataSet());
        Advice a = vm.adviceProperty().get();
        assertNotNull(a, vm.errorProperty().get());
        // at 89% the cheap router breaches (above 85% in the fake): SLARouter is the answer
        assertEquals("slarouter", a.recommended().orElseThrow().router());
        assertEquals(1, a.others().size());
        assertTrue(a.others().get(0).reason().contains("breaches"), a.others().get(0).reason());
        assertEquals("slarouter", scenario.settings().router());
        scenario.targetProperty().set(0.80);
        assertEquals("cheapest", vm.adviceProperty().get().recommended().orElseThrow().router(),
                "at 80% the cheap router keeps the target and wins");
        assertEquals("slarouter", scenario.settings().router(), "later answers are shown, not forced on the screen");
        vm.apply();
        assertEquals("cheapest", scenario.settings().router());
    }

    @Test
    void untilTheFirstRecommendationLandsTheScreenRunsPreviewsOnly() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        TaskRunner held = new TaskRunner(queued::add, Runnable::run);
        DataSession data = new DataSession();
        Fixtures.FakePlanner sims = new Fixtures.FakePlanner();
        ScenarioViewModel screen = new ScenarioViewModel(data, sims, held, Debouncer.immediate());
        PlanViewModel plan = new PlanViewModel(screen, planning, held, Debouncer.immediate());
        assertTrue(screen.isHoldingFullRun());
        data.set(Fixtures.dataSet());
        // decision 1101: the data's run of the default router waits for the planner, whose pick replaces it
        assertEquals(1, queued.size(), "the recommendation only: no run of a setting it is about to replace");
        assertTrue(screen.outcomeProperty().get() == null);
        queued.remove(0).run();
        assertNotNull(plan.adviceProperty().get());
        assertTrue(!screen.isHoldingFullRun(), "the recommendation released the full run");
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertTrue(!screen.outcomeProperty().get().isPreview(), "the recommended setting got its full run");
        assertEquals(plan.adviceProperty().get().recommended().orElseThrow().router(), screen.settings().router());
        assertEquals(plan.adviceProperty().get().recommended().orElseThrow().router(),
                sims.runs.get(sims.runs.size() - 1).router());
    }

    @Test
    void aRouterPickedBeforeTheRecommendationLandsRunsAtOnce() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        TaskRunner held = new TaskRunner(queued::add, Runnable::run);
        DataSession data = new DataSession();
        Fixtures.FakePlanner sims = new Fixtures.FakePlanner();
        ScenarioViewModel screen = new ScenarioViewModel(data, sims, held, Debouncer.immediate());
        new PlanViewModel(screen, planning, held, Debouncer.immediate());
        data.set(Fixtures.dataSet());
        assertEquals(1, queued.size(), "the data's own run waits for the planner's pick");
        var other = screen.routers().stream().filter(r -> !r.equals(screen.routerProperty().get())).findFirst().orElseThrow();
        screen.routerProperty().set(other);
        assertTrue(queued.size() >= 2, "the user's choice is run now, beside the recommendation");
        queued.remove(queued.size() - 1).run();
        assertEquals(other.name(), screen.outcomeProperty().get().settings().router());
    }

    @Test
    void theProvisionalAnswerNamesTheCheapestRouterJudgedSoFar() {
        session.set(Fixtures.dataSet());
        Advice a = vm.adviceProperty().get();
        assertTrue(RecommendationView.provisionalText(java.util.List.of()).startsWith("Finding"));
        String text = RecommendationView.provisionalText(a.candidates());
        assertTrue(text.contains(a.recommended().orElseThrow().displayName()) && text.contains("provisional")
                && text.contains("2 routers judged"), text);
    }

    @Test
    void theRouterPickerDoesNotReRunTheRecommendation() {
        session.set(Fixtures.dataSet());
        int before = planning.recommends.size();
        scenario.routerProperty().set(scenario.routers().get(1));
        assertEquals(before, planning.recommends.size(), "the recommendation is about every router");
        scenario.targetProperty().set(0.92);
        assertEquals(before + 1, planning.recommends.size());
    }

    @Test
    void aUserWhoPicksARouterFirstKeepsIt() {
        scenario.routerProperty().set(scenario.routers().get(1));
        session.set(Fixtures.dataSet());
        assertNotNull(vm.adviceProperty().get());
        assertEquals("cheapest", scenario.settings().router());
    }

    @Test
    void theBudgetFieldFindsTheHighestTargetAndRefusesNonsense() {
        session.set(Fixtures.dataSet());
        assertNull(vm.budgetProperty().get(), "no budget typed, no budget run");
        assertTrue(vm.setBudgetText("lots").contains("not an amount"));
        assertTrue(vm.setBudgetText("-5").contains("positive"));
        assertNull(vm.setBudgetText("$3,500"));
        BudgetResult r = vm.budgetProperty().get();
        assertNotNull(r, vm.budgetErrorProperty().get());
        assertEquals(3500, r.monthlyBudget(), 1e-9);
        // fake: 1M requests a month at (1 + 40 x (t - 0.7)) per 1,000 -> $3,500 buys 76%
        assertEquals(0.76, r.maxTarget(), 1e-9);
        assertTrue(r.answer().orElseThrow().monthlySpend() <= 3500);
        assertNull(vm.setBudgetText("2.5K"));
        assertEquals(2500, planning.budgets.get(planning.budgets.size() - 1), 1e-9);
    }

    @Test
    void newDataClearsTheOldAnswers() {
        session.set(Fixtures.dataSet());
        vm.setBudgetText("3500");
        Advice first = vm.adviceProperty().get();
        session.set(Fixtures.tieredDataSet());
        assertNotNull(vm.adviceProperty().get());
        assertTrue(first != vm.adviceProperty().get(), "a new recommendation for the new data");
    }
}
