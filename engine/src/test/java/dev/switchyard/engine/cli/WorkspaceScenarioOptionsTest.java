package dev.switchyard.engine.cli;

import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceScenarioOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        WorkspaceScenarioOptions workspace;

        @Override
        public void run() {
        }
    }

    @Test
    void mixinLoadsTheStoredScenarioAndStoresTheResult() throws Exception {
        Path ws = dir.resolve("w.switchyard");
        assertEquals(0, SwitchyardCli.run("workspace", "new", ws.toString(), "--sample"));
        Probe p = new Probe();
        new CommandLine(p).parseArgs("--workspace", ws.toString(), "--scenario", "support-desk", "--store-result");
        assertTrue(p.workspace.isSet());
        Scenario s = p.workspace.load().orElseThrow();
        assertEquals("support-desk", s.name());
        SimulationResult r = Simulator.standard().run(s.withVolume(Scenario.Volume.requests(20_000)));
        assertTrue(p.workspace.storeIfAsked(s, r, "cli").isPresent());
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(1, w.allRuns().size());
        }

        com.fasterxml.jackson.databind.JsonNode json = dev.switchyard.engine.io.Json.mapper().readTree(CliFixture.output("workspace",
                "simulate", ws.toString(), "--scenario", "support-desk", "--json", "--store", "--threads", "2"));
        assertEquals("slarouter", json.path("router").asText(), "same contract as simulate --json");
        assertEquals(42, json.path("seed").asLong());
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(2, w.allRuns().size());
        }

        Probe none = new Probe();
        new CommandLine(none).parseArgs();
        assertFalse(none.workspace.isSet());
        assertTrue(none.workspace.load().isEmpty());
        Probe missing = new Probe();
        new CommandLine(missing).parseArgs("--workspace", ws.toString(), "--scenario", "nope");
        assertThrows(WorkspaceException.class, () -> missing.workspace.load());
        Probe noName = new Probe();
        new CommandLine(noName).parseArgs("--workspace", ws.toString());
        assertThrows(IllegalArgumentException.class, () -> noName.workspace.load());
    }
}
