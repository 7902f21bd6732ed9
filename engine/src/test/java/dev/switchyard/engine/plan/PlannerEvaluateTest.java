package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Planner#evaluate}: one setting judged as the recommendation judges it, from the recommendation's own run
 * when it made one (the app's Scenario screen shows this next to the recommendation).
 */
class PlannerEvaluateTest {

    private static RunControl counting(AtomicInteger runs) {
        return new RunControl() {
            @Override
            public void progress(int done, int total) {
                runs.incrementAndGet();
            }
        };
    }

    @Test
    void theRecommendedSettingIsTheRecommendationsOwnRunAndFigures() throws Exception {
        Planner planner = Planner.standard();
        Scenario base = PlannerTest.base(0.90, 2);
        PlanOptions o = PlannerTest.fixedModels();
        PlanPoint rec = planner.recommend(base, o, RunControl.NONE, PlanListener.NONE).recommended().orElseThrow();
        // the screen sends every parameter value (defaults filled in): still the same setting
        Scenario shown = base.withRouter(rec.router(), new RouterParameters(rec.params()));
        assertTrue(planner.isKnown(shown, rec.aimTarget(), o));
        AtomicInteger runs = new AtomicInteger();
        Planner.Evaluation e = planner.evaluate(shown, rec.aimTarget(), o, counting(runs));
        assertEquals(0, runs.get(), "no second simulation of a setting the planner already ran");
        assertEquals(rec.monthlySpend(), e.point().monthlySpend(), 0.0);
        assertEquals(rec.breachProbability(), e.point().breachProbability(), 0.0);
        assertEquals(rec.meanSatisfaction(), e.point().meanSatisfaction(), 0.0);
        assertEquals(rec.breachInterval(), e.point().breachInterval());
        assertEquals(1, e.runs().size());
        // the static judge on the same run gives the same point (the app's preview uses it)
        PlanPoint again = Planner.judge(e.runs(), rec.aimTarget(), shown, o);
        assertEquals(e.point().monthlySpend(), again.monthlySpend(), 0.0);
        assertEquals(e.point().breachProbability(), again.breachProbability(), 0.0);
        // by hand (PlannerTest's workload): mid serves every request
        assertEquals(PlannerTest.VOLUME * PlannerTest.PER_REQUEST[1], e.point().monthlySpend(),
                1e-6 * PlannerTest.VOLUME * PlannerTest.PER_REQUEST[1]);
    }

    @Test
    void anUnknownSettingIsRunOnceThenKnown() throws Exception {
        Planner planner = Planner.standard();
        PlanOptions o = PlannerTest.fixedModels();
        Scenario shown = PlannerTest.base(0.90, 1).withRouter("cheapest", RouterParameters.none());
        assertFalse(planner.isKnown(shown, 0.90, o));
        AtomicInteger runs = new AtomicInteger();
        Planner.Evaluation first = planner.evaluate(shown, 0.90, o, counting(runs));
        int simulated = runs.get();
        assertTrue(simulated > 0, "an unknown setting is simulated");
        assertTrue(planner.isKnown(shown, 0.90, o));
        // the cheap model is right on 70%: below the 90% contract, every week breached, judged against the contract
        assertFalse(first.point().meetsSla());
        assertEquals(0.70, first.point().meanSatisfaction(), 0.01);
        assertEquals(0.90, first.point().target(), 0.0);
        Planner.Evaluation second = planner.evaluate(shown, 0.90, o, counting(runs));
        assertEquals(simulated, runs.get(), "and not again");
        assertEquals(first.point().monthlySpend(), second.point().monthlySpend(), 0.0);
    }
}
