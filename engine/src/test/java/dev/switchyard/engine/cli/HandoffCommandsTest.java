package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sample.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.switchyard.engine.cli.CliFixture.run;
import static dev.switchyard.engine.cli.CliFixture.sampleArgs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff contract, end to end through the CLI: for every deployable router, {@code simulate
 * --export-config} then {@code replay --traffic} on the same traffic and seed gives the
 * simulation's {@code modelShare} bit for bit, although replay rebuilds the router from the file
 * alone (no calibration split, no catalog); oracles are refused with the reason.
 */
class HandoffCommandsTest {
    @TempDir
    Path dir;

    @Test
    void everyExportableRouterReplaysToTheSimulationsModelShareBitForBit() throws Exception {
        Path traffic = SampleData.locate().resolve("traffic/support-desk.csv");
        List<String> checked = new ArrayList<>();
        for (RouterDescriptor d : Routers.standard().available()) {
            if (d.isBound()) {
                continue;
            }
            String r = d.name();
            Path cfg = dir.resolve(r + ".json");
            List<String> sim = new ArrayList<>(List.of("simulate", "--json", "--router", r, "--target", "0.9", "--requests", "6000",
                    "--seed", "11", "--threads", "1", "--export-config", cfg.toString()));
            sim.addAll(sampleArgs());
            if (r.equals("proteus")) {
                sim.addAll(List.of("--param", "iterations=300", "--param", "hiddenUnits=8"));
            }
            String[] s = run(sim.toArray(String[]::new));
            assertEquals("0", s[0], r + ": " + s[2]);
            String[] p = run("replay", "--json", "--config", cfg.toString(), "--traffic", traffic.toString(), "--requests", "6000",
                    "--seed", "11", "--threads", "1");
            assertEquals("0", p[0], r + ": " + p[2]);
            JsonNode a = Json.mapper().readTree(s[1]).get("modelShare");
            JsonNode b = Json.mapper().readTree(p[1]).get("modelShare");
            assertEquals(a, b, r + ": replayed decisions differ from the simulation's");
            checked.add(r);

            RoutingConfig config = RoutingConfigJson.read(cfg);
            assertNotNull(config.simulation(), r);
            if (r.equals("messplus")) { // SLARouter's warm state: to be rebuilt for the window controller
                assertNotNull(config.warmState(), r + " carries its learned state");
            } else if (d.role() != RouterDescriptor.Role.ONLINE) {
                assertNotNull(config.initialState(), r + " carries what it was trained to");
            }
        }
        assertTrue(checked.containsAll(List.of("slarouter", "messplus", "proteus", "threshold", "omnirouter", "cascade",
                "best-fixed", "cheapest", "cheapest-meeting-target", "random-mix")), "all deployable routers: " + checked);
    }

    @Test
    void aWarmReplayStartsFromTheLearnedStateAndSoDecidesDifferently() throws Exception {
        Path traffic = SampleData.locate().resolve("traffic/support-desk.csv");
        Path cfg = dir.resolve("sla.json");
        List<String> sim = new ArrayList<>(List.of("simulate", "--json", "--router", "messplus", "--requests", "6000", "--seed", "3",
                "--threads", "1", "--export-config", cfg.toString()));
        sim.addAll(sampleArgs());
        String[] s = run(sim.toArray(String[]::new));
        assertEquals("0", s[0], s[2]);
        String[] cold = run("replay", "--json", "--config", cfg.toString(), "--traffic", traffic.toString(), "--requests", "6000",
                "--threads", "1");
        String[] warm = run("replay", "--json", "--warm", "--config", cfg.toString(), "--traffic", traffic.toString(),
                "--requests", "6000", "--threads", "1");
        assertEquals("0", warm[0], warm[2]);
        JsonNode c = Json.mapper().readTree(cold[1]);
        JsonNode w = Json.mapper().readTree(warm[1]);
        assertEquals(Json.mapper().readTree(s[1]).get("modelShare"), c.get("modelShare"), "default seed: the simulation's");
        assertTrue(w.get("warmStart").asBoolean());
        assertTrue(w.get("explorationShare").asDouble() < c.get("explorationShare").asDouble(),
                "a warm router is past its exploration phase: " + w.get("explorationShare") + " vs " + c.get("explorationShare"));
    }

