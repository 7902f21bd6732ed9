package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void resultsDependOnScenarioAndSeedNotOnThreadCount() throws Exception {
        TrafficSample sample = SyntheticWorkload.sample(4000, 8, 3);
        Scenario s = Scenario.of(sample, SyntheticWorkload.prices(8), Catalog.empty(), "slarouter")
                .withVolume(Scenario.Volume.requests(40_000)).withReplications(5).withTarget(0.85)
                .withFeedback(Scenario.Feedback.oneSided(0.2).withDelay(50));
        String one = Json.mapper().writeValueAsString(Simulator.standard().withThreads(1).run(s));
        String four = Json.mapper().writeValueAsString(Simulator.standard().withThreads(4).run(s));
        assertEquals(one, four);
        String again = Json.mapper().writeValueAsString(Simulator.standard().withThreads(3).run(s));
        assertEquals(one, again);
        String otherSeed = Json.mapper().writeValueAsString(Simulator.standard().withThreads(2).run(s.withSeed(43)));
        assertNotEquals(one, otherSeed);
    }
}
