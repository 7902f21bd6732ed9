package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code inspect} and {@code --help} with files nobody on the project wrote (issue 13, item 10). */
class InspectRealFilesTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SwitchyardCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A RouterBench file with recorded costs, its model ids as long as real provider routes. */
    private Path recordedCostTraffic(String longModel) throws Exception {
        Path p = dir.resolve("rb.csv");
        Files.writeString(p, "sample_id,prompt,eval_name,small," + longModel + ",small|total_cost," + longModel + "|total_cost\n"
                + "q1,p,mmlu,1,0,0.001,0.002\nq2,p2,a-category-name-that-is-longer-than-forty-characters,0,1,0.001,0.002\n");
        return p;
    }

    @Test
    void anUnusedPriceSheetIsStillCheckedAndSaidToBeUnused() throws Exception {
        Path traffic = recordedCostTraffic("big");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "model,input_per_1m,output_per_1m\nsmall,abc,1\n");
        Run bad = run("inspect", "--traffic", traffic.toString(), "--prices", broken.toString());
        assertEquals(2, bad.exit(), bad.out());
        assertTrue(bad.err().contains("broken.csv") && bad.err().contains("line 2"), bad.err());

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "model,input_per_1m,output_per_1m\nsmall,1,2\n");
        Run ok = run("inspect", "--traffic", traffic.toString(), "--prices", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("so the price sheet good.csv is not used"), ok.out());
        Run json = run("inspect", "--json", "--traffic", traffic.toString(), "--prices", good.toString());
        JsonNode j = Json.mapper().readTree(json.out());
        assertFalse(j.get("priceSheetUsed").asBoolean());
        assertTrue(j.get("notes").toString().contains("is not used"), j.get("notes").toString());
    }

    @Test
    void longModelIdsKeepTheTableAligned() throws Exception {
        String longId = "together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1-with-a-very-long-suffix";
        Run r = run("inspect", "--traffic", recordedCostTraffic(longId).toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model ")).findFirst().orElseThrow());
        int scoreEnd = lines.get(header).indexOf("mean score") + "mean score".length();
        for (String row : lines.subList(header + 1, header + 3)) {
            assertEquals(' ', row.charAt(scoreEnd), "column boundary in: " + row);
            assertTrue(Character.isDigit(row.charAt(scoreEnd - 1)), "score ends under its header in: " + row);
            assertEquals(lines.get(header).length(), row.length(), row);
        }
        List<String> categories = lines.stream().filter(l -> l.endsWith(" queries")).toList();
        assertEquals(2, categories.size());
        assertEquals(categories.get(0).length(), categories.get(1).length(), categories.toString());
    }

    @Test
    void commandSummariesInHelpAreWholeSentences() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"workspace", "--help"})) {
            Run r = run(args);
            Map<String, String> summaries = new LinkedHashMap<>();
            String current = null;
            boolean inCommands = false;
            for (String line : r.out().lines().toList()) {
                if (line.startsWith("Commands:")) {
                    inCommands = true;
                } else if (inCommands && line.matches("  \\S.*")) {
                    String[] parts = line.strip().split("\\s+", 2);
                    current = parts[0];
                    summaries.put(current, parts.length > 1 ? parts[1] : "");
                } else if (inCommands && current != null && line.startsWith("    ")) {
                    summaries.put(current, summaries.get(current) + " " + line.strip());
                }
            }
            assertFalse(summaries.isEmpty(), r.out());
            List<String> cut = new ArrayList<>();
            summaries.forEach((name, text) -> {
                if (!text.endsWith(".")) {
                    cut.add(name + ": " + text);
                }
            });
            assertTrue(cut.isEmpty(), "summaries cut mid-sentence: " + cut);
        }
    }
}
