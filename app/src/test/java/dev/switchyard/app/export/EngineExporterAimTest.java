package dev.switchyard.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.engine.io.Json;

/**
 * Issue 9: with the planner's aim applied (aim at 82% to keep an 80% contract), File > Export writes a routing
 * configuration and a report that state the 80% contract and the 82% aim, each for what it is (real engine, tiny fixture).
 */
class EngineExporterAimTest {
    private static final EnginePlanner PLANNER = new EnginePlanner();
    private static final ProgressSink SINK = new ProgressSink() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Test
    void configAndReportStateTheContractAndTheAim(@TempDir Path dir) throws Exception {
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, PLANNER, TaskRunner.sameThread(), Debouncer.immediate());
        scenario.autoRunProperty().set(false);
        scenario.monthlyVolumeProperty().set(20_000);
        scenario.horizonMonthsProperty().set(2);
        scenario.replicationsProperty().set(1);
        session.set(Fixtures.dataSet());
        scenario.targetProperty().set(0.80);
        ScenarioSettings s = scenario.settings().withAim(0.82);
        EngineExporter exporter = new EngineExporter(PLANNER);

        Path config = dir.resolve("routing-config.json");
        exporter.write(Artefact.ROUTING_CONFIG, session.get(), s, null, "plan.switchyard", config, SINK);
        JsonNode sla = Json.mapper().readTree(Files.readString(config)).get("sla");
        assertEquals(0.80, sla.get("target").asDouble(), 1e-12, "the contract");
        assertEquals(0.82, sla.get("aim").asDouble(), 1e-12, "the router's aim");

        Path report = dir.resolve("report.html");
        exporter.write(Artefact.REPORT, session.get(), s, null, "plan.switchyard", report, SINK);
        String html = Files.readString(report);
        assertTrue(html.contains("80.0% of requests satisfy the user (the contract)"), "the 80% contract");
        assertTrue(html.contains("set to aim at 82.0%, above the 80.0% contract"), "the 82% aim");
        assertFalse(html.contains("82.0% of requests satisfy the user"), "the aim is not called the target");
    }
}
