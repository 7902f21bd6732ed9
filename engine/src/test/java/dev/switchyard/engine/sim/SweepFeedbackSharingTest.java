package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 1050: a router that does not read feedback is simulated once for all of a sweep's feedback rates, and
 * every figure of every point, the feedback-dependent ones included, is what simulating each rate on its own gives.
 */
class SweepFeedbackSharingTest {
    private static final ObjectWriter JSON = Json.mapper().writer();
    private static final List<Double> RATES = List.of(1.0, 0.5, 0.2, 0.05);

    private static Scenario base(Scenario.Feedback feedback) {
        TrafficSample sample = SyntheticWorkload.sample(800, 5, 13);
        return Scenario.of(sample, SyntheticWorkload.prices(5), Catalog.empty(), "proteus")
                .withRouter("proteus", RouterParameters.of("iterations", "200").with("hiddenUnits", "8"))
                .withFeedback(feedback).withVolume(Scenario.Volume.requests(4_000)).withReplications(2).withSeed(7);
    }

    /** Every available router of the registry (the reference sweep's ten and the bounds). */
    private static List<String> routers() {
        List<String> out = new ArrayList<>();
        for (RouterDescriptor d : Simulator.standard().registry().available()) {
            out.add(d.name());
        }
        return out;
    }

    @Test
    void aSharedSweepIsFieldByFieldTheUnsharedOne() throws Exception {
        // one-sided with false reports (f = 0.15 is capped at the low rates: the cap's warning must follow too)
        Scenario base = base(new Scenario.Feedback(FeedbackKind.ONE_SIDED, 0.2, 0.15, 0, Double.NaN, Double.NaN));
        Sweep.Grid grid = new Sweep.Grid(base, List.of(), routers(), List.of(0.84, 0.88), RATES);
        Simulator sim = Simulator.standard();
        Sweep.Result shared = Sweep.run(grid, sim, 2, RunControl.NONE, true);
        Sweep.Result alone = Sweep.run(grid, sim, 2, RunControl.NONE, false);
        assertEquals(alone.points().size(), shared.points().size());
        for (int i = 0; i < alone.points().size(); i++) {
            Sweep.Point a = alone.points().get(i);
            assertEquals(JSON.writeValueAsString(a), JSON.writeValueAsString(shared.points().get(i)),
                    a.router() + " at tau " + a.target() + ", q " + a.feedbackRate());
        }
        assertEquals(JSON.writeValueAsString(alone.targetResponses()), JSON.writeValueAsString(shared.targetResponses()));
        assertEquals(alone.warnings(), shared.warnings());
        assertFalse(shared.warnings().isEmpty(), "the capped false-report rate is said in both");
    }

    @Test
    void eachRatesReplicationIsTheSameWithItsOwnSignalCounts() throws Exception {
        Simulator sim = Simulator.standard();
        List<Scenario.Feedback> kinds = List.of(
                new Scenario.Feedback(FeedbackKind.ONE_SIDED, 0.2, 0.03, 0, Double.NaN, Double.NaN),
                new Scenario.Feedback(FeedbackKind.ONE_SIDED, 0.2, 0.0, 300, Double.NaN, Double.NaN),
                new Scenario.Feedback(FeedbackKind.TWO_SIDED_SPARSE, 0.2, 0.0, 40, Double.NaN, Double.NaN));
        int sharedRouters = 0;
        for (Scenario.Feedback fb : kinds) {
            Scenario base = base(fb);
            PreparedScenario p = PreparedScenario.of(base);
            for (String router : List.of("best-fixed", "random-mix", "cascade", "threshold", "omnirouter", "proteus",
                    "sla-oracle", "slarouter")) {
                RouterParameters params = router.equals(base.router()) ? base.routerParameters() : RouterParameters.none();
                List<Scenario> members = new ArrayList<>();
                for (double q : RATES) {
                    double f = fb.falseReportRate() < q ? fb.falseReportRate() : q / 2;
                    members.add(base.withRouter(router, params).withTarget(0.86)
                            .withFeedback(new Scenario.Feedback(fb.kind(), q, f, fb.delayRequests(), Double.NaN, Double.NaN)));
                }
                for (int rep = 0; rep < 2; rep++) {
                    List<ReplicationResult> together = sim.replicationAcrossFeedback(p, members, rep, RunControl.NONE);
                    assertEquals(members.size(), together.size());
                    List<Double> signals = new ArrayList<>();
                    for (int k = 0; k < members.size(); k++) {
                        ReplicationResult own = sim.replication(p, members.get(k), rep, null, RunControl.NONE);
                        assertEquals(JSON.writeValueAsString(own), JSON.writeValueAsString(together.get(k)),
                                router + ", " + fb.kind() + " delay " + fb.delayRequests() + ", q " + RATES.get(k) + ", rep " + rep);
                        signals.add(own.signals());
                    }
                    if (!router.equals("sla-oracle")) {
                        // the comparison covers counts that really differ by rate (full labels at q = 1 for two-sided)
                        assertTrue(signals.get(0) > signals.get(1) && signals.get(1) > signals.get(2)
                                && signals.get(2) > signals.get(3) && signals.get(3) > 0, router + " " + signals);
                        assertNotEquals(together.get(0).trace().get(together.get(0).trace().size() / 2).signals(),
                                together.get(3).trace().get(together.get(3).trace().size() / 2).signals());
                    }
                }
                Router built = sim.registry().descriptor(router).isBound() ? null : sim.registry().create(router,
                        sim.context(p, members.get(0), 0, sim.registry().descriptor(router)), members.get(0).routerParameters());
                if (built != null && !built.readsFeedback()) {
                    sharedRouters++;
                }
            }
        }
        assertEquals(3 * 6, sharedRouters, "six of the routers tried are simulated once for all rates");
    }

    @Test
    void aRouterThatReadsFeedbackIsNeverTallied() throws Exception {
        Scenario s = base(Scenario.Feedback.oneSided(0.2)).withRouter("slarouter", RouterParameters.none());
        PreparedScenario p = PreparedScenario.of(s);
        Simulator sim = Simulator.standard();
        Router sla = sim.registry().create("slarouter", sim.context(p, s, 0, sim.registry().descriptor("slarouter")),
                RouterParameters.none());
        assertTrue(sla.readsFeedback());
        assertThrows(IllegalArgumentException.class, () -> new FeedbackTally(sla, List.of(s), 0));
    }
}
