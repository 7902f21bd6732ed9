package dev.switchyard.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;

/**
 * Decision 1100: at start-up the first look's pick is put on the Scenario screen (labelled as the first look's) while
 * the analysis runs, and the confirmed recommendation replaces it.
 */
class FirstLookOnScreenTest {

    @Test
    void theFirstLooksPickIsOnScreenUntilTheConfirmedRecommendationReplacesIt() {
        List<String> routerWhenConfirmed = new ArrayList<>();
        List<String> captionAtFirstLook = new ArrayList<>();
        ScenarioViewModel[] screen = new ScenarioViewModel[1];
        PlanViewModel[] plan = new PlanViewModel[1];
        Fixtures.FakePlanning confirmed = new Fixtures.FakePlanning();
        PlanningEngine staged = new PlanningEngine() {
            @Override
            public Advice recommend(DataSet data, ScenarioSettings s, ProgressSink sink) {
                return confirmed.recommend(data, s, sink);
            }

            @Override
            public Negotiated negotiate(DataSet data, ScenarioSettings s, List<Double> targets, List<String> routers,
                                        Consumer<Negotiated> partial, ProgressSink sink) {
                return confirmed.negotiate(data, s, targets, routers, partial, sink);
            }

            @Override
            public LatencyCells latencyGrid(DataSet data, ScenarioSettings s, List<Double> targets, List<Double> latencies,
                                            String tier, List<String> routers, Consumer<LatencyCells> partial, ProgressSink sink)
                    throws Exception {
                return confirmed.latencyGrid(data, s, targets, latencies, tier, routers, partial, sink);
            }

            @Override
            public BudgetResult budget(DataSet data, ScenarioSettings s, double monthlyBudget, ProgressSink sink) throws Exception {
                return confirmed.budget(data, s, monthlyBudget, sink);
            }

            @Override
            public Advice recommendStaged(DataSet data, ScenarioSettings s, Consumer<Provisional> soFar, ProgressSink sink) {
                // the first look (here) finds the cheap router keeping a lower bar; the confirmed answer differs
                Candidate look = Fixtures.FakePlanning.candidate(s, "cheapest", 0.80);
                soFar.accept(new Provisional(Provisional.Stage.FIRST_LOOK, List.of(look,
                        Fixtures.FakePlanning.candidate(s, "slarouter", s.target())), "First look: a smaller simulation"));
                routerWhenConfirmed.add(screen[0].settings().router());
                captionAtFirstLook.add(plan[0].tilesCaptionProperty().get());
                return confirmed.recommend(data, s, sink);
            }
        };
        DataSession session = new DataSession();
        TaskRunner runner = TaskRunner.sameThread();
        screen[0] = new ScenarioViewModel(session, new Fixtures.FakePlanner(), runner, Debouncer.immediate());
        plan[0] = new PlanViewModel(screen[0], staged, runner, Debouncer.immediate());
        session.set(Fixtures.dataSet());
        assertEquals(List.of("cheapest"), routerWhenConfirmed, "the first look's pick was on screen while the analysis ran");
        assertTrue(captionAtFirstLook.get(0).startsWith("Below: the first look's pick"), captionAtFirstLook.get(0));
        Advice a = plan[0].adviceProperty().get();
        assertNotNull(a);
        assertEquals(a.recommended().orElseThrow().router(), screen[0].settings().router(), "the confirmed one replaced it");
    }
}
