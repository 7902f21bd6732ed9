package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a router set to aim at 91% to keep a 90% contract. The routing configuration and the HTML report keep both
 * numbers for what they are: the contract's target is what is promised, the aim is what the router serves with.
 */
class AppliedAimTest {
    @TempDir
    Path dir;

    static Scenario contract() {
        PriceSheet sheet = new PriceSheet("Vendor list", "2026-06", "provider pages", LocalDate.of(2026, 6, 15),
                LocalDate.of(2026, 6, 1), "USD", Map.of("mini", ModelPrice.flat("mini", 0.1, 0.4),
                "mid", ModelPrice.flat("mid", 1, 4), "max", ModelPrice.flat("max", 10, 40)));
        return Scenario.of(LiveRouterRoundTripTest.traffic(), sheet, null, "slarouter").withTarget(0.90).withCalibrationFraction(0)
                .withVolume(new Scenario.Volume(20_000, 0, 2, true)).withScaling(Scenario.Scaling.exact()).withReplications(2);
    }

    @Test
    void routingConfigStatesTheContractAndTheAimAndServesAtTheAim() throws Exception {
        Scenario aimed = contract().withTarget(0.91);
        SimulationResult r = Simulator.standard().run(aimed);
        RoutingConfig c = RoutingConfigs.export(aimed, r, "plan.switchyard", Instant.parse("2026-12-01T00:00:00Z"))
                .withContractTarget(0.90);
        Path file = dir.resolve("config.json");
        RoutingConfigJson.write(c, file);
        JsonNode sla = Json.mapper().readTree(Files.readString(file)).get("sla");
        assertEquals(0.90, sla.get("target").asDouble(), 0);
        assertEquals(0.91, sla.get("aim").asDouble(), 0);
        RoutingConfig back = RoutingConfigJson.read(file);
        assertEquals(0.90, back.sla().target(), 0);
        assertEquals(0.91, back.sla().routerTarget(), 0);
        // the live router serves at the aim: its decisions equal those of a configuration exported at 91% without one
        RoutingConfig plain = RoutingConfigs.export(aimed, r, "plan.switchyard", Instant.parse("2026-12-01T00:00:00Z"));
        assertNull(plain.sla().aim());
        assertEquals(0.91, plain.sla().routerTarget(), 0);
        LiveRouter a = LiveRouter.load(file);
        Path plainFile = dir.resolve("plain.json");
        RoutingConfigJson.write(plain, plainFile);
        LiveRouter b = LiveRouter.load(plainFile);
        for (int i = 0; i < 200; i++) {
            LiveRequest q = new LiveRequest(new String[] {"math", "code", "chat", "legal"}[i % 4], 500 + 10 * i, 0, null, null, 1_000L * i, "p" + i);
            assertEquals(b.route(q).model(), a.route(q).model(), "request " + i);
        }
        // no aim given, or the same target: no aim field
        assertNull(plain.withContractTarget(Double.NaN).sla().aim());
        assertNull(plain.withContractTarget(0.91).sla().aim());
        assertTrue(LiteLlmConfig.render(c, r, aimed.catalog()).contains("the router aims at 0.91"));
    }

    @Test
    void reportStatesTheNinetyPercentContractAndTheNinetyOnePercentAim() throws Exception {
        Scenario aimed = contract().withTarget(0.91);
        SimulationResult r = Simulator.standard().run(aimed);
        String html = HtmlReport.render(contract(), r, "plan.switchyard", Instant.parse("2026-12-01T00:00:00Z"));
        assertTrue(html.contains("SLA target (the contract)"), "contract named");
        assertTrue(html.contains("90.0% of requests satisfy the user (the contract)"), "the 90% contract");
        assertTrue(html.contains("Router&#39;s aim") || html.contains("Router's aim"), "the aim named");
        assertTrue(html.contains("set to aim at 91.0%, above the 90.0% contract"), "the 91% aim");
        assertFalse(html.contains("91.0% of requests satisfy the user"), "91% is not called the target");
        // without an aim the report reads as before
        String plain = HtmlReport.render(contract(), Simulator.standard().run(contract()), "plan.switchyard",
                Instant.parse("2026-12-01T00:00:00Z"));
        assertFalse(plain.contains("the contract)"));
        assertTrue(plain.contains("90.0% of requests satisfy the user"));
    }
}
