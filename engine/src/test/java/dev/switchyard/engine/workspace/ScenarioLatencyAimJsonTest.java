package dev.switchyard.engine.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SyntheticWorkload;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workspace keeps a scenario's latency term and the router's own aim (issues 14 and 9); older files read as before. */
class ScenarioLatencyAimJsonTest {
    private final TrafficSample t = SyntheticWorkload.sample(200, 4, 3);

    private Scenario scenario() {
        return Scenario.of(t, SyntheticWorkload.prices(4), Catalog.empty(), "slarouter").withTarget(0.90);
    }

    @Test
    void latencyTermAndAimRoundTrip() {
        LatencyTarget l = new LatencyTarget(LatencyTarget.Metric.TOTAL, 2300, 0.99, Map.of("gold", 1800.0));
        Scenario s = scenario().withLatency(l);
        String json = ScenarioJson.toJson(s, 0.91);
        Scenario back = ScenarioJson.fromJson(json, t, Catalog.empty(), SyntheticWorkload.prices(4));
        assertEquals(l, back.latency());
        assertEquals(0.90, back.sla().target(), 0, "the contract target stays the scenario's target");
        assertEquals(0.91, ScenarioJson.aimOf(json), 0);
        assertEquals(s, back.withRouter(s.router(), s.routerParameters()), "nothing else changes");
        // tiers only
        LatencyTarget tiersOnly = new LatencyTarget(LatencyTarget.Metric.TTFT, Double.POSITIVE_INFINITY, 0.95, Map.of("gold", 900.0));
        assertEquals(tiersOnly, ScenarioJson.fromJson(ScenarioJson.toJson(scenario().withLatency(tiersOnly)), t, Catalog.empty(),
                SyntheticWorkload.prices(4)).latency());
    }

    @Test
    void noLatencyAndNoAimWriteNoFieldAndOldFilesRead() throws Exception {
        String json = ScenarioJson.toJson(scenario());
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(json);
        assertFalse(tree.has("latency"));
        assertFalse(tree.has("aim"));
        assertTrue(Double.isNaN(ScenarioJson.aimOf(json)));
        assertFalse(ScenarioJson.fromJson(json, t, Catalog.empty(), SyntheticWorkload.prices(4)).latency().isActive());
        // an aim equal to the target is no aim
        assertFalse(((ObjectNode) Json.mapper().readTree(ScenarioJson.toJson(scenario(), 0.90))).has("aim"));
    }

    @Test
    void badLatencyOrAimNamesTheField() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ScenarioJson.toJson(scenario().withLatency(LatencyTarget.of(2000, 0.95))));
        ((ObjectNode) tree.get("latency")).put("percentile", 1.5);
        String bad = Json.mapper().writeValueAsString(tree);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioJson.fromJson(bad, t, Catalog.empty(), SyntheticWorkload.prices(4)));
        assertTrue(e.getMessage().contains("latency"), e.getMessage());
        tree.remove("latency");
        tree.put("aim", "high");
        String badAim = Json.mapper().writeValueAsString(tree);
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.fromJson(badAim, t, Catalog.empty(),
                SyntheticWorkload.prices(4)));
        assertTrue(e.getMessage().contains("'aim'"), e.getMessage());
    }
}
