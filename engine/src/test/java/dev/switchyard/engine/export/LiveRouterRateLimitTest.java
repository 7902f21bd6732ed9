package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.sim.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing configuration carries the catalog's rate limits and fallbacks, and LiveRouter holds them (decision 1420). */
class LiveRouterRateLimitTest {
    @TempDir
    Path dir;

    static final long MINUTE = 60_000L;

    /** mini -> mid -> max -> mini, 2 requests a minute each; max also 4,000 tokens a minute. */
    static RoutingConfig config(boolean outsideFallback) throws Exception {
        List<ModelInfo> models = List.of(
                model("mini", new RateLimit(2, 0, "mid", "tier 2 page")),
                model("mid", new RateLimit(2, 0, outsideFallback ? "elsewhere" : "max", "")),
                model("max", new RateLimit(2, 4_000, "mini", "")),
                model("elsewhere", null));
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(),
                new Catalog("c", models), "slarouter").withCalibrationFraction(0).withVolume(Scenario.Volume.requests(2000))
                .withScaling(Scenario.Scaling.exact());
        return RoutingConfigs.export(scenario, null, null, Instant.EPOCH);
    }

    private static ModelInfo model(String id, RateLimit limit) {
        return new ModelInfo(id, id, "", "", "", List.of(), 0, 0, null, Map.of(), null, "", limit);
    }

    @Test
    void theCatalogsLimitsSurviveTheFileRoundTrip() throws Exception {
        RoutingConfig config = config(true);
        assertEquals(new RoutingConfig.ModelRateLimit(2, 0, "mid", "mid", "tier 2 page"), config.models().get(0).rateLimit());
        // a declared fallback outside the pool ends the chain, as in the simulation, and is kept for people
        assertEquals(new RoutingConfig.ModelRateLimit(2, 0, "", "elsewhere", ""), config.models().get(1).rateLimit());
        Path file = dir.resolve("routing-config.json");
        RoutingConfigJson.write(config, file);
        assertEquals(config.models(), RoutingConfigJson.read(file).models());
        // a configuration without limits reads as before
        RoutingConfig plain = LiveRouterLatencyTest.config();
        assertFalse(plain.hasRateLimits());
        assertNull(plain.models().get(0).rateLimit());
    }

    @Test
    void aFallbackOutsideThePoolIsRefusedWithItsField() throws Exception {
        String json = new String(RoutingConfigJson.toBytes(config(false)), StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replaceFirst("\"fallback\" : \"mid\"", "\"fallback\" : \"nobody\""));
        ImportException e = assertThrows(ImportException.class, () -> LiveRouter.load(bad));
        assertTrue(e.getMessage().contains("models[0].rateLimit.fallback") && e.getMessage().contains("nobody"), e.getMessage());
    }

    @Test
    void requestsBeyondAModelsMinuteGoDownTheFallbackChain() throws Exception {
        LiveRouter live = LiveRouter.builder(config(false)).coldStart().build();
        long t0 = 1_780_000_000_000L / MINUTE * MINUTE;
        Map<String, Integer> served = new HashMap<>();
        int limited = 0;
        // 6 requests of 100 tokens fit the three models' 2 a minute; the 7th has no room anywhere
        for (int i = 0; i < 7; i++) {
            LiveRouter.Decision d = live.route(new LiveRequest("chat", 100, 0, null, null, t0 + i * 1000L, null));
            served.merge(d.model(), 1, Integer::sum);
            if (d.rateLimited()) {
                limited++;
                assertTrue(!d.model().equals(d.routedModel()));
            }
            assertEquals(i == 6, d.overLimit(), "request " + i);
            if (d.overLimit()) {
                assertEquals(d.routedModel(), d.model(), "over the limit, the routed model serves it");
            }
        }
        for (String m : List.of("mini", "mid", "max")) {
            int n = served.getOrDefault(m, 0);
            assertTrue(n >= 2 && n <= 3, m + " served " + n + " (" + served + ")");
        }
        assertEquals(limited, live.rateLimitedRequests());
        assertEquals(1, live.overLimitRequests());
        // a new minute has room again
        LiveRouter.Decision next = live.route(new LiveRequest("chat", 100, 0, null, null, t0 + MINUTE, null));
        assertFalse(next.rateLimited());
        assertFalse(next.overLimit());
        assertEquals(next.routedModel(), next.model());
    }

    @Test
    void theTokenLimitCountsInputAndTheCategorysMeanOutput() throws Exception {
        // every model: 4,000 tokens a minute, no request limit, falling back round the pool
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(),
                new Catalog("c", List.of(model("mini", new RateLimit(0, 4_000, "mid", "")),
                        model("mid", new RateLimit(0, 4_000, "max", "")), model("max", new RateLimit(0, 4_000, "mini", "")))),
                "slarouter").withCalibrationFraction(0).withVolume(Scenario.Volume.requests(2000))
                .withScaling(Scenario.Scaling.exact());
        RoutingConfig config = RoutingConfigs.export(scenario, null, null, Instant.EPOCH);
        double[] out = config.meanOutputTokens()[config.categories().indexOf("chat")];
        double shortest = Math.min(out[0], Math.min(out[1], out[2]));
        double longest = Math.max(out[0], Math.max(out[1], out[2]));
        LiveRouter live = LiveRouter.builder(config).coldStart().build();
        long t0 = 1_780_000_000_000L / MINUTE * MINUTE;
        // input plus any model's mean output fits 4,000 tokens: served as routed
        LiveRouter.Decision fits = live.route(new LiveRequest("chat", (int) Math.floor(4_000 - longest), 0, null, null, t0, null));
        assertFalse(fits.rateLimited() || fits.overLimit());
        // next minute, input plus every model's mean output is over 4,000 tokens: no model has room
        LiveRouter.Decision none = live.route(new LiveRequest("chat", (int) Math.floor(4_000 - shortest) + 1, 0, null, null,
                t0 + MINUTE, null));
        assertTrue(none.overLimit());
        assertEquals(none.routedModel(), none.model());
    }
}
