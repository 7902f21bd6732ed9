package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The JSON contracts of {@code recommend}, {@code negotiate} and {@code budget}, on the bundled sample at a small volume. */
class PlanCommandsTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SwitchyardCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    static Path sampleDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("sample-data/manifest.json"))) {
                return dir.resolve("sample-data");
            }
        }
        throw new IllegalStateException("no sample-data above " + Path.of("").toAbsolutePath());
    }

    private static List<String> args(String command, String... more) {
        Path s = sampleDir();
        List<String> a = new ArrayList<>(List.of(command, "--json", "--traffic", s.resolve("traffic/support-desk.csv").toString(),
                "--prices", s.resolve("prices/list-2026-06.json").toString(), "--catalog", s.resolve("catalog.json").toString(),
                "--monthly-volume", "30000", "--months", "2", "--routers", "best-fixed,cheapest,cheapest-meeting-target,random-mix"));
        a.addAll(List.of(more));
        return a;
    }

    private static void pointFields(JsonNode p) {
        for (String f : List.of("router", "params", "monthlySpend", "costPer1000", "meanSatisfaction", "breachProbability")) {
            assertTrue(p.has(f), "missing " + f + " in " + p);
        }
        assertTrue(p.get("monthlySpend").isNumber() && p.get("params").isObject());
    }

    @Test
    void recommendJsonHasTheContractFields() throws Exception {
        Run r = run(args("recommend", "--target", "0.85", "--tier-target", "gold=0.85"));
        assertEquals(0, r.exit(), r.err());
        JsonNode root = Json.mapper().readTree(r.out());
        pointFields(root.get("recommended"));
        assertTrue(root.get("candidates").size() == 4);
        for (JsonNode c : root.get("candidates")) {
            pointFields(c);
            assertTrue(c.get("meetsSla").isBoolean());
            if (!c.get("meetsSla").asBoolean()) {
                assertTrue(c.get("reason").asText().length() > 10, c.toString());
            }
        }
        assertTrue(root.get("ceiling").asDouble() >= root.get("recommended").get("meanSatisfaction").asDouble());
        // the recommendation is the cheapest candidate that keeps the promise
        double cheapestMeeting = Double.MAX_VALUE;
        for (JsonNode c : root.get("candidates")) {
            if (c.get("meetsSla").asBoolean()) {
                cheapestMeeting = Math.min(cheapestMeeting, c.get("monthlySpend").asDouble());
            }
        }
        assertEquals(cheapestMeeting, root.get("recommended").get("monthlySpend").asDouble(), 1e-9);
        assertTrue(root.get("recommended").get("tiers").size() == 3);
    }

    @Test
    void negotiateJsonHasTheContractFields() throws Exception {
        Run r = run(args("negotiate", "--targets", "0.80,0.85,0.90"));
        assertEquals(0, r.exit(), r.err());
        JsonNode root = Json.mapper().readTree(r.out());
        assertEquals(12, root.get("points").size());
        for (JsonNode p : root.get("points")) {
            pointFields(p);
            assertTrue(p.has("target"));
        }
        assertTrue(root.get("marginalCostPerPoint").isObject());
        assertTrue(root.get("seconds").isNumber());
        assertEquals(3, root.get("floor").size());
        assertTrue(root.get("floor").get(0).get("bound").asBoolean() && !root.get("floor").get(0).has("breachProbability"));
    }

    @Test
    void budgetJsonHasTheContractFields() throws Exception {
        Run r = run(args("budget", "--monthly-budget", "100"));
        assertEquals(0, r.exit(), r.err());
        JsonNode root = Json.mapper().readTree(r.out());
        for (String f : List.of("maxTarget", "router", "monthlySpend", "breachProbability")) {
            assertTrue(root.has(f), "missing " + f);
        }
        assertTrue(root.get("monthlySpend").asDouble() <= 100);
    }

    @Test
    void timelineFlagsAreParsedAndBadOnesNamed() throws Exception {
        Run ok = run(args("recommend", "--target", "0.85", "--price-change", "openai=-30%@month2", "--model-leaves", "gpt-5.5@2"));
        assertEquals(0, ok.exit(), ok.err());
        JsonNode events = Json.mapper().readTree(ok.out()).get("events");
        assertEquals(2, events.size(), events.toString());
        assertEquals("price-change", events.get(0).get("kind").asText());
        assertEquals("model-leaves", events.get(1).get("kind").asText());
        assertEquals(2, events.get(1).get("fromMonth").asInt());
        Run bad = run(args("recommend", "--target", "0.85", "--price-change", "openai-30"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--price-change 'openai-30'"), bad.err());
        Run tier = run(args("recommend", "--target", "0.85", "--tier-target", "platinum=0.9"));
        assertEquals(2, tier.exit());
        assertTrue(tier.err().contains("platinum"), tier.err());
    }
}
