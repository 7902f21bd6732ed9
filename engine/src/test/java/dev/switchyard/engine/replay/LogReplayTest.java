package dev.switchyard.engine.replay;

import dev.switchyard.engine.export.CapturedRun;
import dev.switchyard.engine.export.LiveRequest;
import dev.switchyard.engine.export.LiveRouter;
import dev.switchyard.engine.export.LiveRouterRoundTripTestAccess;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shadow replay of each log preset's fixture through an exported SLARouter configuration, and the located errors. */
class LogReplayTest {
    static RoutingConfig config;

    @TempDir
    Path dir;

    @BeforeAll
    static void exportAConfiguration() throws Exception {
        Scenario s = Scenario.of(LiveRouterRoundTripTestAccess.traffic(), LiveRouterRoundTripTestAccess.prices(), null, "slarouter")
                .withVolume(Scenario.Volume.requests(5000)).withScaling(Scenario.Scaling.exact()).withCalibrationFraction(0)
                .withSeed(4);
        PreparedScenario p = PreparedScenario.of(s);
        CapturedRun run = CapturedRun.simulate(s, p, 1, RunControl.NONE);
        config = run.config(s, p, null, Instant.EPOCH);
        assertNotNull(config.simulation());
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(LogReplayTest.class.getResource(name).toURI());
    }

