package dev.switchyard.engine.workspace;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioJsonTest {
    @TempDir
    Path dir;

    static Scenario scenario(TrafficSample sample) {
        PriceSheet prices = PriceSheet.of("list", List.of(ModelPrice.flat("small", 0.1, 0.4), ModelPrice.flat("medium", 1, 4),
                ModelPrice.flat("large", 5, 20)));
        Catalog catalog = new Catalog("team", List.of(new ModelInfo("small", "Small", "acme", "s", "small",
                List.of("acme/small-2026"), 128_000, 8_000, null, Map.of("math", 0.4), null, "test")));
        return Scenario.of(sample, prices, catalog, "slarouter")
                .withRouter("slarouter", RouterParameters.of("V", "0.5"))
                .withTarget(0.85)
                .withFeedback(Scenario.Feedback.oneSided(0.1).withDelay(20).withAssumedRate(0.15))
                .withVolume(new Scenario.Volume(250_000, 0.05, 3, false))
                .withMixShift(new Scenario.MixShift(0.5, Map.of("code", 2.0)))
                .withModelPool(List.of("small", "large"))
                .withSeed(7)
                .withReplications(3);
    }

    @Test
    void everySettingSurvivesTheRoundTrip() {
        TrafficSample sample = TestTraffic.sample("rt", 200, 3, false);
        Scenario s = scenario(sample);
        String json = ScenarioJson.toJson(s);
        Scenario back = ScenarioJson.fromJson(json, sample, s.catalog(), s.prices());
        assertEquals(json, ScenarioJson.toJson(back));
        assertEquals(s.sla(), back.sla());
        assertEquals(s.volume(), back.volume());
        assertEquals(s.mixShift(), back.mixShift());
        assertEquals(s.routerParameters(), back.routerParameters());
        assertEquals(s.feedback().assumedRate(), back.feedback().assumedRate());
        assertTrue(Double.isNaN(back.feedback().assumedFalseReportRate()), "NaN (= use the true value) survives as null");
        assertEquals(s.scaling(), back.scaling());
        assertEquals(List.of("small", "large"), back.pool());
    }

    @Test
    void strictReading() {
        TrafficSample sample = TestTraffic.sample("rt", 50, 3, false);
        Scenario s = scenario(sample);
        String json = ScenarioJson.toJson(s);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.fromJson(
                json.replace("\"seed\"", "\"sneaky\" : 1, \"seed\""), sample, s.catalog(), s.prices()));
        assertTrue(unknown.getMessage().contains("unknown field 'sneaky'"), unknown.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.fromJson(
                json.replace("\"target\"", "\"tarqet\" : 0.9, \"target\""), sample, s.catalog(), s.prices()));
        assertTrue(nested.getMessage().contains("'sla.tarqet'"), nested.getMessage());
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.fromJson(
                json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"), sample, s.catalog(), s.prices()));
        assertTrue(newer.getMessage().contains("newer Switchyard"), newer.getMessage());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> ScenarioJson.fromJson(
                json.replace("\"target\" : 0.85", "\"target\" : 1.5"), sample, s.catalog(), s.prices()));
        assertTrue(invalid.getMessage().contains("SLA target"), invalid.getMessage());
    }

    @Test
    void workspaceSaveOpenGivesTheSameScenario() throws Exception {
        TrafficSample sample = TestTraffic.sample("bench", 300, 5, true);
        Scenario s = scenario(sample);
        Path file = dir.resolve("s.switchyard");
        try (Workspace w = Workspace.create(file)) {
            ScenarioDocument doc = w.saveScenario(s);
            assertEquals(sample.sources().get(0), w.dataset(doc.inputs().trafficHash()).orElseThrow().originalFile());
        }
        try (Workspace w = Workspace.open(file)) {
            Scenario back = w.loadScenario(s.name());
            assertEquals(ScenarioJson.toJson(s), ScenarioJson.toJson(back));
            assertEquals(s.catalog(), back.catalog());
            assertEquals(s.prices().prices(), back.prices().prices());
            for (int q = 0; q < sample.size(); q++) {
                assertEquals(sample.record(q), back.sample().record(q));
            }
            WorkspaceException missing = assertThrows(WorkspaceException.class, () -> w.loadScenario("nope"));
            assertTrue(missing.getMessage().contains("it has [" + s.name() + "]"), missing.getMessage());
        }
    }

    @Test
    void recordedCostScenarioStoresNoPriceSheet() throws Exception {
        TrafficSample sample = TestTraffic.sample("costed", 100, 5, true); // has recorded costs
        Scenario s = Scenario.of(sample, null, null, "cheapest");
        try (Workspace w = Workspace.create(dir.resolve("c.switchyard"))) {
            ScenarioDocument doc = w.saveScenario(s);
            assertNull(doc.inputs().priceSheetHash());
            assertNull(doc.inputs().catalogHash());
            assertNull(w.loadScenario(s.name()).prices());
            RunRecord run = w.recordRun(RunRecord.pending(s.name(), doc.json(), doc.inputs(), 42, "test", "{}", null));
            assertNull(w.run(run.id()).orElseThrow().inputs().priceSheetHash(), "priced from recorded costs: no sheet");
        }
    }
}
