package dev.switchyard.engine.pricing.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceTier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceImporterTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        URL url = PriceImporterTest.class.getResource(name);
        return Path.of(url.toURI());
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private ImportException fails(String name, String content) throws Exception {
        Path p = write(name, content);
        ImportException e = assertThrows(ImportException.class, () -> PriceImporter.importFile(p));
        assertEquals(name, e.location().file(), e.getMessage());
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        return e;
    }

    @Test
    void liteLlmPricesPer1MCachedBatchesAndLongContextTiers() throws Exception {
        PriceImport imp = PriceImporter.importWithNotes(fixture("model_prices_and_context_window.json"), LocalDate.of(2026, 6, 1));
        PriceSheet sheet = imp.sheet();
        assertEquals(PriceFormat.LITELLM_JSON, imp.format());
        assertEquals("model_prices_and_context_window", sheet.name());
        assertEquals("LiteLLM model_prices_and_context_window.json", sheet.source());
        assertEquals(LocalDate.of(2026, 6, 1), sheet.retrievedOn());
        assertEquals(List.of("gpt-4o", "gemini-2.5-pro", "qwen-plus", "claude-haiku-4-5"), List.copyOf(sheet.prices().keySet()));
        ModelPrice gpt = sheet.prices().get("gpt-4o");
        assertEquals(2.5, gpt.inputPer1M());
        assertEquals(10.0, gpt.outputPer1M());
        assertEquals(1.25, gpt.cachedInputPer1M());
        assertEquals(1.25, gpt.batchInputPer1M());
        assertEquals(5.0, gpt.batchOutputPer1M());
        ModelPrice gemini = sheet.prices().get("gemini-2.5-pro");
        assertEquals(List.of(new PriceTier(200_000, 2.5, 15.0, 0.625)), gemini.tiers());
        assertEquals(0.31, gemini.cachedInputPer1M());
        ModelPrice qwen = sheet.prices().get("qwen-plus");
        assertEquals(0.4, qwen.inputPer1M(), "the tier starting at 0 is the base price");
        assertEquals(1.2, qwen.outputPer1M());
        assertEquals(List.of(new PriceTier(128_000, 1.2, 3.6, null), new PriceTier(256_000, 2.4, 7.2, null)), qwen.tiers());
        assertTrue(imp.notes().stream().anyMatch(n -> n.contains("sample_spec")));
        assertTrue(imp.notes().stream().anyMatch(n -> n.contains("embedding=1") && n.contains("image_generation=1")), imp.notes().toString());
        assertTrue(imp.notes().stream().anyMatch(n -> n.contains("free-chat-without-prices")), "an unpriced chat model is named, not free");
    }

    @Test
    void liteLlmRetrievalDateDefaultsToTheFileDate() throws Exception {
        Path p = write("litellm.json", "{\"m\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6}}");
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-03-04T10:00:00Z")));
        assertEquals(LocalDate.of(2026, 3, 4), PriceImporter.importFile(p).retrievedOn());
    }

    @Test
    void liteLlmBadValuesAreLocated() throws Exception {
        ImportException e = fails("neg.json", "{\n  \"a\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},\n"
                + "  \"b\": {\"input_cost_per_token\": -1e-6, \"output_cost_per_token\": 2e-6}\n}");
        assertEquals(3, e.location().line());
        assertEquals("b.input_cost_per_token", e.location().field());
        assertTrue(e.getMessage().contains("negative"));
        e = fails("type.json", "{\"a\": {\"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 2e-6}}");
        assertEquals("a.input_cost_per_token", e.location().field());
        assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
        e = fails("nan.json", "{\"a\": {\"input_cost_per_token\": NaN, \"output_cost_per_token\": 2e-6}}");
        assertEquals(1, e.location().line());
        e = fails("dup.json", "{\"a\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6},\n"
                + "\"a\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6}}");
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
        e = fails("tiers.json", "{\"a\": {\"tiered_pricing\": [{\"range\": [\"x\", 5]}]}}");
        assertEquals("a.tiered_pricing[0].range", e.location().field());
    }

    @Test
    void openRouterStringPricesPerTokenAndVariablePricesSkipped() throws Exception {
        PriceImport imp = PriceImporter.importWithNotes(fixture("openrouter_models.json"), LocalDate.of(2026, 6, 2));
        PriceSheet s = imp.sheet();
        assertEquals(PriceFormat.OPENROUTER_JSON, imp.format());
        assertEquals(3, s.prices().size());
        ModelPrice mini = s.prices().get("openai/gpt-4o-mini");
        assertEquals(0.15, mini.inputPer1M());
        assertEquals(0.6, mini.outputPer1M());
        assertEquals(0.075, mini.cachedInputPer1M());
        assertEquals(0.005, s.prices().get("perplexity/sonar").requestFee());
        assertNull(s.prices().get("perplexity/sonar").cachedInputPer1M());
        assertTrue(imp.notes().get(0).contains("openrouter/auto"), imp.notes().toString());
    }

    @Test
    void openRouterBadPricesAreLocated() throws Exception {
        ImportException e = fails("or.json", "{\"data\":[\n{\"id\":\"a\",\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}},\n"
                + "{\"id\":\"b\",\"pricing\":{\"prompt\":\"abc\",\"completion\":\"0.2\"}}]}");
        assertEquals(3, e.location().line());
        assertEquals("data[1] (b).pricing.prompt", e.location().field());
        e = fails("or2.json", "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":\"-0.5\",\"completion\":\"0.2\"}}]}");
        assertTrue(e.getMessage().contains("negative"));
        e = fails("or3.json", "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":\"0\",\"completion\":\"0\"}},"
                + "{\"id\":\"a\",\"pricing\":{\"prompt\":\"0\",\"completion\":\"0\"}}]}");
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = fails("or4.json", "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":true,\"completion\":\"0\"}}]}");
        assertTrue(e.getMessage().contains("boolean"), e.getMessage());
        e = fails("or5.json", "{\"data\":[{\"id\":\"a\",\"pricing\":{\"prompt\":\"1e999999999\",\"completion\":\"0\"}}]}");
        assertTrue(e.getMessage().contains("out of range") || e.getMessage().contains("not a"), e.getMessage());
    }

    @Test
    void simpleCsv() throws Exception {
        PriceImport imp = PriceImporter.importWithNotes(fixture("prices.csv"), LocalDate.of(2026, 6, 1));
        PriceSheet s = imp.sheet();
        assertEquals(PriceFormat.SIMPLE_CSV, imp.format());
        assertEquals(LocalDate.of(2026, 6, 1), s.effectiveFrom());
        assertEquals(0.5, s.prices().get("gpt-5.5").cachedInputPer1M());
        assertNull(s.prices().get("gemini-2.5-flash").cachedInputPer1M(), "blank cached price = none, not 0");
        assertEquals(2.5, s.prices().get("gemini-2.5-flash").outputPer1M());
        assertTrue(s.source().contains("OpenAI pricing page"));
    }

    @Test
    void simpleCsvReadsOtherSpellingsOfPerMillion() throws Exception {
        Path p = write("mtok.csv", "Model,Input_per_MTok,output_usd_per_1m,cached_input_per_million\nm-a,0.6,0.9,0.15\nm-b,10,30,\n");
        PriceSheet s = PriceImporter.importFile(p);
        assertEquals(0.6, s.prices().get("m-a").inputPer1M());
        assertEquals(0.9, s.prices().get("m-a").outputPer1M());
        assertEquals(0.15, s.prices().get("m-a").cachedInputPer1M());
        assertEquals(30.0, s.prices().get("m-b").outputPer1M());
        assertNull(s.prices().get("m-b").cachedInputPer1M());
        // another unit is never taken for USD per 1M: the column is ignored and the required one is missing
        ImportException e = fails("per1k.csv", "model,input_per_1k,output_per_1m\na,0.001,0.002\n");
        assertEquals("input_per_1m", e.location().field(), e.getMessage());
        assertTrue(e.getMessage().contains("input_per_1k"), e.getMessage());
    }

    @Test
    void simpleCsvErrorsAreLocated() throws Exception {
        String h = "model,input_per_1m,output_per_1m,cached_input_per_1m\n";
        ImportException e = fails("blank.csv", h + "a,1,,\n");
        assertEquals(2, e.location().line());
        assertEquals(5, e.location().column());
        assertEquals("output_per_1m", e.location().field());
        e = fails("neg.csv", h + "a,1,2,-3\n");
        assertEquals("cached_input_per_1m", e.location().field());
        e = fails("nan.csv", h + "a,NaN,2,\n");
        assertEquals("input_per_1m", e.location().field());
        e = fails("dup.csv", h + "a,1,2,\nb,1,2,\na,1,2,\n");
        assertEquals(4, e.location().line());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = fails("nomodel.csv", "name,input_per_1m\nx,1\n");
        assertEquals("model", e.location().field());
        e = fails("dates.csv", "model,input_per_1m,output_per_1m,effective_from\na,1,2,2026-01-01\nb,1,2,2026-02-01\n");
        assertEquals(3, e.location().line());
    }

    @Test
    void nativeJsonIsDelegated() throws Exception {
        PriceImport imp = PriceImporter.importWithNotes(fixture("native_prices.json"), null);
        assertEquals(PriceFormat.NATIVE_JSON, imp.format());
        assertEquals("list-2026-06", imp.sheet().name());
        assertEquals(1, imp.sheet().prices().get("gemini-2.5-pro").tiers().size());
    }

    @Test
    void jsonBombsAreLocatedImportErrors() throws Exception {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        ImportException e = fails("deep.json", deep);
        assertTrue(e.getMessage().toLowerCase().contains("depth") || e.getMessage().toLowerCase().contains("nesting"), e.getMessage());
        assertEquals(1, e.location().line(), e.getMessage());
        e = fails("bignum.json", "{\"a\": {\"input_cost_per_token\": 1" + "0".repeat(2000) + ", \"output_cost_per_token\": 1}}");
        assertTrue(e.location().line() >= 1, e.getMessage());
        e = fails("trailing.json", "{\"a\": {}} {\"b\": 1}");
        assertTrue(e.getMessage().length() > 10);
        e = fails("array.json", "[1,2,3]");
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }
}
