package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficImporterTest {
    private static final String GPT4 = "gpt-4-1106-preview";
    private static final String MIXTRAL = "mistralai/mixtral-8x7b-chat";

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static TrafficImport load(Path p) throws Exception {
        return TrafficImporter.importFile(p, ImportOptions.defaults());
    }

    private static Catalog catalog() {
        return new Catalog("team", List.of(
                new ModelInfo("gpt-4", "GPT-4", "openai", "", "", List.of(GPT4, "openai/gpt-4-1106-preview"), 0, 0, null, Map.of(), null, ""),
                new ModelInfo("mixtral-8x7b", "Mixtral", "mistral", "", "", List.of(MIXTRAL, "mistralai/Mixtral-8x7B-Instruct-v0.1"),
                        0, 0, null, Map.of(), null, "")));
    }

    // ------------------------------------------------------------------ RouterBench

    @Test
    void routerBenchWithIndexColumnListLiteralsGradedScoresAndEmptyCells() throws Exception {
        TrafficImport imp = load(Fixtures.of("routerbench.csv"));
        TrafficSample s = imp.sample();
        assertEquals(List.of(GPT4, MIXTRAL), s.models(), "index and oracle columns are not models");
        assertEquals(6, imp.report().rowsRead());
        assertEquals(5, s.size());
        assertEquals(1, imp.report().skippedRows().size());
        SkippedRow skipped = imp.report().skippedRows().get(0);
        assertEquals("routerbench.csv", skipped.file());
        assertEquals(4, skipped.line(), "the arc-challenge row starts on physical line 4");
        assertTrue(skipped.reason().contains(MIXTRAL), skipped.reason());

        assertEquals("mmlu.test.1", s.queryId(0));
        assertEquals("What is 2+2?\nA. 3\nB. 4\nAnswer:", s.prompt(0));
        assertEquals("Write a poem about the sea, with rhymes.\nNow make it shorter, it's too long.", s.prompt(1));
        assertEquals(0.75f, s.score(1, 0));
        assertEquals(0.5f, s.score(1, 1));
        assertEquals("He said \"hi\", it's late", s.prompt(2));
        assertEquals(0.25f, s.score(2, 0));
        assertEquals("A naïve café sells 3 crêpes — how many?\nExplain.", s.prompt(3));
        assertEquals("mtbench", s.categories().get(s.category(1)));
        assertTrue(s.hasRecordedCosts());
        assertEquals(0.0021f, s.recordedCost(1, 0));
        assertEquals(TokenEstimator.estimate(s.prompt(1)), s.inputTokens(1));
        assertEquals(TokenEstimator.estimate("Waves roll in,\nwaves roll out"), s.outputTokens(1, 1));
        // mmlu.test.2 has no GPT-4 response: the mean of GPT-4's mmlu outputs (only mmlu.test.1: "B" = 1 token).
        assertEquals("mmlu.test.2", s.queryId(4));
        assertEquals(1, s.outputTokens(4, 0));
    }

    @Test
    void routerBenchDropModelKeepsEveryRowAndReportsTheModel() throws Exception {
        TrafficImport imp = TrafficImporter.importFile(Fixtures.of("routerbench.csv"),
                ImportOptions.defaults().withMissingCells(MissingCellPolicy.DROP_MODEL));
        assertEquals(6, imp.sample().size());
        assertEquals(List.of(GPT4), imp.sample().models());
        assertEquals(List.of(MIXTRAL), imp.report().droppedModels());
        assertTrue(imp.report().skippedRows().isEmpty());
    }

    @Test
    void catalogAliasesBecomeCanonicalIds() throws Exception {
        TrafficImport imp = TrafficImporter.importFile(Fixtures.of("routerbench.csv"), ImportOptions.defaults().withCatalog(catalog()));
        assertEquals(List.of("gpt-4", "mixtral-8x7b"), imp.sample().models());
    }

    @Test
    void unmatchedModelNameListsCloseMatches() throws Exception {
        Catalog onlyGpt = new Catalog("team", List.of(
                new ModelInfo("gpt-4", "GPT-4", "", "", "", List.of(GPT4), 0, 0, null, Map.of(), null, ""),
                new ModelInfo("mixtral-8x22b", "", "", "", "", List.of("mistralai/mixtral-8x22b-chat"), 0, 0, null, Map.of(), null, "")));
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFile(Fixtures.of("routerbench.csv"),
                ImportOptions.defaults().withCatalog(onlyGpt)));
        assertEquals("routerbench.csv", e.location().file());
        assertEquals(1, e.location().line());
        assertEquals(MIXTRAL, e.location().field());
        assertTrue(e.getMessage().contains("mistralai/mixtral-8x22b-chat"), e.getMessage());
    }

    @Test
    void scoreOutsideUnitIntervalNamesFileLineColumnAndColumnName() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> load(Fixtures.of("routerbench_bad_score.csv")));
        assertEquals("routerbench_bad_score.csv", e.location().file());
        assertEquals(4, e.location().line(), "the row starts on line 3; its score is on line 4 after the multi-line prompt");
        assertEquals(17, e.location().column());
        assertEquals("model-b", e.location().field());
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("[0,1]"), e.getMessage());
        assertTrue(e.getMessage().startsWith("routerbench_bad_score.csv, line 4, column 17, field 'model-b'"), e.getMessage());
    }

    @Test
    void badCellsAreLocatedErrors() throws Exception {
        String header = "sample_id,prompt,eval_name,a,b\n";
        assertCellError(header + "x.1,p,mmlu,1,abc\n", 2, 14, "b", "not a number");
        assertCellError(header + "x.1,p,mmlu,NaN,1\n", 2, 12, "a", "finite");
        assertCellError(header + "x.1,p,mmlu,Infinity,1\n", 2, 12, "a", "finite");
        assertCellError(header + "x.1,p,mmlu,1,-0.5\n", 2, 14, "b", "[0,1]");
        assertCellError(header + "x.1,p,mmlu,1,1e999\n", 2, 14, "b", "out of range");
        assertCellError(header + "x.1,p,mmlu,1,0\nx.1,p,mmlu,1,0\n", 3, 1, "sample_id", "more than once");
        String sprout = "query_id,category,input_tokens,m.score,m.num_output_tokens,m.cost_usd\n";
        assertCellError(sprout + "q1,c,10,1,-5,0.1\n", 2, 11, "m.num_output_tokens", "negative");
        assertCellError(sprout + "q1,c,10,1,5,-0.1\n", 2, 13, "m.cost_usd", "negative");
        assertCellError(sprout + "q1,c,-10,1,5,0.1\n", 2, 6, "input_tokens", "negative");
        assertCellError(sprout + "q1,c,10.5,1,5,0.1\n", 2, 6, "input_tokens", "whole number");
    }

    private void assertCellError(String csv, long line, long column, String field, String text) throws Exception {
        Path p = write("cells.csv", csv);
        ImportException e = assertThrows(ImportException.class, () -> load(p), csv);
        assertEquals("cells.csv", e.location().file(), e.getMessage());
        assertEquals(line, e.location().line(), e.getMessage());
        assertEquals(column, e.location().column(), e.getMessage());
        assertEquals(field, e.location().field(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void malformedCsvIsLocated() throws Exception {
        Path unclosed = write("unclosed.csv", "sample_id,prompt,eval_name,a\nx,\"never closed,mmlu,1\nmore\n");
        ImportException e = assertThrows(ImportException.class, () -> load(unclosed));
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());

        Path ragged = write("ragged.csv", "sample_id,prompt,eval_name,a\nx,p,mmlu\n");
        e = assertThrows(ImportException.class, () -> load(ragged));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("3 fields but the header has 4"), e.getMessage());

        Path unknown = write("what.csv", "foo,bar\n1,2\n");
        e = assertThrows(ImportException.class, () -> load(unknown));
        assertTrue(e.getMessage().contains("cannot tell the traffic format"), e.getMessage());

        Path empty = write("empty.csv", "");
        e = assertThrows(ImportException.class, () -> load(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Path headerOnly = write("header.csv", "sample_id,prompt,eval_name,a\n");
        e = assertThrows(ImportException.class, () -> load(headerOnly));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());

        Path badUtf8 = tmp.resolve("latin1.csv");
        Files.write(badUtf8, "sample_id,prompt,eval_name,a\nx,caf\u00e9,mmlu,1\n".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(ImportException.class, () -> load(badUtf8));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertEquals(2, e.location().line());
        assertEquals(6, e.location().column(), "the byte after \"caf\"");
    }

    @Test
    void allRowsIncompleteIsAnErrorNotAnEmptySample() throws Exception {
        Path p = write("holes.csv", "sample_id,prompt,eval_name,a,b\nx.1,p,mmlu,1,\nx.2,p,mmlu,,0\n");
        ImportException e = assertThrows(ImportException.class, () -> load(p));
        assertTrue(e.getMessage().contains("no usable rows"), e.getMessage());
        ImportException none = assertThrows(ImportException.class, () -> TrafficImporter.importFile(p,
                ImportOptions.defaults().withMissingCells(MissingCellPolicy.DROP_MODEL)));
        assertTrue(none.getMessage().contains("leaves none"), none.getMessage());
    }

    // ------------------------------------------------------------------ long format

    @Test
    void longFormatPivotsToWideAndReportsTheMissingModel() throws Exception {
        TrafficImport imp = load(Fixtures.of("long.csv"));
        TrafficSample s = imp.sample();
        assertEquals(List.of("small", "large"), s.models());
        assertEquals(7, imp.report().rowsRead());
        assertEquals(3, s.size(), "q3 has no 'small' row");
        assertEquals(6, imp.report().skippedRows().get(0).line());
        assertEquals(List.of("q1", "q2", "q4"), List.of(s.queryId(0), s.queryId(1), s.queryId(2)));
        assertEquals(0.75f, s.score(1, 1));
        assertEquals(260, s.outputTokens(1, 1));
        assertEquals(600, s.inputTokens(1));
        assertEquals(0.009f, s.recordedCost(1, 1));
        assertEquals(1500f, s.recordedLatencyMs(1, 1));
        assertEquals(20, s.outputTokens(2, 0), "q4 rows in a different model order");
    }

    @Test
    void longFormatRejectsTheSamePairTwice() throws Exception {
        Path p = write("dup.csv", "query_id,category,model,score,input_tokens,output_tokens\nq1,c,a,1,5,5\nq1,c,b,1,5,5\nq1,c,a,0,5,5\n");
        ImportException e = assertThrows(ImportException.class, () -> load(p));
        assertEquals(4, e.location().line());
        assertEquals("model", e.location().field());
        assertTrue(e.getMessage().contains("second row"), e.getMessage());
    }

    // ------------------------------------------------------------------ SPROUT

    @Test
    void sproutSampleDataFormat() throws Exception {
        TrafficImport imp = load(Fixtures.of("sprout.csv"));
        TrafficSample s = imp.sample();
        assertEquals(List.of("gpt-5.4-mini", "claude-haiku-4-5"), s.models());
        assertEquals(3, s.size());
        assertTrue(s.hasTimestamps() && s.hasTenants() && s.hasSlaTiers() && s.hasRecordedLatencies());
        assertEquals(Instant.parse("2026-05-04T13:22:10Z").toEpochMilli(), s.timestampMillis(0));
        assertEquals("globex", s.tenants().get(s.tenant(1)));
        assertEquals("def f(x):\n    return x  # fix \"this\"", s.prompt(1));
        assertEquals(100, s.cachedInputTokens(0));
        assertEquals(590, s.outputTokens(1, 1));
        assertEquals(0.00445f, s.recordedCost(1, 1));
    }

    @Test
    void realSproutWithPerModelInputTokens() throws Exception {
        TrafficSample s = load(Fixtures.of("sprout_real.csv")).sample();
        assertEquals(List.of("gpt-4o", "llama-3.3-70b"), s.models());
        assertEquals("sprout_real#1", s.queryId(0));
        assertEquals("math", s.categories().get(s.category(1)));
        assertEquals(12, s.inputTokens(0));
        assertEquals(150, s.outputTokens(1, 1), "pandas-style 150.0 is a whole number");
        assertFalse(s.hasRecordedCosts());
    }

    // ------------------------------------------------------------------ RouteLLM

    @Test
    void routeLlmCategoryFromFileNameAndIdsFromRowNumbers() throws Exception {
        TrafficImport imp = load(Fixtures.of("mmlu_college_physics.csv"));
        TrafficSample s = imp.sample();
        assertEquals(3, s.size());
        assertEquals("mmlu/college_physics", s.categories().get(s.category(0)));
        assertEquals("mmlu_college_physics#3", s.queryId(2));
        assertEquals(0f, s.score(0, 0));
        assertEquals(1f, s.score(0, 1));
        assertTrue(s.prompt(0).contains("B. \"acceleration\" is constant"));
        assertEquals(TokenEstimator.FALLBACK_OUTPUT_TOKENS, s.outputTokens(0, 0));
    }

    @Test
    void routeLlmResponsesGiveOutputTokens() throws Exception {
        TrafficSample s = load(Fixtures.of("gsm8k_responses.csv")).sample();
        assertEquals(List.of("model-a", "model-b"), s.models());
        assertEquals("gsm8k", s.categories().get(0));
        assertEquals(TokenEstimator.estimate("3 + 2 = 5\n#### 5"), s.outputTokens(0, 0));
    }

    @Test
    void routeLlmRejectsNonBooleanOutcome() throws Exception {
        Path p = write("mmlu_x.csv", "prompt,a,b\nq,True,maybe\n");
        ImportException e = assertThrows(ImportException.class, () -> load(p));
        assertEquals(2, e.location().line());
        assertEquals(8, e.location().column());
        assertEquals("b", e.location().field());
    }

    @Test
    void routeLlmCategoryRule() {
        assertEquals("mmlu/abstract_algebra", RouteLlmReader.categoryOf("mmlu_abstract_algebra"));
        assertEquals("gsm8k", RouteLlmReader.categoryOf("gsm8k_responses"));
        assertEquals("mtbench", RouteLlmReader.categoryOf("mtbench"));
    }

    // ------------------------------------------------------------------ merging

    @Test
    void filesWithDifferentModelsCannotBeMerged() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFiles(
                List.of(Fixtures.of("mmlu_college_physics.csv"), Fixtures.of("gsm8k_responses.csv")), ImportOptions.defaults()));
        assertEquals("gsm8k_responses.csv", e.location().file());
        assertTrue(e.getMessage().contains("model columns differ") && e.getMessage().contains("model-a"), e.getMessage());
    }

    @Test
    void duplicateQueryIdsAcrossFilesAreAnError() throws Exception {
        Path a = write("a.csv", "sample_id,prompt,eval_name,m\nq1,p,x,1\n");
        Path b = write("b.csv", "sample_id,prompt,eval_name,m\nq2,p,x,1\nq1,p,x,0\n");
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFiles(List.of(a, b), ImportOptions.defaults()));
        assertEquals("b.csv", e.location().file());
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().contains("a.csv"), e.getMessage());
    }

    @Test
    void mergedFilesAlignModelColumnsByName() throws Exception {
        Path a = write("a.csv", "sample_id,prompt,eval_name,m1,m2\nq1,p,x,1,0\n");
        Path b = write("b.csv", "sample_id,prompt,eval_name,m2,m1\nq2,p,y,1,0\n");
        TrafficSample s = TrafficImporter.importFiles(List.of(a, b), ImportOptions.defaults().withSampleName("both")).sample();
        assertEquals("both", s.name());
        assertEquals(List.of("m1", "m2"), s.models());
        assertEquals(0f, s.score(1, 0));
        assertEquals(1f, s.score(1, 1));
        assertEquals(List.of("a.csv", "b.csv"), s.sources());
    }

    // ------------------------------------------------------------------ usage log

    @Test
    void usageLogIsJoinedWithTheEvaluationSampleByCategory() throws Exception {
        TrafficSample eval = load(Fixtures.of("long.csv")).sample();
        TrafficImport imp = TrafficImporter.importFile(Fixtures.of("usage_log.csv"), ImportOptions.defaults().withUsageLog(null, eval));
        TrafficSample s = imp.sample();
        assertEquals(eval.models(), s.models());
        assertEquals(3, s.size(), "the poetry row has no evaluation category to join");
        assertEquals(1, imp.report().skippedRows().size());
        assertEquals(5, imp.report().skippedRows().get(0).line());
        assertEquals("r2", s.queryId(1));
        assertEquals("chat", s.categories().get(s.category(1)));
        assertEquals(700, s.inputTokens(1));
        assertEquals(200, s.cachedInputTokens(1));
        // the only chat evaluation query is q2: its outcomes are borrowed
        assertEquals(0.5f, s.score(1, 0));
        assertEquals(260, s.outputTokens(1, 1));
        assertEquals("globex", s.tenants().get(s.tenant(2)));
        assertTrue(s.hasTimestamps());
        assertFalse(s.hasRecordedCosts(), "logged costs price one model only and are not outcomes");
        assertTrue(imp.report().notes().stream().anyMatch(n -> n.contains("joined with evaluation sample")), imp.report().notes().toString());
        // deterministic
        TrafficSample again = TrafficImporter.importFile(Fixtures.of("usage_log.csv"), ImportOptions.defaults().withUsageLog(null, eval)).sample();
        for (int q = 0; q < s.size(); q++) {
            assertEquals(s.record(q), again.record(q));
        }
    }

    @Test
    void usageLogWithoutEvaluationSampleSaysWhatIsNeeded() {
        ImportException e = assertThrows(ImportException.class, () -> load(Fixtures.of("usage_log.csv")));
        assertTrue(e.getMessage().contains("evaluation sample"), e.getMessage());
        assertEquals("usage_log.csv", e.location().file());
    }

    @Test
    void usageLogWithCustomMappingAndMissingColumn() throws Exception {
        TrafficSample eval = load(Fixtures.of("long.csv")).sample();
        Path p = write("helicone.csv", "id,created_at,prompt_tokens,completion_tokens,topic\nx1,2026-01-01T00:00:00Z,100,10,math\n");
        UsageLogMapping mapping = new UsageLogMapping("created_at", null, "prompt_tokens", null, "completion_tokens", null, null,
                null, "topic", null, "id", null);
        TrafficSample s = TrafficImporter.importFile(p, ImportOptions.defaults().withFormat(TrafficFormat.USAGE_LOG)
                .withUsageLog(mapping, eval)).sample();
        assertEquals("x1", s.queryId(0));
        assertEquals("math", s.categories().get(0));
        UsageLogMapping wrong = new UsageLogMapping("created_at", null, "prompt_tokens", null, null, "price", null,
                null, "topic", null, "id", null);
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFile(p,
                ImportOptions.defaults().withFormat(TrafficFormat.USAGE_LOG).withUsageLog(wrong, eval)));
        assertEquals("price", e.location().field());
    }

    @Test
    void blankCellIsNeverZero() throws Exception {
        Path p = write("blank.csv", "query_id,category,input_tokens,m.score,m.num_output_tokens,n.score,n.num_output_tokens\n"
                + "q1,c,10,,5,1,5\nq2,c,10,1,5,1,5\n");
        TrafficImport imp = load(p);
        assertEquals(1, imp.sample().size());
        assertEquals("q2", imp.sample().queryId(0));
        assertEquals(2, imp.report().skippedRows().get(0).line());
        assertTrue(imp.report().skippedRows().get(0).reason().contains("m.score"));
        assertNull(imp.sample().hasPrompts() ? "prompts" : null);
    }
}
