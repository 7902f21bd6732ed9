package dev.switchyard.engine.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.export.CapturedRun;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.sample.SproutCsvWriter;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.SyntheticWorkload;
import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --traffic} with a latency term: the replayed router observes the latency of every served answer as
 * the simulated one did (drawn from the latency profiles, as the traffic records none), so it makes the
 * simulation's decisions.
 */
class TrafficReplayLatencyTest {

    @Test
    void aReplayedRouterLearnsLatencyAsInSimulation(@TempDir Path tmp) throws Exception {
        TrafficSample sample = SyntheticWorkload.sample(2000, 4, 11);
        List<ModelInfo> models = new ArrayList<>();
        for (int j = 0; j < sample.modelCount(); j++) {
            // the cheaper models are the slower ones here, so the latency term moves the mix
            models.add(new ModelInfo(sample.models().get(j), null, "", "", "", List.of(), 0, 0,
                    new LatencyProfile(2000 - 400 * j, 5000 - 900 * j, 40 + 20 * j), Map.of(), null, ""));
        }
        Catalog catalog = new Catalog("c", models);
        Scenario s = Scenario.of(sample, SyntheticWorkload.prices(sample.modelCount()), catalog, "slarouter").withTarget(0.8)
                .withFeedback(Scenario.Feedback.oneSided(0.3)).withVolume(Scenario.Volume.requests(20_000))
                .withReplications(1).withLatency(LatencyTarget.of(2500, 0.9));
        PreparedScenario prepared = PreparedScenario.of(s);
        CapturedRun run = CapturedRun.simulate(s, prepared, 1, RunControl.NONE);
        RoutingConfig config = run.config(s, prepared, null, Instant.EPOCH);
        Path traffic = tmp.resolve("traffic.csv");
        SproutCsvWriter.write(sample, traffic);

        SimulationResult replayed = TrafficReplay.run(config, List.of(traffic), 20_000L, s.seed(), false, 1);
        assertEquals(run.result().modelShare(), replayed.modelShare(), "the configuration's latency priors give the draws");
        SimulationResult withCatalog = TrafficReplay.run(config, List.of(traffic), 20_000L, s.seed(), false, 1, catalog);
        assertEquals(run.result().modelShare(), withCatalog.modelShare());
        assertEquals(run.result().latency().latencyP95Ms().mean(), withCatalog.latency().latencyP95Ms().mean());
        // the latency term is what moved the mix: without it the simulation decides otherwise
        SimulationResult free = dev.switchyard.engine.sim.Simulator.standard().withThreads(1)
                .run(s.withLatency(LatencyTarget.none()));
        assertNotEquals(free.modelShare(), run.result().modelShare());
    }
}
