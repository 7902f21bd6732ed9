package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.sim.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A routing config priced at 1e305 per 1M tokens is refused with the file and field (issue 13, item 8). */
class ConfigPriceBoundTest {
    @TempDir
    Path dir;

    @Test
    void absurdPriceInAConfigIsALocatedError() throws Exception {
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, "slarouter")
                .withCalibrationFraction(0).withVolume(Scenario.Volume.requests(2000)).withScaling(Scenario.Scaling.exact());
        String json = new String(RoutingConfigJson.toBytes(RoutingConfigs.export(scenario, null, null, Instant.EPOCH)),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("\"inputPer1M\" : 10.0"), "the 'max' model's price is in the config");
        Path bad = dir.resolve("plan.json");
        Files.writeString(bad, json.replace("\"inputPer1M\" : 10.0", "\"inputPer1M\" : 1.0E305"));
        ImportException e = assertThrows(ImportException.class, () -> RoutingConfigJson.read(bad));
        assertEquals("plan.json", e.location().file());
        assertTrue(e.getMessage().contains("at most 10000 USD per 1M tokens"), e.getMessage());
        assertTrue(e.location().field() != null && e.location().field().contains("price"), String.valueOf(e.location()));
        assertFalse(e.getMessage().matches("(?s).*(java\\.|com\\.fasterxml|dev\\.switchyard).*"), e.getMessage());
    }
}
