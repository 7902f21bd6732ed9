package dev.switchyard.engine.cli;

import static dev.switchyard.engine.cli.CliFixture.picocli;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class InspectCommandTest {

    @TempDir
    Path dir;

    private Path routerBenchPrices() throws Exception {
        Path prices = dir.resolve("prices.csv");
        Files.writeString(prices, """
                model,input_per_1m,output_per_1m,cached_input_per_1m,request_fee,effective_from,source
                gpt-4-1106-preview,10,30,,0,2023-11-06,RouterBench list prices
                mistralai/Mixtral-8x7B-Instruct-v0.1,0.6,0.6,,0,2023-11-06,RouterBench list prices
                """);
        return prices;
    }

    @Test
    void jsonSummaryOfTheRealMmluFilesHasTheContractFields() throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--json", "--prices", routerBenchPrices().toString(), "--traffic"));
        try (Stream<Path> files = Files.list(SharedData.routeLlm().resolve("mmlu"))) {
            files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(p -> args.add(p.toString()));
        }
        Run r = picocli(args);
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(14_042, json.get("queries").asInt());
        assertEquals(0, json.get("skippedRows").asInt());
        assertEquals(2, json.get("models").size());
        JsonNode mixtral = json.get("models").get(0);
        assertEquals("mistralai/Mixtral-8x7B-Instruct-v0.1", mixtral.get("id").asText());
        assertEquals(0.68, mixtral.get("meanScore").asDouble(), 0.015);
        assertTrue(mixtral.get("meanCost").asDouble() > 0);
        assertEquals("gpt-4-1106-preview", json.get("bestFixed").get("id").asText());
        assertEquals(0.81, json.get("bestFixed").get("meanScore").asDouble(), 0.015);
        JsonNode oracle = json.get("oracle");
        assertTrue(oracle.get("meanScore").asDouble() > json.get("bestFixed").get("meanScore").asDouble());
        assertTrue(oracle.get("meanCost").asDouble() < json.get("bestFixed").get("meanCost").asDouble());
        assertEquals(57, json.get("categories").size());
        int total = 0;
        for (JsonNode c : json.get("categories")) {
            assertTrue(c.get("name").asText().startsWith("mmlu"));
            total += c.get("queries").asInt();
        }
        assertEquals(14_042, total);
    }

    @Test
    void trafficWithoutCostsAndWithoutPricesIsAClearError() throws Exception {
        Path gsm8k = SharedData.routeLlm().resolve("gsm8k").resolve("gsm8k_responses.csv");
        Run r = picocli(List.of("inspect", "--traffic", gsm8k.toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--prices"), r.err());
    }

    @Test
    void unpricedModelIsNamedWithCloseMatches() throws Exception {
        Path prices = dir.resolve("partial.csv");
        Files.writeString(prices, """
                model,input_per_1m,output_per_1m,cached_input_per_1m,request_fee,effective_from,source
                gpt-4-1106-previw,10,30,,0,2023-11-06,typo
                mistralai/Mixtral-8x7B-Instruct-v0.1,0.6,0.6,,0,2023-11-06,list
                """);
        Path gsm8k = SharedData.routeLlm().resolve("gsm8k").resolve("gsm8k_responses.csv");
        Run r = picocli(List.of("inspect", "--traffic", gsm8k.toString(), "--prices", prices.toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("gpt-4-1106-preview") && r.err().contains("gpt-4-1106-previw"), r.err());
    }

    @Test
    void malformedTrafficIsLocated() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "query_id,category,model,score,input_tokens,output_tokens,cost_usd,latency_ms\n"
                + "q1,chat,a,0.5,10,10,0.1,100\nq1,chat,b,oops,10,10,0.1,100\n");
        Run r = picocli(List.of("inspect", "--traffic", bad.toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("line 3"), r.err());
    }
}
