package dev.switchyard.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LiteLLM export parsed by a real YAML parser: tag-based per-category routing where the policy is category-level. */
class LiteLlmTagRoutingTest {
    private static Scenario scenario(String router, RouterParameters p) {
        return Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, router).withRouter(router, p)
                .withTarget(0.8).withCalibrationFraction(0.3).withVolume(Scenario.Volume.requests(8000))
                .withScaling(Scenario.Scaling.exact());
    }

    private static JsonNode yaml(Scenario s) throws Exception {
        SimulationResult r = Simulator.standard().withThreads(1).run(s);
        RoutingConfig c = RoutingConfigs.export(s, r, null, Instant.EPOCH);
        String text = LiteLlmConfig.render(c, r, Catalog.empty());
        return new YAMLMapper().readTree(text);
    }

    @Test
    void categoryLevelPolicyIsRoutedByTagWithEachCategorysMix() throws Exception {
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario("slarouter", RouterParameters.none()));
        RoutingConfig c = RoutingConfigs.export(scenario("slarouter", RouterParameters.none()), r, null, Instant.EPOCH);
        String text = LiteLlmConfig.render(c, r, Catalog.empty());
        JsonNode doc = new YAMLMapper().readTree(text);
        assertTrue(doc.get("router_settings").get("enable_tag_filtering").asBoolean(), text);
        Map<String, Double> weightByTag = new HashMap<>();
        Set<String> plainNames = new TreeSet<>();
        for (JsonNode d : doc.get("model_list")) {
            JsonNode params = d.get("litellm_params");
            if (params.has("tags")) {
                assertTrue(d.get("model_name").asText().startsWith("switchyard-"), "tagged deployments form the one group");
                weightByTag.merge(params.get("tags").get(0).asText(), params.get("weight").asDouble(), Double::sum);
            } else {
                plainNames.add(d.get("model_name").asText());
            }
        }
        assertEquals(new TreeSet<>(Set.of("math", "code", "chat", "legal", "default")), new TreeSet<>(weightByTag.keySet()));
        weightByTag.forEach((tag, w) -> assertEquals(1.0, w, 0.002, "weights of tag " + tag + " are that category's mix"));
        assertEquals(Set.of("mini", "mid", "max"), plainNames, "every model stays reachable by name");
        for (SimulationResult.CategoryStats cat : r.categories()) {
            for (JsonNode d : doc.get("model_list")) {
                JsonNode params = d.get("litellm_params");
                if (params.has("tags") && params.get("tags").get(0).asText().equals(cat.category())) {
                    String model = params.get("model").asText();
                    assertEquals(cat.modelShare().get(model), params.get("weight").asDouble(), 0.00006, cat.category() + "/" + model);
                }
            }
        }
        assertTrue(text.contains("# What is lost"));
    }

    @Test
    void aPerRequestPolicyGetsOverallWeightsAndSaysWhy() throws Exception {
        JsonNode doc = yaml(scenario("random-mix", RouterParameters.none()));
        assertFalse(doc.get("router_settings").has("enable_tag_filtering"));
        double weights = 0;
        for (JsonNode d : doc.get("model_list")) {
            assertFalse(d.get("litellm_params").has("tags"));
            weights += d.get("litellm_params").path("weight").asDouble(0);
        }
        assertEquals(1.0, weights, 0.002);
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario("threshold", RouterParameters.none()));
        String text = LiteLlmConfig.render(RoutingConfigs.export(scenario("threshold", RouterParameters.none()), r, null,
                Instant.EPOCH), r, Catalog.empty());
        new YAMLMapper().readTree(text);
        assertTrue(text.contains("# Per-category routing: not used, because Threshold decides per request"), text);
    }
}
