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
 * labelled as such, and asking it first changes nothing in the confirmed recommendation; decision 1120: each router's
 * aims are tried from the lowest until one keeps the promise.
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
        assertTrue(look.note().contains("from the lowest up to the first that keeps the promise"), look.note());
        // the same judgement of the same smaller simulation (one replication, no floor) trying every aim: each router's
        // verdict is the same; a router that keeps the promise does at its lowest aim that does (the search ends there),
        // and where that is the aim trying every aim picks, or no aim keeps it (every aim is tried), the figures are the same
        Recommendation every = Planner.standard().recommend(base().withReplications(1),
                options().withScaling(PlanOptions.FIRST_LOOK_SCALING).withFloor(false), RunControl.NONE, PlanListener.NONE);
        assertEquals(every.candidates().size(), look.candidates().size());
        int same = 0;
        for (PlanPoint e : every.candidates()) {
            PlanPoint l = look.candidates().stream().filter(p -> p.router().equals(e.router())).findFirst().orElseThrow();
            assertEquals(e.meetsSla(), l.meetsSla(), e.router());
            if (l.meetsSla()) {
                assertTrue(l.aimTarget() <= e.aimTarget() + 1e-9, e.router() + ": the lowest aim keeping the promise");
            }
            if (!l.meetsSla() || Math.abs(l.aimTarget() - e.aimTarget()) < 1e-9) {
                assertEquals(figures(List.of(e)), figures(List.of(l)), e.router());
                same++;
            }
        }
        assertTrue(same >= 3, "most routers' figures are the full search's: " + same);
        assertEquals(every.recommended().map(PlanPoint::router), look.recommended().map(PlanPoint::router));
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
