package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traffic's recorded time to first token is used as it is; the rest of the answer is drawn (issue 14). */
class RecordedTtftTest {

    private static SimulationResult run(boolean recordedTotal) throws Exception {
        TrafficSample.Builder b = TrafficSample.builder("ttft", List.of("a", "b")).source("ttft.csv");
        for (int q = 0; q < 100; q++) {
            float ttft = q < 50 ? 500f : 700f;
            b.add(new QueryRecord("q" + q, "chat", null, null, null, null, 1000, 0, new float[] {1f, 1f},
                    new int[] {100, 100}, null, recordedTotal ? new float[] {2000f, 2000f} : null, new float[] {ttft, ttft}));
        }
        Catalog catalog = new Catalog("c", List.of(
                new ModelInfo("a", null, "", "", "", List.of(), 0, 0, new LatencyProfile(100, 100, 1000), Map.of(), null, ""),
                new ModelInfo("b", null, "", "", "", List.of(), 0, 0, new LatencyProfile(100, 100, 1000), Map.of(), null, "")));
        Scenario s = Scenario.of(b.build(), PriceSheet.of("p", List.of(ModelPrice.flat("a", 0.1, 0.4), ModelPrice.flat("b", 1, 4))),
                catalog, "cheapest").withTarget(0.5).withCalibrationFraction(0).withVolume(Scenario.Volume.requests(20_000))
                .withScaling(Scenario.Scaling.exact()).withReplications(1);
        return Simulator.standard().withThreads(1).run(s);
    }

    @Test
    void recordedTtftReplacesTheCatalogDraw() throws Exception {
        SimulationResult r = run(false);
        // half the rows 500 ms, half 700 ms: nearest-rank p50 is 500 (within its 0.4% bucket), p99 700
        assertEquals(500, r.latency().run().ttftP50(), 500 * 0.004);
        assertEquals(700, r.latency().run().ttftP99(), 700 * 0.004);
        // the rest of the answer streams at the catalog's speed: 100 tokens at ~1000 tokens/s (log-sigma 0.15, tails
        // cut at z = 3.3) add 61 to 164 ms, so the total's p50 is at the top of the 500 ms rows, its p99 in the 700 ms rows
        double p50 = r.latency().run().totalP50();
        double p99 = r.latency().run().totalP99();
        assertTrue(p50 >= 560 && p50 <= 665, "total p50 " + p50);
        assertTrue(p99 >= 760 && p99 <= 865, "total p99 " + p99);
        assertTrue(r.latency().notes().stream().anyMatch(n -> n.contains("recorded ttft_ms")), r.latency().notes().toString());
        SimulationResult both = run(true);
        assertEquals(2000, both.latency().run().totalP50(), 2000 * 0.004);
        assertEquals(500, both.latency().run().ttftP50(), 500 * 0.004);
    }
}
