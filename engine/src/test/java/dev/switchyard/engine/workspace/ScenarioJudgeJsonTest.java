package dev.switchyard.engine.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SyntheticWorkload;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;

/** The judge is a stored scenario setting; a scenario saved before it existed keeps its cascade's error rate. */
class ScenarioJudgeJsonTest {

    @Test
    void judgeRoundTripsAndOldCascadeParameterMovesIntoIt() throws Exception {
        TrafficSample t = SyntheticWorkload.sample(200, 4, 3);
        Scenario s = Scenario.of(t, SyntheticWorkload.prices(4), Catalog.empty(), "cascade")
                .withJudge(new Scenario.Judge(0.2, 0.0015));
        Scenario back = ScenarioJson.fromJson(ScenarioJson.toJson(s), t, Catalog.empty(), SyntheticWorkload.prices(4));
        assertEquals(s.judge(), back.judge());

        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ScenarioJson.toJson(s));
        tree.remove("judge");
        tree.putObject("routerParameters").put("judgeError", "0.3").put("chain", "all");
        String old = Json.mapper().writeValueAsString(tree);
        Scenario migrated = ScenarioJson.fromJson(old, t, Catalog.empty(), SyntheticWorkload.prices(4));
        assertEquals(new Scenario.Judge(0.3, Double.NaN), migrated.judge());
        assertFalse(migrated.routerParameters().values().containsKey("judgeError"));
        assertEquals("all", migrated.routerParameters().values().get("chain"));
    }
}
