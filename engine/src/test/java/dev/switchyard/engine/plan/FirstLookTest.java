package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 1100: the planner's first look is one replication of a smaller simulation of the same scenario and seed,
 * labelled as such, and asking it first changes nothing in the confirmed recommendation.
 */
class FirstLookTest {
    private static Scenario base() {
        return PlannerTest.base(0.90, 2).withReplications(3);
    }

    private static PlanOptions options() {
        return PlanOptions.defaults().withRouters(List.of("best-fixed", "cheapest", "cheapest-meeting-target", "threshold",
                "slarouter")).withThreads(2);
    }

    @Test
    void theFirstLookIsOneReplicationAtTheFirstLookScalingAndSaysSo() throws Exception {
        Recommendation look = Planner.standard().firstLook(base(), options(), RunControl.NONE);
        assertTrue(look.provisional());
        assertTrue(look.note().contains("First look") && look.note().contains("2,000 simulated requests a month")
                && look.note().contains("3 replications"), look.note());
        assertTrue(look.floor().isEmpty(), "no floor in the first look");
        // the same search, written out: one replication of the smaller simulation, no floor
        Recommendation same = Planner.standard().recommend(base().withReplications(1),
                options().withScaling(PlanOptions.FIRST_LOOK_SCALING).withFloor(false), RunControl.NONE, PlanListener.NONE);
        assertEquals(figures(same.candidates()), figures(look.candidates()));
        // judged on one replication's windows: a third of the confirmed answer's
        Recommendation confirmed = Planner.standard().recommend(base(), options(), RunControl.NONE, PlanListener.NONE);
        assertEquals(3 * look.recommended().orElseThrow().windows(), confirmed.recommended().orElseThrow().windows());
        assertEquals(confirmed.candidates().size(), look.candidates().size(), "every router is in the first look");
    }

    @Test
    void askingTheFirstLookFirstLeavesTheConfirmedRecommendationUnchanged() throws Exception {
        Planner planner = Planner.standard();
        planner.firstLook(base(), options(), RunControl.NONE);
        Recommendation after = planner.recommend(base(), options(), RunControl.NONE, PlanListener.NONE);
        Recommendation fresh = Planner.standard().recommend(base(), options(), RunControl.NONE, PlanListener.NONE);
        assertFalse(after.provisional());
        assertEquals(figures(fresh.candidates()), figures(after.candidates()));
        assertEquals(fresh.ceiling(), after.ceiling());
        assertEquals(fresh.floor().map(FloorPoint::monthlySpend), after.floor().map(FloorPoint::monthlySpend));
    }

    private static List<String> figures(List<PlanPoint> points) {
        return points.stream().map(p -> String.format(java.util.Locale.ROOT, "%s %s %.4f %.10f %.10f %.10f %d %s", p.router(),
                p.params(), p.aimTarget(), p.monthlySpend(), p.meanSatisfaction(), p.breachProbability(), p.windows(), p.meetsSla()))
                .toList();
    }
}
