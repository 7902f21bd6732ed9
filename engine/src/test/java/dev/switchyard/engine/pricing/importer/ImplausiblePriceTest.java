package dev.switchyard.engine.pricing.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-finite or absurd prices are refused with file and field in every format (issue 13, item 8). */
class ImplausiblePriceTest {
    @TempDir
    Path tmp;

    private ImportException refused(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return assertThrows(ImportException.class, () -> PriceImporter.importWithNotes(p, null));
    }

    private static void assertAbsurd(ImportException e, String file, String field) {
        assertEquals(file, e.location().file());
        assertTrue(e.location().field() != null && e.location().field().contains(field), e.location().toString());
        assertTrue(e.getMessage().contains("at most 10000 USD per 1M tokens"), e.getMessage());
    }

    @Test
    void nativeSheet() throws Exception {
        ImportException e = refused("list.json", "{\"format\":\"switchyard-price-sheet\",\"formatVersion\":1,\"name\":\"x\","
                + "\"currency\":\"USD\",\"prices\":[{\"model\":\"ok\",\"inputPer1M\":1,\"outputPer1M\":2},"
                + "{\"model\":\"big\",\"inputPer1M\":1e305,\"outputPer1M\":2}]}");
        assertAbsurd(e, "list.json", "prices[1] (big).inputPer1M");
        ImportException tier = refused("tier.json", "{\"format\":\"switchyard-price-sheet\",\"formatVersion\":1,\"name\":\"x\","
                + "\"prices\":[{\"model\":\"m\",\"inputPer1M\":1,\"outputPer1M\":2,"
                + "\"tiers\":[{\"aboveInputTokens\":200000,\"inputPer1M\":2,\"outputPer1M\":50000}]}]}");
        assertAbsurd(tier, "tier.json", "tiers[0].outputPer1M");
    }

    @Test
    void simpleCsv() throws Exception {
        ImportException e = refused("p.csv", "model,input_per_1m,output_per_1m\nok,1,2\nbig,1,1e305\n");
        assertAbsurd(e, "p.csv", "output_per_1m");
        assertEquals(3, e.location().line());
        ImportException fee = refused("f.csv", "model,input_per_1m,output_per_1m,request_fee\nok,1,2,5000\n");
        assertTrue(fee.getMessage().contains("at most 100 USD per request"), fee.getMessage());
        assertEquals("request_fee", fee.location().field());
    }

    @Test
    void liteLlm() throws Exception {
        ImportException e = refused("litellm.json", "{\"m\":{\"mode\":\"chat\",\"input_cost_per_token\":1e299,"
                + "\"output_cost_per_token\":1e-6}}");
        assertAbsurd(e, "litellm.json", "m.input_cost_per_token");
        ImportException tier = refused("t.json", "{\"m\":{\"mode\":\"chat\",\"input_cost_per_token\":1e-6,"
                + "\"output_cost_per_token\":1e-6,\"input_cost_per_token_above_200k_tokens\":0.5}}");
        assertAbsurd(tier, "t.json", "m.input_cost_per_token_above_200k_tokens");
    }

    @Test
    void openRouter() throws Exception {
        ImportException e = refused("or.json", "{\"data\":[{\"id\":\"a/b\",\"pricing\":{\"prompt\":\"0.000001\","
                + "\"completion\":\"0.5\"}}]}");
        assertAbsurd(e, "or.json", "pricing.completion");
    }

    @Test
    void realisticDearPricesStillLoad() throws Exception {
        Path p = tmp.resolve("dear.csv");
        Files.writeString(p, "model,input_per_1m,output_per_1m,request_fee\no1-pro,150,600,0.005\n");
        assertEquals(600.0, PriceImporter.importFile(p).prices().get("o1-pro").outputPer1M());
        assertTrue(ModelPrice.MAX_PRICE_PER_1M > 600);
    }
}
