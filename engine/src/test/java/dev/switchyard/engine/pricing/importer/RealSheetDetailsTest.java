package dev.switchyard.engine.pricing.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates, suggestions and messages with real price lists (issue 13, item 10). */
class RealSheetDetailsTest {
    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-11-30T10:00:00Z")));
        return p;
    }

    @Test
    void aLiteLlmSheetIsDatedByItsLastUpdated() throws Exception {
        String entry = "\"m\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":2e-6}";
        PriceImport dated = PriceImporter.importWithNotes(write("a.json", "{\"last_updated\":\"2026-05-30T08:00:00Z\"," + entry + "}"), null);
        assertEquals(LocalDate.of(2026, 5, 30), dated.sheet().retrievedOn());
        assertTrue(dated.notes().stream().anyMatch(n -> n.contains("last_updated")), dated.notes().toString());
        PriceImport spec = PriceImporter.importWithNotes(write("b.json",
                "{\"sample_spec\":{\"last_updated\":\"2026-04-01\"}," + entry + "}"), null);
        assertEquals(LocalDate.of(2026, 4, 1), spec.sheet().retrievedOn());
        PriceImport undated = PriceImporter.importWithNotes(write("c.json", "{" + entry + "}"), null);
        assertEquals(LocalDate.of(2026, 11, 30), undated.sheet().retrievedOn(), "no last_updated: the file's time");
        ImportException bad = assertThrows(ImportException.class,
                () -> PriceImporter.importWithNotes(write("d.json", "{\"last_updated\":\"yesterday\"," + entry + "}"), null));
        assertEquals("last_updated", bad.location().field());
    }

    @Test
    void didYouMeanFindsTheProviderPrefixedId() throws Exception {
        PriceSheet sheet = PriceImporter.importFile(write("litellm.json", "{"
                + "\"mistral/mixtral-8x22b\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":1e-6},"
                + "\"mistralai/Mixtral-8x22B-Instruct-v0.1\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":1e-6},"
                + "\"mistralai/Mistral-7B-Instruct-v0.2\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":1e-6},"
                + "\"mistralai/Mixtral-8x7B-Instruct-v0.2\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,\"output_cost_per_token\":1e-6},"
                + "\"together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1\":{\"mode\":\"chat\",\"input_cost_per_token\":6e-7,\"output_cost_per_token\":6e-7}}"));
        TrafficSample sample = TrafficSample.builder("t", List.of("mistralai/Mixtral-8x7B-Instruct-v0.1"))
                .add(new QueryRecord("q", "c", null, null, null, null, 10, 0, new float[] {1f}, new int[] {5}, null, null)).build();
        CostTable.UnpricedModelsException e = assertThrows(CostTable.UnpricedModelsException.class,
                () -> CostTable.of(sample, sheet, Catalog.empty()));
        assertTrue(e.getMessage().contains("did you mean together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1"), e.getMessage());
    }

    @Test
    void messagesNeverShowJavaOrJacksonClassNames() throws Exception {
        String nativeSheet = "{\"format\":\"switchyard-price-sheet\",\"formatVersion\":1,\"name\":\"x\",\"prices\":[%s]}";
        for (String entry : List.of("{\"model\":\"m\",\"inputPer1M\":\"2.5\",\"outputPer1M\":1}",
                "{\"model\":\"m\",\"inputPer1M\":[1],\"outputPer1M\":1}",
                "{\"model\":\"m\",\"inputPer1M\":1,\"outputPer1M\":1,\"surprise\":1}",
                "{\"model\":\"m\",\"inputPer1M\":1,\"outputPer1M\":1,\"tiers\":{\"a\":1}}",
                "\"m\"")) {
            ImportException e = assertThrows(ImportException.class,
                    () -> PriceImporter.importWithNotes(write("s.json", String.format(nativeSheet, entry)), null));
            String text = e.getMessage();
            assertFalse(text.matches("(?s).*(java\\.|javax\\.|com\\.fasterxml|dev\\.switchyard|Jackson|JsonToken|`|\\$).*"), text);
            assertTrue(text.contains("s.json"), text);
            assertFalse(text.contains("Creator") || text.contains("instance of"), text);
        }
        ImportException date = assertThrows(ImportException.class, () -> PriceImporter.importWithNotes(write("s.json",
                "{\"format\":\"switchyard-price-sheet\",\"formatVersion\":1,\"name\":\"x\",\"retrievedOn\":\"soon\","
                        + "\"prices\":[{\"model\":\"m\",\"inputPer1M\":1,\"outputPer1M\":1}]}"), null));
        assertFalse(date.getMessage().matches("(?s).*(java\\.|com\\.fasterxml|`).*"), date.getMessage());
    }
}
