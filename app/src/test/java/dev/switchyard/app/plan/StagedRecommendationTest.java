package dev.switchyard.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.engine.plan.PlanListener;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.sample.SampleDataGenerator;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;

/**
 * Decision 1100: the app's recommendation arrives in labelled stages (first look, first replications, routers so far),
 * an early start is joined by the screen's own question, and the confirmed answer is the planner's plain
 * recommendation either way.
 */
class StagedRecommendationTest {
    private static DataSet data;
    private static ScenarioSettings settings;

    @BeforeAll
    static void generate() {
        var g = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults().withQueryScale(0.25));
        data = new DataSet(g.catalog(), g.priceSheets(), g.traffic().get(0).sample(), "generated");
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, new EnginePlanner(), TaskRunner.sameThread(),
                Debouncer.immediate());
        scenario.autoRunProperty().set(false);
        session.set(data);
        // small enough for a unit test: 2 months of 200,000 requests, 2 replications
        scenario.targetProperty().set(0.85);
        scenario.monthlyVolumeProperty().set(200_000);
        scenario.horizonMonthsProperty().set(2);
        scenario.replicationsProperty().set(2);
        settings = scenario.settings();
    }

    /** The planner's own recommendation of these settings, on a planner of its own: what the app must confirm. */
    private static List<String> plainRecommendation() throws Exception {
        EnginePlanner engine = new EnginePlanner();
        Scenario base = EnginePlanner.scenarioFor(data, settings, "Scenario");
        Recommendation r = engine.sharedPlanner().recommend(base, engine.planOptions(data, settings, base), RunControl.NONE,
                PlanListener.NONE);
        return r.candidates().stream().map(StagedRecommendationTest::figures).toList();
    }

    private static String figures(PlanPoint p) {
        return String.format(java.util.Locale.ROOT, "%s %.4f %.8f %.8f %s", p.router(), p.aimTarget(), p.monthlySpend(),
                p.breachProbability(), p.meetsSla());
    }

    private static List<String> figures(Advice a) {
        return a.candidates().stream().map(c -> String.format(java.util.Locale.ROOT, "%s %.4f %.8f %.8f %s", c.router(),
                c.aimTarget(), c.monthlySpend(), c.breachProbability(), c.meetsSla())).toList();
    }

    @Test
    void theFirstLookComesFirstWithEveryRouterAndTheConfirmedAnswerIsThePlannersOwn() throws Exception {
        List<Provisional> stages = new ArrayList<>();
        Advice a = new EnginePlanning(new EnginePlanner()).recommendStaged(data, settings, p -> {
            synchronized (stages) {
                stages.add(p);
            }
        }, ProgressSink.NONE);
        assertFalse(stages.isEmpty());
        Provisional first = stages.get(0);
        assertEquals(Provisional.Stage.FIRST_LOOK, first.stage());
        assertEquals(a.candidates().size(), first.candidates().size(), "every router in the first look");
        assertTrue(first.note().contains("First look"), first.note());
        for (int i = 1; i < stages.size(); i++) {
            assertTrue(stages.get(i).supersedes(stages.get(i - 1)), "each stage shown rests on more than the one before");
        }
        assertEquals(plainRecommendation(), figures(a));
    }

    @Test
    void anEarlyStartIsJoinedByTheSameQuestionAndTellsItWhatItAlreadyKnows() throws Exception {
        EnginePlanning planning = new EnginePlanning(new EnginePlanner());
        planning.startEarly(data, settings);
        List<Provisional> stages = new ArrayList<>();
        Advice a = planning.recommendStaged(data, settings, p -> {
            synchronized (stages) {
                stages.add(p);
            }
        }, ProgressSink.NONE);
        assertEquals(Provisional.Stage.FIRST_LOOK, stages.get(0).stage(), "the early stages are replayed to the joiner");
        assertEquals(plainRecommendation(), figures(a));
        // another question is not served by it
        ScenarioSettings other = settings.withTarget(0.80);
        planning.startEarly(data, settings);
        Advice b = planning.recommendStaged(data, other, p -> { }, ProgressSink.NONE);
        assertEquals(0.80, b.target(), 1e-12);
    }

    @Test
    void aLaterStageReplacesTheShownOneOnlyWithAtLeastAsManyRouters() {
        Candidate c = new Candidate("cheapest", "Cheapest", java.util.Map.of(), 0.85, 0.85, 100, 0.1, 0.9, 0.01, 0, 0.02, true,
                "", List.of(), List.of(), false);
        Provisional look = new Provisional(Provisional.Stage.FIRST_LOOK, List.of(c, c, c), "first look");
        assertTrue(look.supersedes(null));
        assertFalse(Provisional.soFar(List.of(c)).supersedes(look), "one confirmed router does not hide a first look of three");
        assertTrue(Provisional.soFar(List.of(c, c, c)).supersedes(look));
        assertTrue(new Provisional(Provisional.Stage.FIRST_REPLICATION, List.of(c, c, c), "").supersedes(look));
        assertFalse(look.supersedes(new Provisional(Provisional.Stage.FIRST_REPLICATION, List.of(c, c, c), "")));
        assertTrue(RecommendationView.provisionalText(look).startsWith("First look"), RecommendationView.provisionalText(look));
        assertTrue(RecommendationView.provisionalText(new Provisional(Provisional.Stage.FIRST_REPLICATION, List.of(c), ""))
                .startsWith("Provisional (first replication"));
    }
}
