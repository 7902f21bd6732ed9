package dev.switchyard.engine.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.export.CapturedRun;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
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
 * {@code replay --traffic} honours the rate limits and fallbacks the configuration carries (decision 1420): with no
 * catalog at hand, a replay of a run whose limits bit makes the simulation's decisions, fallbacks included.
 */
class TrafficReplayRateLimitTest {

    @Test
    void theConfigurationsRateLimitsAreReplayedWithoutTheCatalog(@TempDir Path tmp) throws Exception {
        TrafficSample sample = SyntheticWorkload.sample(2000, 4, 11);
        List<String> ids = sample.models();
        List<ModelInfo> models = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
            // every model but the dearest is limited to 20 requests a minute (the month's 3M requests are ~70 a minute; 30,000 simulated, each
            // standing for 100), falling back to the next dearer one
            RateLimit limit = j == ids.size() - 1 ? null : new RateLimit(20, 0, ids.get(j + 1), "test account");
            models.add(new ModelInfo(ids.get(j), ids.get(j), "", "", "", List.of(), 0, 0, null, Map.of(), null, "", limit));
        }
        Catalog catalog = new Catalog("c", models);
        Scenario s = scenario(sample, catalog);
        PreparedScenario prepared = PreparedScenario.of(s);
        CapturedRun run = CapturedRun.simulate(s, prepared, 1, RunControl.NONE);
        assertTrue(run.result().latency().rateLimitedShare().mean() > 0.02,
                "the limits must bite for the test to mean anything: " + run.result().latency().rateLimitedShare().mean());

        RoutingConfig config = run.config(s, prepared, null, Instant.EPOCH);
        RoutingConfig.ModelRateLimit first = config.models().get(0).rateLimit();
        assertNotNull(first, "the configuration carries the catalog's limit");
        assertEquals(20, first.requestsPerMinute());
        assertEquals(ids.get(1), first.fallback());
        assertEquals(null, config.models().get(ids.size() - 1).rateLimit());
        // through the file, as production and replay read it
        Path file = tmp.resolve("routing-config.json");
        RoutingConfigJson.write(config, file);
        RoutingConfig back = RoutingConfigJson.read(file);
        assertEquals(config.models(), back.models());

        Path traffic = tmp.resolve("traffic.csv");
        SproutCsvWriter.write(sample, traffic);
        SimulationResult replayed = TrafficReplay.run(back, List.of(traffic), null, s.seed(), false, 1);
        assertEquals(run.result().modelShare(), replayed.modelShare());
        assertEquals(run.result().latency().rateLimitedShare().mean(), replayed.latency().rateLimitedShare().mean());
        assertEquals(run.result().costPerRequest().mean(), replayed.costPerRequest().mean());
        // the limits are what moved the mix: without them the simulation decides otherwise
        SimulationResult free = dev.switchyard.engine.sim.Simulator.standard().withThreads(1)
                .run(scenario(sample, new Catalog("free", models.stream().map(m -> new ModelInfo(m.id(), m.id(), "", "", "",
                        List.of(), 0, 0, null, Map.of(), null, "")).toList())));
        assertNotEquals(free.modelShare(), run.result().modelShare());
    }

    /**
     * The traffic names the models by ids the catalog knows only as aliases, and the fallback is declared by the catalog's
     * own id: the simulation, the configuration and a replay given the catalog resolve the fallback the same way (they
     * share Catalog.fallbackIndex; the replay's copy used to compare the catalog id with the pool ids and dropped it).
     */
    @Test
    void aFallbackNamedByTheCatalogsIdReachesAPoolThatUsesItsAlias(@TempDir Path tmp) throws Exception {
        TrafficSample sample = SyntheticWorkload.sample(2000, 4, 11);
        List<String> ids = sample.models();
        List<ModelInfo> models = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
            RateLimit limit = j == ids.size() - 1 ? null : new RateLimit(20, 0, "catalog-" + ids.get(j + 1), "test account");
            models.add(new ModelInfo("catalog-" + ids.get(j), ids.get(j), "", "", "", List.of(ids.get(j)), 0, 0, null, Map.of(),
                    null, "", limit));
        }
        Catalog catalog = new Catalog("c", models);
        assertEquals(1, catalog.fallbackIndex(models.get(0).rateLimit(), ids), "the alias in the pool answers");
        assertEquals(-1, catalog.fallbackIndex(models.get(0).rateLimit(), ids.subList(2, ids.size())), "not in the pool");
        assertEquals(-1, catalog.fallbackIndex(null, ids));
        Scenario s = scenario(sample, catalog);
        PreparedScenario prepared = PreparedScenario.of(s);
        CapturedRun run = CapturedRun.simulate(s, prepared, 1, RunControl.NONE);
        assertTrue(run.result().latency().rateLimitedShare().mean() > 0.02, "the limits bite");
        RoutingConfig config = run.config(s, prepared, null, Instant.EPOCH);
        assertEquals(ids.get(1), config.models().get(0).rateLimit().fallback(), "the configuration names the pool id");
        Path traffic = tmp.resolve("traffic.csv");
        SproutCsvWriter.write(sample, traffic);
        for (Catalog given : new Catalog[] {null, catalog}) {
            SimulationResult replayed = TrafficReplay.run(config, List.of(traffic), null, s.seed(), false, 1, given);
            String with = given == null ? "without the catalog" : "with the catalog";
            assertEquals(run.result().modelShare(), replayed.modelShare(), with);
            assertEquals(run.result().latency().rateLimitedShare().mean(), replayed.latency().rateLimitedShare().mean(), with);
            assertEquals(run.result().costPerRequest().mean(), replayed.costPerRequest().mean(), with);
        }
    }

    private static Scenario scenario(TrafficSample sample, Catalog catalog) {
        return Scenario.of(sample, SyntheticWorkload.prices(sample.modelCount()), catalog, "slarouter").withTarget(0.8)
                .withFeedback(Scenario.Feedback.oneSided(0.3)).withVolume(new Scenario.Volume(3_000_000, 0, 1, true))
                .withScaling(new Scenario.Scaling(0, 30_000)).withReplications(1);
    }
}
