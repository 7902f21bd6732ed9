package dev.switchyard.engine.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Workspace save -> open -> the same scenario and the same numbers when re-run. */
class RerunRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void storedScenarioAndRunReproduceTheSameNumbers() throws Exception {
        PriceSheet prices = PriceSheet.of("list", List.of(ModelPrice.flat("small", 0.1, 0.4), ModelPrice.flat("medium", 1, 4),
                ModelPrice.flat("large", 5, 20)));
        Scenario scenario = Scenario.of(TestTraffic.sample("bench", 1500, 21, false), prices, null, "slarouter")
                .withRouter("slarouter", RouterParameters.of("V", "20"))
                .withTarget(0.6)
                .withVolume(Scenario.Volume.requests(30_000))
                .withScaling(Scenario.Scaling.exact())
                .withReplications(3)
                .withSeed(1234);
        SimulationResult first = Simulator.standard().run(scenario);
        Path file = dir.resolve("plan.switchyard");
        long runId;
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(scenario);
            runId = w.recordSimulation(scenario, first, "baseline").id();
        }
        try (Workspace w = Workspace.open(file)) {
            Scenario loaded = w.loadScenario(scenario.name());
            SimulationResult again = Simulator.standard().run(loaded);
            assertSameNumbers(first, again);

            RunRecord run = w.run(runId).orElseThrow();
            assertEquals(1234, run.seed());
            assertEquals(EngineInfo.version(), run.engineVersion());
            SimulationResult fromSnapshot = Simulator.standard().withThreads(2).run(w.scenarioOf(run));
            assertSameNumbers(first, fromSnapshot);
            JsonNode stored = Json.mapper().readTree(run.resultJson());
            assertEquals(first.totalCost().mean(), stored.path("totalCost").path("mean").asDouble(), 0.0);
            assertEquals(first.meanSatisfaction().p10(), stored.path("meanSatisfaction").path("p10").asDouble(), 0.0);
        }
    }

    private static void assertSameNumbers(SimulationResult a, SimulationResult b) {
        assertEquals(a.totalCost(), b.totalCost());
        assertEquals(a.meanSatisfaction(), b.meanSatisfaction());
        assertEquals(a.windowCompliance(), b.windowCompliance());
        assertEquals(a.modelShare(), b.modelShare());
        assertEquals(a.learnedState().scalars(), b.learnedState().scalars());
    }
}
