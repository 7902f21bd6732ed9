package dev.switchyard.engine.pricing.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenRouter long-context prices in {@code pricing.overrides} (issue 13, item 2). */
public class OpenRouterOverridesTest {
    /** Shaped like the real snapshot: gemini-2.5-pro doubles above 200k, gpt-5.5 above 272k. */
    public static final String MODELS = """
            {"data":[
             {"id":"google/gemini-2.5-pro","name":"Google: Gemini 2.5 Pro","context_length":1048576,
              "pricing":{"prompt":"0.00000125","completion":"0.00001","request":"0","image":"0.00516",
                "input_cache_read":"0.00000031","internal_reasoning":"0",
                "overrides":[{"min_prompt_tokens":200000,"prompt":"0.0000025","completion":"0.000015","input_cache_read":"0.000000625"}]}},
             {"id":"openai/gpt-5.5","name":"OpenAI: GPT-5.5","context_length":1050000,
              "pricing":{"prompt":"0.000005","completion":"0.00003","input_cache_read":"0.0000005","web_search":"0.01",
                "overrides":[{"min_prompt_tokens":272000,"prompt":"0.00001"}]}},
             {"id":"x/happy-hour","pricing":{"prompt":"0.000001","completion":"0.000002",
                "overrides":[{"utc_start":"2026-01-01T00:00:00Z","utc_end":"2026-01-02T00:00:00Z","prompt":"0"}]}}
            ]}
            """;

    @TempDir
    Path tmp;

    private PriceImport load(String text) throws Exception {
        Path p = tmp.resolve("models.json");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return PriceImporter.importWithNotes(p, LocalDate.of(2026, 6, 1));
    }

    @Test
    void aLongPromptIsBilledWhollyAtTheTierPrice() throws Exception {
        PriceImport imp = load(MODELS);
        ModelPrice gemini = imp.sheet().prices().get("google/gemini-2.5-pro");
        assertEquals(1, gemini.tiers().size());
        // 300k prompt, 1k output: the whole prompt at 2.5 per 1M, output at 15 per 1M.
        assertEquals(300_000 * 2.5e-6 + 1000 * 15e-6, gemini.cost(300_000, 0, 1000), 1e-12);
        assertEquals(100_000 * 1.25e-6 + 1000 * 10e-6, gemini.cost(100_000, 0, 1000), 1e-12);
        // min_prompt_tokens is inclusive: 200,000 tokens already pay the tier
        assertEquals(200_000 * 2.5e-6, gemini.cost(200_000, 0, 0), 1e-12);
        assertEquals(199_999 * 1.25e-6, gemini.cost(199_999, 0, 0), 1e-12);
        assertEquals(0.625, gemini.tiers().get(0).cachedInputPer1M(), 1e-12);
    }

    @Test
    void anOverrideWithoutACompletionPriceKeepsTheBaseOne() throws Exception {
        ModelPrice gpt = load(MODELS).sheet().prices().get("openai/gpt-5.5");
        assertEquals(10.0, gpt.tiers().get(0).inputPer1M(), 1e-12);
        assertEquals(30.0, gpt.tiers().get(0).outputPer1M(), 1e-12);
        assertEquals(0.5, gpt.tiers().get(0).cachedInputPer1M(), 1e-12);
        assertEquals(300_000 * 10e-6, gpt.cost(300_000, 0, 0), 1e-12);
    }

    @Test
    void theReportNamesThePriceFieldsNotUnderstood() throws Exception {
        PriceImport imp = load(MODELS);
        String note = imp.notes().stream().filter(n -> n.contains("not understood")).findFirst().orElseThrow();
        assertTrue(note.contains("pricing.image (1 model: google/gemini-2.5-pro)"), note);
        assertTrue(note.contains("pricing.web_search"), note);
        assertTrue(note.contains("utc_start"), note);
        assertFalse(note.contains("internal_reasoning"), "a zero price charges nothing: " + note);
        assertTrue(imp.sheet().prices().get("x/happy-hour").tiers().isEmpty());
    }

    @Test
    void badOverridesAreLocated() throws Exception {
        Path p = tmp.resolve("bad.json");
        Files.writeString(p, "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\","
                + "\"overrides\":[{\"min_prompt_tokens\":-5,\"prompt\":\"0.000002\"}]}}]}");
        ImportException e = assertThrows(ImportException.class, () -> PriceImporter.importWithNotes(p, null));
        assertEquals("data[0] (a).pricing.overrides[0].min_prompt_tokens", e.location().field());
        Files.writeString(p, "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\","
                + "\"overrides\":[{\"min_prompt_tokens\":1000,\"prompt\":\"abc\"}]}}]}");
        e = assertThrows(ImportException.class, () -> PriceImporter.importWithNotes(p, null));
        assertEquals("data[0] (a).pricing.overrides[0].prompt", e.location().field());
    }

    @Test
    void liteLlmReportsItsPriceFieldsNotUnderstoodToo() throws Exception {
        PriceImport imp = load("{\"m\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":2e-6,"
                + "\"output_cost_per_reasoning_token\":3e-6,\"input_cost_per_token_above_200k_tokens\":2e-6,\"cache_creation_input_token_cost\":0}}");
        String note = imp.notes().stream().filter(n -> n.contains("not understood")).findFirst().orElseThrow();
        assertTrue(note.contains("output_cost_per_reasoning_token (1 model: m)"), note);
        assertFalse(note.contains("above_200k"), note);
        assertFalse(note.contains("cache_creation"), note);
    }
}
