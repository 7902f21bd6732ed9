package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The planner's staged recommendation: the first answer is exactly a one-replication run of the same
 * streams, the confirmed answer is exactly the full run whatever the thread count, and a setting whose
 * first replication already breaks the promise for certain is said to be decided there.
 */
class StagedPlanningTest {
    private static final int REPS = 3;

    private static Scenario base() {
        return PlannerTest.base(0.90, 2).withReplications(REPS);
    }

    private static PlanOptions options(int threads) {
        // an offline router (trains per replication, reused across aims) and an online one beside the fixed models
        return PlanOptions.defaults().withRouters(List.of("best-fixed", "cheapest", "cheapest-meeting-target", "threshold",
                "slarouter")).withThreads(threads);
    }

    @Test
    void firstAnswerIsTheFirstReplicationAndTheConfirmedAnswerTheFullRunAtAnyThreadCount() throws Exception {
        AtomicReference<Recommendation> first = new AtomicReference<>();
        PlanListener listener = new PlanListener() {
            @Override
            public void firstAnswer(Recommendation provisional) {
                assertTrue(first.compareAndSet(null, provisional), "one first answer");
            }
        };
        Recommendation confirmed = Planner.standard().recommend(base(), options(2), RunControl.NONE, listener);
        Recommendation early = first.get();
        assertNotNull(early, "a first answer before the confirmed one");
        assertTrue(early.provisional());
        assertFalse(confirmed.provisional());
        assertTrue(early.note().contains("first of " + REPS + " replications"), early.note());

        // the first answer is the one-replication run of the same seed (paired streams: replication 1 is shared)
        Recommendation one = Planner.standard().recommend(base().withReplications(1), options(1), RunControl.NONE, PlanListener.NONE);
        assertEquals(figures(one.candidates()), figures(early.candidates()));

        // the confirmed answer does not depend on the thread count, nor on the staging (one worker runs it in order)
        Recommendation serial = Planner.standard().recommend(base(), options(1), RunControl.NONE, PlanListener.NONE);
        assertEquals(figures(serial.candidates()), figures(confirmed.candidates()));
        assertEquals(serial.ceiling(), confirmed.ceiling());

        // the recommendation is judged on every replication's windows, three times the first answer's
        PlanPoint rec = confirmed.recommended().orElseThrow();
        PlanPoint recEarly = early.recommended().orElseThrow();
        assertEquals(REPS * recEarly.windows(), rec.windows());
    }

    @Test
    void aSettingWhoseFirstReplicationAlreadyBreaksThePromiseIsDecidedThereAndStillFails() throws Exception {
        Recommendation r = Planner.standard().recommend(base(), options(2), RunControl.NONE, PlanListener.NONE);
        // the cheapest model is right on 70% of queries: every day breaks a 90% promise in the first replication already
        PlanPoint cheapest = r.candidates().stream().filter(p -> p.router().equals("cheapest")).findFirst().orElseThrow();
        assertFalse(cheapest.meetsSla());
        assertTrue(cheapest.reason().contains("decided on the first of " + REPS + " replications"), cheapest.reason());
        // the same verdict from every replication (negotiate runs them all)
        Negotiation n = Planner.standard().negotiate(base(), List.of(0.90), options(2).withRouters(List.of("cheapest")),
                RunControl.NONE, PlanListener.NONE);
        PlanPoint full = n.points().get(0);
        assertFalse(full.meetsSla());
        assertEquals(REPS * cheapest.windows(), full.windows());
        assertEquals(1.0, full.breachProbability(), 1e-9);
        // a router that keeps the promise is never cut short
        PlanPoint rec = r.recommended().orElseThrow();
        assertEquals(full.windows(), rec.windows());
    }

    private static List<String> figures(List<PlanPoint> points) {
        return points.stream().map(p -> String.format(java.util.Locale.ROOT, "%s %s %.4f %.10f %.10f %.10f %d %s", p.router(),
                p.params(), p.aimTarget(), p.monthlySpend(), p.meanSatisfaction(), p.breachProbability(), p.windows(), p.meetsSla()))
                .toList();
    }
}
