package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.sample.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate --judge-error-rate/--judge-cost}: the cascade's judge is set on the command line and paid. */
class JudgeFlagsTest {

    private static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(SampleData.DIR_NAME).resolve("manifest.json"))) {
                return d.resolve(SampleData.DIR_NAME);
            }
        }
        throw new IllegalStateException("no sample-data");
    }

    private static JsonNode simulate(String... extra) throws Exception {
        Path s = samples();
        List<String> args = new ArrayList<>(List.of("simulate", "--json", "--traffic", s.resolve("traffic/support-desk.csv").toString(),
                "--prices", s.resolve("prices/list-2026-06.json").toString(), "--catalog", s.resolve("catalog.json").toString(),
                "--router", "cascade", "--param", "chain=all", "--model", "gpt-5.4-nano,gpt-5.5", "--requests", "20000",
                "--seed", "5", "--threads", "1"));
        args.addAll(List.of(extra));
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, SwitchyardCli.run(args.toArray(String[]::new)));
        } finally {
            System.setOut(out);
        }
        return Json.mapper().readTree(o.toString(StandardCharsets.UTF_8));
    }

    @Test
    void judgeCostFlagIsPaidOncePerJudgedRequest() throws Exception {
        JsonNode free = simulate("--judge-cost", "0", "--judge-error-rate", "0.2");
        JsonNode paid = simulate("--judge-cost", "0.01", "--judge-error-rate", "0.2");
        // two models, chain "all": the cheaper one is judged on every request, the dearer never
        assertEquals(0.01 * 20_000, paid.get("totalCost").asDouble() - free.get("totalCost").asDouble(), 1e-6);
        JsonNode perfect = simulate("--judge-cost", "0", "--judge-error-rate", "0");
        org.junit.jupiter.api.Assertions.assertNotEquals(free.get("modelShare"), perfect.get("modelShare"), "the error rate changes the routes");
    }
}
