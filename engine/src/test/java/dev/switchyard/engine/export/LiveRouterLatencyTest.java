package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.sim.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing configuration and LiveRouter carry the latency term; LiveRouter learns from observed latencies. */
class LiveRouterLatencyTest {
    @TempDir
    Path dir;

    static final LatencyTarget TARGET = new LatencyTarget(LatencyTarget.Metric.TTFT, 2000, 0.95, Map.of("gold", 1200.0));
    // mini and mid stated, max unknown to the catalog
    static final LatencyPriors PRIORS = new LatencyPriors(new double[] {200, 350, Double.NaN}, new double[] {400, 700, Double.NaN},
            new double[] {10, 60, Double.NaN}, new double[] {150, 90, Double.NaN});

    static RoutingConfig config() throws Exception {
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, "slarouter")
                .withCalibrationFraction(0).withVolume(Scenario.Volume.requests(2000)).withScaling(Scenario.Scaling.exact());
        return RoutingConfigs.export(scenario, null, null, Instant.EPOCH);
    }

    @Test
    void latencyTermSurvivesTheFileRoundTrip() throws Exception {
        RoutingConfig plain = config();
        assertNull(plain.latency());
        RoutingConfig withLatency = plain.withLatency(TARGET, PRIORS);
        Path file = dir.resolve("routing-config.json");
        RoutingConfigJson.write(withLatency, file);
        RoutingConfig back = RoutingConfigJson.read(file);
        assertEquals(withLatency.latency(), back.latency());
        assertEquals(TARGET, back.latency().toTarget());
        LatencyPriors p = back.latency().toPriors(back.modelIds());
        assertEquals(350, p.ttftP50Ms(1));
        assertEquals(60, p.prefillMsPerThousandInputTokens(1));
        assertFalse(p.known(2), "an unknown model stays unknown, not 0 ms");
        LiveRouter live = LiveRouter.load(file);
        assertEquals(TARGET, live.latencyTarget());
        // a file without the term reads as before, and its router has none
        Path none = dir.resolve("none.json");
        RoutingConfigJson.write(plain, none);
        assertEquals(LatencyTarget.none(), LiveRouter.load(none).latencyTarget());
        assertNull(plain.withLatency(LatencyTarget.none(), PRIORS).latency());
    }

    @Test
    void badLatencyFieldsAreRefusedWithTheField() throws Exception {
        String json = new String(RoutingConfigJson.toBytes(config().withLatency(TARGET, PRIORS)), java.nio.charset.StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replace("\"percentile\" : 0.95", "\"percentile\" : 1.5"));
        ImportException pct = assertThrows(ImportException.class, () -> LiveRouter.load(bad));
        assertTrue(pct.getMessage().contains("latency") && pct.getMessage().contains("percentile"), pct.getMessage());
        int term = json.indexOf("\"latency\"");
        Files.writeString(bad, json.substring(0, term) + json.substring(term).replace("\"id\" : \"mid\"", "\"id\" : \"nobody\""));
        ImportException model = assertThrows(ImportException.class, () -> LiveRouter.load(bad));
        assertTrue(model.getMessage().contains("nobody"), model.getMessage());
    }

    @Test
    void observedLatenciesMoveTheLiveRoutersLatencyTermFromSeveralThreads() throws Exception {
        LiveRouter live = LiveRouter.of(config().withLatency(LatencyTarget.of(500, 0.95), PRIORS));
        int perThread = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        LiveRouter.Decision d = live.route(new LiveRequest("code", 2000, 0, null, null, i, null));
                        // every answer is slow: the router must see it and raise its latency multiplier
                        live.observeLatency(d.ticket(), d.model(), 900, 1500);
                        live.observe(new LiveFeedback(d.ticket(), d.model(), true, Signal.SILENCE, 0.001));
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Double> s = live.state().scalars();
        assertEquals(4.0 * perThread, s.get("latency.untiered.observed"));
        assertEquals(1.0, s.get("latency.untiered.exceedShare"));
        assertTrue(s.get("latency.untiered.mu") > 0, s.toString());
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> live.observeLatency(-1, "mini", 1, 2));
        assertTrue(late.getMessage().contains("#-1"), late.getMessage());
        LiveRouter.Decision d = live.route(new LiveRequest("code", 100, 0, null, null, 0, null));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> live.observeLatency(d.ticket(), d.model(), 900, 100));
        assertTrue(order.getMessage().contains("ttftMs <= totalMs"), order.getMessage());
    }
}
