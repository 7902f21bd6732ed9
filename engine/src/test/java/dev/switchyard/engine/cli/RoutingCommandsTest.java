package dev.switchyard.engine.cli;

import static dev.switchyard.engine.cli.CliFixture.picocli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.cli.CliFixture.Run;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.traffic.importer.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingCommandsTest {

    @TempDir
    Path dir;

    private Path prices() throws Exception {
        Path prices = dir.resolve("prices.csv");
        Files.writeString(prices, """
                model,input_per_1m,output_per_1m,cached_input_per_1m,request_fee,effective_from,source
                gpt-4-1106-preview,10,30,,0,2023-11-06,list prices
                mistralai/Mixtral-8x7B-Instruct-v0.1,0.6,0.6,,0,2023-11-06,list prices
                """);
        return prices;
    }

    private static List<String> mmluFiles() throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.routeLlm().resolve("mmlu"))) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().limit(12).forEach(p -> files.add(p.toString()));
        }
        return files;
    }

    @Test
    void simulateJsonHasTheContractFields() throws Exception {
        List<String> args = new ArrayList<>(List.of("simulate", "--json", "--router", "slarouter", "--target", "0.75",
                "--feedback-rate", "0.2", "--requests", "50000", "--seed", "7", "--replications", "2", "--prices", prices().toString(),
                "--traffic"));
        args.addAll(mmluFiles());
        Run r = picocli(args);
        assertEquals(0, r.exit(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        for (String field : List.of("router", "target", "requests", "meanSatisfaction", "costPerRequest", "totalCost",
                "savingsVsBestFixed", "cumulativeCompliant", "windowCompliance", "modelShare", "reconstructed")) {
            assertTrue(j.has(field), "missing " + field + " in " + r.out().substring(0, 400));
        }
        assertEquals("slarouter", j.get("router").asText());
        assertEquals(0.75, j.get("target").asDouble());
        assertEquals(50_000, j.get("requests").asLong());
        assertTrue(j.get("reconstructed").asBoolean());
        assertTrue(j.get("cumulativeCompliant").isBoolean());
        double share = 0;
        for (JsonNode v : j.get("modelShare")) {
            share += v.asDouble();
        }
        assertEquals(1.0, share, 1e-9);
        assertEquals(j.get("totalCost").asDouble() / 50_000, j.get("costPerRequest").asDouble(), 1e-12);
        assertEquals(7, j.get("seed").asLong());
        assertTrue(j.get("engineVersion").asText().length() > 0);
    }

    @Test
    void simulateTextSaysWhenTheRouterKeepsNoEstimateOfItsOwn() throws Exception {
        for (String router : List.of("cascade", "slarouter")) {
            List<String> args = new ArrayList<>(List.of("simulate", "--router", router, "--requests", "20000", "--prices",
                    prices().toString(), "--traffic"));
            args.addAll(mmluFiles());
            Run r = picocli(args);
            assertEquals(0, r.exit(), r.err());
            assertFalse(r.out().contains("NaN"), r.out());
            // the cascade keeps no running estimate of its satisfaction; SLARouter does
            assertEquals(router.equals("cascade"), r.out().contains("router's own estimate n/a"), r.out());
        }
    }

    @Test
    void simulateRejectsUnknownRoutersAndMissingPrices() throws Exception {
        List<String> args = new ArrayList<>(List.of("simulate", "--router", "slarouterr", "--prices", prices().toString(), "--traffic"));
        args.addAll(mmluFiles());
        Run bad = picocli(args);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("slarouter"), bad.err());
        List<String> noPrices = new ArrayList<>(List.of("simulate", "--router", "cheapest", "--traffic"));
        noPrices.addAll(mmluFiles());
        Run np = picocli(noPrices);
        assertEquals(2, np.exit());
        assertTrue(np.err().contains("--prices"), np.err());
    }

    @Test
    void sweepWritesOneCsvRowPerGridPoint() throws Exception {
        Path out = dir.resolve("sweep.csv");
        List<String> args = new ArrayList<>(List.of("sweep", "--routers", "slarouter,random-mix,sla-oracle", "--targets", "0.7,0.75",
                "--feedback-rates", "1,0.2", "--requests", "20000", "--replications", "2", "--out", out.toString(), "--prices",
                prices().toString(), "--traffic"));
        args.addAll(mmluFiles());
        Run r = picocli(args);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(SweepCommand.CSV_HEADER, lines.get(0));
        assertEquals(1 + 3 * 2 * 2, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",sla-oracle,") && l.contains(",true,")));
        Path json = dir.resolve("sweep.json");
        args.set(args.indexOf(out.toString()), json.toString());
        assertEquals(0, picocli(args).exit());
        JsonNode j = Json.mapper().readTree(json.toFile());
        assertEquals(12, j.get("points").size());
        assertEquals(6, j.get("targetResponse").size());
    }

    @Test
    void benchJsonHasTheContractShape() throws Exception {
        Run r = picocli(List.of("bench", "--json", "--requests", "200000", "--sample-queries", "2000", "--no-sweep", "--only", "slarouter",
                "--iterations", "2"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode first = j.get("results").get(0);
        assertEquals("slarouter", first.get("router").asText());
        assertEquals("category", first.get("predictor").asText());
        assertEquals(12, first.get("models").asInt());
        assertTrue(first.get("requestsPerSecondPerCore").asLong() > 10_000);
        // measured in a JVM of its own (decision 1005): the median of the iterations, inside their range
        assertEquals("fork", first.get("isolation").asText());
        assertEquals(2, first.get("iterations").asInt());
        assertTrue(first.get("requestsPerSecondPerCoreMin").asLong() <= first.get("requestsPerSecondPerCore").asLong());
        assertTrue(first.get("requestsPerSecondPerCore").asLong() <= first.get("requestsPerSecondPerCoreMax").asLong());
    }
}