    private static double sum(Map<String, Double> shares) {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void usageLogWithAColumnMapping() throws Exception {
        Map<String, String> cols = Map.of("model", "llm", "category", "route");
        ReplayReport r = LogReplay.run(config, fixture("usage-log.csv"), LogFormat.named("auto", fixture("usage-log.csv"), cols),
                null, true);
        assertEquals("usage-log", r.format());
        assertEquals(8, r.requests());
        assertEquals(1.0, sum(r.modelShare()), 1e-12);
        assertEquals(3.0 / 8, r.recordedModelShare().get("mini"), 1e-12);
        assertEquals(0.00024 + 0.0246 + 0.0009 + 0.0045 + 0.000047 + 0.042 + 0.00019 + 0.0024, r.recordedCostUsd(), 1e-12);
        assertEquals(4, r.perCategory().size());
        assertEquals(List.of("acme", "globex"), r.perTenant().stream().map(ReplayReport.Slice::name).toList());
        assertEquals(5, r.perTenant().get(0).requests());
        assertNotNull(r.satisfaction(), "the feedback column gives a satisfaction estimate");
        assertEquals(8, r.satisfaction().observedAnswers());
    }

    @Test
    void litellmSpendLogs() throws Exception {
        Path log = fixture("litellm-spend-logs.csv");
        ReplayReport r = LogReplay.run(config, log, LogFormat.named("auto", log, Map.of()), null, true);
        assertEquals("litellm", r.format());
        assertEquals(6, r.requests());
        assertEquals(1, r.failedRequests());
        assertEquals(2.0 / 6, r.recordedModelShare().get("max"), 1e-12, "openai/max resolves to max");
        assertEquals(0.00024 + 0.0246 + 0.0009 + 0.0 + 0.000047 + 0.042, r.recordedCostUsd(), 1e-12);
        assertEquals(2, r.perCategory().stream().filter(s -> s.name().equals("math")).findFirst().orElseThrow().requests());
        assertNull(r.satisfaction(), "no outcome column, no satisfaction claim");
    }

    @Test
    void langfuseObservationsWithAnIndependentCostCheck() throws Exception {
        Path log = fixture("langfuse-observations.csv");
        ReplayReport r = LogReplay.run(config, log, LogFormat.named("langfuse", log, Map.of()), "chat", false);
        assertEquals(5, r.requests());
        assertEquals(5, r.rowsWithoutCategory());
        assertEquals(5, r.perCategory().get(0).requests());
        // without feedback the router learns nothing from the log: a fresh router given the same requests decides the same,
        // and the expected cost is input at list price plus the category's mean output tokens at list price
        LiveRouter fresh = LiveRouter.builder(config).coldStart().build();
        int[][] rows = {{1200, 0}, {800, 200}, {300, 0}, {2500, 0}, {150, 0}};
        double expected = 0;
        int c = config.categories().indexOf("chat");
        for (int[] row : rows) {
            LiveRouter.Decision d = fresh.route(new LiveRequest("chat", row[0], row[1], null, null, 0, null));
            ModelPrice p = config.models().get(d.modelIndex()).price();
            expected += (row[0] * p.inputPer1M() + config.meanOutputTokens()[c][d.modelIndex()] * p.outputPer1M()) / 1e6;
        }
        assertEquals(expected, r.expectedCostUsd(), 1e-12);
    }

    @Test
    void heliconeExport() throws Exception {
        Path log = fixture("helicone-export.csv");
        ReplayReport r = LogReplay.run(config, log, LogFormat.named("auto", log, Map.of()), null, true);
        assertEquals("helicone", r.format());
        assertEquals(4, r.requests());
        assertEquals(1, r.failedRequests());
        assertEquals(List.of("chat", "code", "legal", "math"),
                r.perCategory().stream().map(ReplayReport.Slice::name).sorted().toList(), "request_properties categories");
        assertEquals("What is 17 times 23?", LogReplay.prompt(
                "{\"messages\": [{\"role\": \"system\", \"content\": \"x\"}, {\"role\": \"user\", \"content\": \"What is 17 times 23?\"}]}"));
    }

    private ImportException fails(String fixture, String format, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path bad = dir.resolve("bad-" + fixture);
        Files.writeString(bad, edit.apply(Files.readString(fixture(fixture))));
        return assertThrows(ImportException.class, () -> LogReplay.run(config, bad, LogFormat.named(format, bad, Map.of()), null,
                true));
    }

    @Test
    void aMissingOrRenamedColumnIsALocatedError() throws Exception {
        ImportException e = fails("litellm-spend-logs.csv", "litellm", t -> t.replaceFirst(",spend,", ",cost_total,"));
        assertEquals("bad-litellm-spend-logs.csv", e.location().file());
        assertEquals(1, e.location().line());
        assertTrue(e.getMessage().contains("'spend'") && e.getMessage().contains("missing"), e.getMessage());
        ImportException h = fails("helicone-export.csv", "helicone", t -> t.replaceFirst("prompt_tokens", "input_tokens"));
        assertTrue(h.getMessage().contains("prompt_tokens"), h.getMessage());
    }

    @Test
    void anUnknownModelIsALocatedError() throws Exception {
        ImportException e = fails("langfuse-observations.csv", "langfuse", t -> t.replace(",mid,\"{\"\"input\"\": 300", ",gpt-9,\"{\"\"input\"\": 300"));
        assertEquals(4, e.location().line());
        String line4 = Files.readAllLines(dir.resolve("bad-langfuse-observations.csv")).get(3);
        assertEquals(line4.indexOf("gpt-9") + 1, e.location().column(), "the column of the model cell");
        assertEquals("model", e.location().field());
        assertTrue(e.getMessage().contains("gpt-9") && e.getMessage().contains("pool"), e.getMessage());
    }

    @Test
    void aBadTimestampIsALocatedError() throws Exception {
        ImportException e = fails("helicone-export.csv", "helicone", t -> t.replace("2026-05-04T09:01:00.000Z", "yesterday noon"));
        assertEquals(4, e.location().line());
        assertEquals("request_created_at", e.location().field());
        assertTrue(e.getMessage().contains("yesterday noon"), e.getMessage());
    }

    @Test
    void timestampsInTheFormsLogsWrite() {
        long t = Instant.parse("2026-05-04T09:00:00Z").toEpochMilli();
        assertEquals(t, LogReplay.parseTime("2026-05-04T09:00:00Z"));
        assertEquals(t, LogReplay.parseTime("2026-05-04 09:00:00"));
        assertEquals(t + 120, LogReplay.parseTime("2026-05-04 09:00:00.120000"));
        assertEquals(t, LogReplay.parseTime("2026-05-04T11:00:00+02:00"));
        assertEquals(t, LogReplay.parseTime("2026-05-04 09:00:00 UTC"));
        assertEquals(t, LogReplay.parseTime(Long.toString(t / 1000)));
        assertEquals(t, LogReplay.parseTime(Long.toString(t)));
    }
}
