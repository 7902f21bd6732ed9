package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.TrainedStateCache;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 1010: trained and calibrated state is reused across a sweep's targets, feedback rates and threads, and a
 * point's result is the same bits whether it runs alone (fresh preparation, nothing trained yet, one thread) or
 * inside a sweep (shared preparation, trained state recalled, several threads, any order).
 */
class TrainedStateReuseTest {
    private static final ObjectWriter JSON = Json.mapper().writer();

    private static Scenario base() {
        TrafficSample sample = SyntheticWorkload.sample(1000, 6, 11);
        return Scenario.of(sample, SyntheticWorkload.prices(6), Catalog.empty(), "proteus")
                .withRouter("proteus", RouterParameters.of("iterations", "200").with("hiddenUnits", "8"))
                .withFeedback(Scenario.Feedback.oneSided(0.2))
                .withVolume(Scenario.Volume.requests(6_000)).withReplications(2).withSeed(5);
    }

    @Test
    void aSweepPointAloneIsTheSameBitsAsInsideTheSweep() throws Exception {
        Scenario base = base();
        List<String> routers = List.of("threshold", "proteus", "omnirouter", "best-fixed", "slarouter");
        List<Double> targets = List.of(0.86, 0.83);
        List<Double> rates = List.of(1.0, 0.2);
        Simulator sim = Simulator.standard();
        // three threads in the sweep, one alone: other thread count, other order, trained state shared or not
        int threads = 3;
        {
            Sweep.Result r = Sweep.run(new Sweep.Grid(base, List.of(), routers, targets, rates), sim, threads, RunControl.NONE);
            assertEquals(routers.size() * targets.size() * rates.size(), r.points().size());
            for (Sweep.Point p : r.points()) {
                Scenario.Feedback fb = base.feedback();
                RouterParameters params = p.router().equals(base.router()) ? base.routerParameters() : RouterParameters.none();
                Scenario alone = base.withRouter(p.router(), params).withTarget(p.target())
                        .withFeedback(new Scenario.Feedback(fb.kind(), p.feedbackRate(), fb.falseReportRate(), fb.delayRequests(),
                                Double.NaN, Double.NaN));
                // a fresh preparation: nothing trained yet, so this trains from scratch on one thread
                SimulationResult fresh = sim.withThreads(1).run(alone).slim();
                assertEquals(JSON.writeValueAsString(fresh), JSON.writeValueAsString(p.result()),
                        p.router() + " at tau " + p.target() + ", q " + p.feedbackRate() + " on " + threads + " threads");
            }
        }
    }

    @Test
    void scenariosThatPrepareTheSameShareOnePreparation() throws Exception {
        Scenario s = base();
        PreparedScenario p = Preparations.shared(s);
        assertTrue(p == Preparations.shared(s.withFeedback(Scenario.Feedback.oneSided(0.7)).withTarget(0.9)
                .withVolume(new Scenario.Volume(90_000, 0.05, 3, true)).withScaling(new Scenario.Scaling(1, 1_000))
                .withReplications(5).withRouter("omnirouter", RouterParameters.none())));
        assertTrue(p != Preparations.shared(s.withSeed(6)), "another seed splits differently");
        assertTrue(p != Preparations.shared(s.withCalibrationFraction(0.2)), "another calibration fraction");
        assertTrue(p != Preparations.shared(s.withModelPool(s.pool().subList(0, 4))), "another pool");
    }

    @Test
    void offlineRoutersTrainOncePerReplicationWhateverTheFeedbackRate() throws Exception {
        Scenario s = base().withRouter("omnirouter", RouterParameters.none()).withTarget(0.86);
        PreparedScenario p = PreparedScenario.of(s);
        Simulator sim = Simulator.standard().withThreads(2);
        SimulationResult first = sim.run(p, s, RunControl.NONE);
        int trained = TrainedStateCache.computed(p.calibration.orElseThrow());
        // per replication: the correctness predictor and the warm start
        assertEquals(2 * s.replications(), trained);
        sim.run(p, s.withFeedback(Scenario.Feedback.oneSided(1.0)), RunControl.NONE);
        sim.run(p, s.withRouter("threshold", RouterParameters.none()), RunControl.NONE);
        // another feedback rate recalls everything; the threshold router shares the predictor, adds its calibrations
        assertEquals(2 * s.replications() + s.replications(), TrainedStateCache.computed(p.calibration.orElseThrow()));
        sim.run(p, s.withTarget(0.84), RunControl.NONE);
        // another target re-solves the warm start only
        assertEquals(4 * s.replications(), TrainedStateCache.computed(p.calibration.orElseThrow()));
        // and a recalled run is the same bits as the first
        assertEquals(JSON.writeValueAsString(first), JSON.writeValueAsString(sim.run(p, s, RunControl.NONE)));
        assertTrue(first.meanSatisfaction().mean() > 0);
    }

    @Test
    void proteusTrainsOncePerReplicationAndTrainedRangeInTheOneCache() throws Exception {
        // 0.83 widens the trained range to [0.80, 0.95], 0.86 keeps [0.85, 0.95]: two policies per replication, one
        // correctness predictor under both; every other target and rate in the same ranges recalls them (decision 1030)
        Scenario s = base().withTarget(0.83);
        PreparedScenario p = PreparedScenario.of(s);
        Simulator sim = Simulator.standard().withThreads(2);
        Sweep.Result r = Sweep.run(new Sweep.Grid(s, List.of(), List.of("proteus"), List.of(0.83, 0.86, 0.88),
                List.of(0.2)), sim, 2, RunControl.NONE);
        assertEquals(3, r.points().size());
        sim.run(p, s, RunControl.NONE);
        int trained = TrainedStateCache.computed(p.calibration.orElseThrow());
        assertEquals(2 * s.replications(), trained, "predictor and one policy per replication");
        sim.run(p, s.withTarget(0.86).withFeedback(Scenario.Feedback.oneSided(1.0)), RunControl.NONE);
        assertEquals(3 * s.replications(), TrainedStateCache.computed(p.calibration.orElseThrow()), "a second range trains its policy only");
        sim.run(p, s.withTarget(0.81), RunControl.NONE);
        sim.run(p, s.withTarget(0.88), RunControl.NONE);
        assertEquals(3 * s.replications(), TrainedStateCache.computed(p.calibration.orElseThrow()), "targets in trained ranges recall");
        // another seed splits and trains afresh: nothing learned on one seed's split is found for another's
        Scenario other = s.withSeed(6);
        PreparedScenario q = PreparedScenario.of(other);
        sim.run(q, other, RunControl.NONE);
        assertEquals(2 * s.replications(), TrainedStateCache.computed(q.calibration.orElseThrow()));
        // and a policy recalled from the cache serves the same bits as one trained alone
        Sweep.Point last = r.points().get(2);
        Scenario.Feedback fb = s.feedback();
        Scenario alone = s.withTarget(last.target()).withFeedback(new Scenario.Feedback(fb.kind(), last.feedbackRate(),
                fb.falseReportRate(), fb.delayRequests(), Double.NaN, Double.NaN));
        assertEquals(0.88, last.target());
        assertEquals(JSON.writeValueAsString(Simulator.standard().withThreads(1).run(alone).slim()),
                JSON.writeValueAsString(last.result()));
    }
}
