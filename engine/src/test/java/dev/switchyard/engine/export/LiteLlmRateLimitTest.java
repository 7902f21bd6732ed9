package dev.switchyard.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LiteLLM export carries the catalog's per-minute limits as each deployment's {@code rpm} / {@code tpm} and leads
 * each model's fallbacks with its declared rate-limit chain; checked on the YAML as a real parser reads it, against
 * the catalog's own figures.
 */
class LiteLlmRateLimitTest {
    /** mini: both limits, falls back to mid; mid: no limits at all; max: a token limit only, falls back to mini. */
    private static final Map<String, RateLimit> LIMITS = Map.of(
            "mini", new RateLimit(600, 90_000, "mid", "tier-2 account page"),
            "max", new RateLimit(0, 40_000, "mini", "contract"));

    private static Catalog catalog() {
        List<ModelInfo> models = new ArrayList<>();
        for (String id : List.of("mini", "mid", "max")) {
            models.add(ModelInfo.ofId(id).withRateLimit(LIMITS.get(id)));
        }
        return new Catalog("team", models);
    }

    private static Scenario scenario() {
        return Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), catalog(), "slarouter")
                .withTarget(0.8).withCalibrationFraction(0.3).withVolume(Scenario.Volume.requests(8000))
                .withScaling(Scenario.Scaling.exact());
    }

    @Test
    void everyDeploymentCarriesItsModelsCatalogLimitsAndNoneWhereTheCatalogHasNone() throws Exception {
        Scenario s = scenario();
        SimulationResult r = Simulator.standard().withThreads(1).run(s);
        RoutingConfig config = RoutingConfigs.export(s, r, null, Instant.EPOCH);
        String overall = LiteLlmConfig.render(config, r.modelShare(), catalog());
        String tagged = LiteLlmConfig.render(config, r, catalog());
        assertTrue(tagged.contains("tags:"), "the per-category form is covered too:\n" + tagged);
        for (String yaml : List.of(overall, tagged)) {
            JsonNode doc = new YAMLMapper().readTree(yaml);
            Map<String, Integer> deployments = new HashMap<>();
            for (JsonNode d : doc.get("model_list")) {
                JsonNode params = d.get("litellm_params");
                String model = params.get("model").asText(); // no provider in the catalog: the LiteLLM name is the id
                deployments.merge(model, 1, Integer::sum);
                RateLimit limit = LIMITS.get(model);
                if (limit == null) {
                    assertFalse(params.has("rpm") || params.has("tpm"), "no limit in the catalog, no key: " + d);
                    continue;
                }
                assertEquals(limit.requestsPerMinute() > 0, params.has("rpm"), "rpm only where the catalog sets one: " + d);
                if (params.has("rpm")) {
                    assertTrue(params.get("rpm").isIntegralNumber(), "rpm is a number: " + d);
                    assertEquals(limit.requestsPerMinute(), params.get("rpm").asLong(), d.toString());
                }
                assertTrue(params.get("tpm").isIntegralNumber(), "tpm is a number: " + d);
                assertEquals(limit.tokensPerMinute(), params.get("tpm").asLong(), d.toString());
            }
            assertEquals(3, deployments.size(), "all three models are deployed: " + deployments);
            assertTrue(deployments.values().stream().allMatch(n -> n >= 2), "under the group and under its own id");

            Map<String, List<String>> fallbacks = new HashMap<>();
            for (JsonNode entry : doc.get("router_settings").get("fallbacks")) {
                entry.fields().forEachRemaining(e -> {
                    List<String> to = new ArrayList<>();
                    e.getValue().forEach(n -> to.add(n.asText()));
                    fallbacks.put(e.getKey(), to);
                });
            }
            // the declared chain as the simulation follows it, then the dearer models not yet listed
            assertEquals(List.of("mid", "max"), fallbacks.get("mini"), "mini -> mid (declared; mid declares none), then max");
            assertEquals(List.of("max"), fallbacks.get("mid"), "no limit: dearer models only");
            assertEquals(List.of("mini", "mid"), fallbacks.get("max"), "max -> mini -> mid, the declared chain");
            assertTrue(yaml.contains("# What is lost"));
            assertTrue(yaml.contains("rpm / tpm on a deployment are the catalog's per-minute limits"), yaml);
        }
    }

    @Test
    void withoutLimitsNothingIsAddedAndFallbacksAreTheDearerModels() throws Exception {
        Catalog plain = new Catalog("team", List.of(ModelInfo.ofId("mini"), ModelInfo.ofId("mid"), ModelInfo.ofId("max")));
        Scenario s = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), plain, "slarouter")
                .withTarget(0.8).withCalibrationFraction(0.3).withVolume(Scenario.Volume.requests(8000))
                .withScaling(Scenario.Scaling.exact());
        SimulationResult r = Simulator.standard().withThreads(1).run(s);
        String yaml = LiteLlmConfig.render(RoutingConfigs.export(s, r, null, Instant.EPOCH), r, plain);
        JsonNode doc = new YAMLMapper().readTree(yaml);
        for (JsonNode d : doc.get("model_list")) {
            assertFalse(d.get("litellm_params").has("rpm") || d.get("litellm_params").has("tpm"), d.toString());
        }
        assertFalse(yaml.contains("rpm / tpm"), "no note on limits that are not there");
        JsonNode fallbacks = doc.get("router_settings").get("fallbacks");
        assertEquals(3, fallbacks.size(), "the group, mini and mid; max, the dearest, has none: " + fallbacks);
        assertEquals("[\"mid\",\"max\"]", fallbacks.get(1).get("mini").toString());
        assertEquals("[\"max\"]", fallbacks.get(2).get("mid").toString());
    }
}
