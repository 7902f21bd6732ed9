package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real RouteLLM files in ../shared/data/routellm and their published figures. */
class RouteLlmRealDataTest {
    private static final String MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    private static final String GPT4 = "gpt-4-1106-preview";

    private static double accuracy(TrafficSample s, String model) {
        int m = s.modelIndex(model);
        double sum = 0;
        for (int q = 0; q < s.size(); q++) {
            sum += s.score(q, m);
        }
        return sum / s.size();
    }

    @Test
    void allMmluFilesImportAsOneSampleWithThePublishedAccuracies() throws Exception {
        Path dir = SharedData.routeLlm().resolve("mmlu");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertEquals(57, files.size());
        TrafficImport imp = TrafficImporter.importFiles(files, ImportOptions.defaults());
        TrafficSample s = imp.sample();
        assertEquals(14_042, s.size());
        assertEquals(14_042, imp.report().rowsRead());
        assertTrue(imp.report().skippedRows().isEmpty());
        assertEquals(List.of(MIXTRAL, GPT4), s.models());
        assertEquals(57, s.categories().size());
        assertTrue(s.categories().indexOf("mmlu/abstract_algebra") >= 0, s.categories().values().toString());
        assertEquals(0.68, accuracy(s, MIXTRAL), 0.015);
        assertEquals(0.81, accuracy(s, GPT4), 0.015);
        assertEquals("mmlu_abstract_algebra#1", s.queryId(0));
        assertTrue(s.prompt(0).startsWith("Find the degree for the given field extension"), s.prompt(0));
        assertTrue(s.prompt(0).contains("\nA. 0\n"), "multi-line prompt kept whole");
        assertTrue(s.inputTokens(0) > 10);
        assertEquals(TokenEstimator.FALLBACK_OUTPUT_TOKENS, s.outputTokens(0, 0));
    }

    @Test
    void catalogAliasesResolveTheRealColumnNames() throws Exception {
        java.nio.file.Path catalogFile = java.nio.file.Path.of(RouteLlmRealDataTest.class
                .getResource("/dev/switchyard/engine/pricing/importer/native_catalog.json").toURI());
        ImportOptions options = ImportOptions.defaults().withCatalog(dev.switchyard.engine.catalog.CatalogJson.read(catalogFile));
        TrafficSample s = TrafficImporter.importFile(SharedData.routeLlm().resolve("gsm8k/gsm8k_responses.csv"), options).sample();
        assertEquals(List.of("mixtral-8x7b", "gpt-4"), s.models());
        assertEquals(0.86, accuracy(s, "gpt-4"), 0.015);
    }

    @Test
    void directoryIsTheSameAsItsFiles() throws Exception {
        TrafficImport imp = TrafficImporter.importFiles(List.of(SharedData.routeLlm().resolve("mmlu")), ImportOptions.defaults());
        assertEquals(14_042, imp.sample().size());
        assertEquals("mmlu", imp.sample().name());
    }

    @Test
    void gsm8kWithResponsesImportsWithOutputTokensFromTheResponses() throws Exception {
        TrafficImport imp = TrafficImporter.importFile(SharedData.routeLlm().resolve("gsm8k/gsm8k_responses.csv"),
                ImportOptions.defaults());
        TrafficSample s = imp.sample();
        assertEquals(1_319, s.size());
        assertEquals(List.of(MIXTRAL, GPT4), s.models());
        assertEquals(0.64, accuracy(s, MIXTRAL), 0.015);
        assertEquals(0.86, accuracy(s, GPT4), 0.015);
        assertEquals("gsm8k", s.categories().get(s.category(0)));
        double meanOut = 0;
        for (int q = 0; q < s.size(); q++) {
            meanOut += s.outputTokens(q, 1);
        }
        meanOut /= s.size();
        assertTrue(meanOut > 40 && meanOut < 400, "GPT-4 GSM8K answers are a few sentences: " + meanOut);
    }
}