    @Test
    void oraclesAreRefusedWithTheReason() {
        for (String oracle : List.of("oracle", "sla-oracle")) {
            List<String> sim = new ArrayList<>(List.of("simulate", "--router", oracle, "--requests", "2000", "--threads", "1",
                    "--export-config", dir.resolve(oracle + ".json").toString()));
            sim.addAll(sampleArgs());
            String[] s = run(sim.toArray(String[]::new));
            assertNotEquals("0", s[0]);
            assertTrue(s[2].contains("hindsight bound") && s[2].contains("true quality"), s[2]);
            assertTrue(!dir.resolve(oracle + ".json").toFile().exists(), "nothing written for " + oracle);
        }
    }

    @Test
    void replayLogPrintsTheReportAndLocatesErrors() throws Exception {
        dev.switchyard.engine.sim.Scenario sc = dev.switchyard.engine.sim.Scenario.of(
                dev.switchyard.engine.export.LiveRouterRoundTripTestAccess.traffic(),
                dev.switchyard.engine.export.LiveRouterRoundTripTestAccess.prices(), null, "slarouter")
                .withVolume(dev.switchyard.engine.sim.Scenario.Volume.requests(3000))
                .withScaling(dev.switchyard.engine.sim.Scenario.Scaling.exact()).withCalibrationFraction(0);
        Path cfg = dir.resolve("synthetic.json");
        RoutingConfigJson.write(dev.switchyard.engine.export.RoutingConfigs.export(sc, null, null, java.time.Instant.EPOCH), cfg);
        Path log = Path.of(getClass().getResource("/dev/switchyard/engine/replay/litellm-spend-logs.csv").toURI());
        String[] ok = run("replay", "--json", "--config", cfg.toString(), "--log", log.toString());
        assertEquals("0", ok[0], ok[2]);
        JsonNode r = Json.mapper().readTree(ok[1]);
        assertEquals(6, r.get("requests").asInt());
        assertEquals("litellm", r.get("format").asText());
        assertTrue(r.has("modelShare") && r.has("expectedCostUsd") && r.has("recordedCostUsd") && r.has("perCategory"));
        String[] text = run("replay", "--config", cfg.toString(), "--log", log.toString());
        assertTrue(text[1].contains("shadow replay of litellm-spend-logs.csv"), text[1]);

        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, java.nio.file.Files.readString(log).replace("2026-05-04 09:01:00.000000", "soon"));
        String[] err = run("replay", "--config", cfg.toString(), "--log", bad.toString(), "--format", "litellm");
        assertEquals("2", err[0]);
        assertTrue(err[2].contains("bad.csv, line 4, column") && err[2].contains("soon"), err[2]);
        String[] neither = run("replay", "--config", cfg.toString());
        assertEquals("2", neither[0]);
    }

    @Test
    void aVersionOneConfigurationStillLoadsForOnlineRouters() throws Exception {
        dev.switchyard.engine.sim.Scenario sc = dev.switchyard.engine.sim.Scenario.of(
                dev.switchyard.engine.export.LiveRouterRoundTripTestAccess.traffic(),
                dev.switchyard.engine.export.LiveRouterRoundTripTestAccess.prices(), null, "slarouter")
                .withVolume(dev.switchyard.engine.sim.Scenario.Volume.requests(3000))
                .withScaling(dev.switchyard.engine.sim.Scenario.Scaling.exact()).withCalibrationFraction(0);
        JsonNode doc = Json.mapper().readTree(RoutingConfigJson.toBytes(
                dev.switchyard.engine.export.RoutingConfigs.export(sc, null, null, java.time.Instant.EPOCH)));
        com.fasterxml.jackson.databind.node.ObjectNode v1 = (com.fasterxml.jackson.databind.node.ObjectNode) doc;
        v1.put("schemaVersion", 1);
        v1.remove(List.of("simulation", "initialState", "warmState"));
        Path f = dir.resolve("v1.json");
        java.nio.file.Files.write(f, Json.mapper().writeValueAsBytes(v1));
        assertEquals("slarouter", dev.switchyard.engine.export.LiveRouter.load(f).config().router().name());
        String[] replay = run("replay", "--config", f.toString(), "--traffic",
                SampleData.locate().resolve("traffic/support-desk.csv").toString());
        assertEquals("2", replay[0]);
        assertTrue(replay[2].contains("export it again"), replay[2]);
    }
}
