package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate --judge-error-rate/--judge-cost}: the cascade's judge is set on the command line and paid. */
class JudgeFlagsTest {

    private static JsonNode simulate(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("simulate", "--json"));
        args.addAll(CliFixture.sampleArgs());
        args.addAll(List.of("--router", "cascade", "--param", "chain=all", "--model", "gpt-5.4-nano,gpt-5.5", "--requests", "20000",
                "--seed", "5", "--threads", "1"));
        args.addAll(List.of(extra));
        return Json.mapper().readTree(CliFixture.output(args.toArray(String[]::new)));
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
