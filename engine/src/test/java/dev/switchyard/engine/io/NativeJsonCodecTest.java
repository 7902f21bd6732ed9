package dev.switchyard.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.pricing.PriceTier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeJsonCodecTest {

    @TempDir
    Path dir;

    private static Catalog catalog() {
        return new Catalog("team", List.of(
                new ModelInfo("gpt-5.4-mini", "GPT-5.4 mini", "openai", "gpt-5.4", "small",
                        List.of("openai/gpt-5.4-mini"), 400_000, 128_000, new LatencyProfile(350, 900, 140),
                        Map.of("chat", 0.82, "code", 0.7), LocalDate.of(2027, 6, 1), "test"),
                ModelInfo.ofId("mistral-small")));
    }

    private static PriceSheet sheet() {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        prices.put("gpt-5.4-mini", new ModelPrice("gpt-5.4-mini", 0.75, 4.5, 0.075, 0, List.of(), 0.375, 2.25));
        prices.put("gemini-2.5-pro", new ModelPrice("gemini-2.5-pro", 1.25, 10, null, 0,
                List.of(new PriceTier(200_000, 2.5, 15, null)), null, null));
        return new PriceSheet("list", "2026-06", "provider pages", LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 1),
                "USD", prices);
    }

    @Test
    void catalogRoundTripsByteForByte() throws Exception {
        Path file = dir.resolve("catalog.json");
        CatalogJson.write(catalog(), file);
        Catalog back = CatalogJson.read(file);
        assertEquals(catalog(), back);
        assertArrayEquals(Files.readAllBytes(file), CatalogJson.toBytes(back));
    }

    @Test
    void priceSheetRoundTrips() throws Exception {
        Path file = dir.resolve("prices.json");
        PriceSheetJson.write(sheet(), file);
        PriceSheet back = PriceSheetJson.read(file);
        assertEquals(sheet(), back);
        assertArrayEquals(Files.readAllBytes(file), PriceSheetJson.toBytes(back));
    }

    private static ImportException priceError(String json) {
        return assertThrows(ImportException.class, () -> PriceSheetJson.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json"));
    }

    @Test
    void missingPriceIsAnErrorNotFree() {
        ImportException e = priceError("""
                {"format":"switchyard-price-sheet","formatVersion":1,"name":"x",
                 "prices":[{"model":"a","outputPer1M":1}]}""");
        assertEquals("p.json", e.location().file());
        assertTrue(e.location().field().contains("inputPer1M"), e.getMessage());
    }

    @Test
    void negativePriceAndTextPriceAreLocated() {
        ImportException negative = priceError("""
                {"format":"switchyard-price-sheet","formatVersion":1,"name":"x",
                 "prices":[{"model":"a","inputPer1M":-1,"outputPer1M":1}]}""");
        assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
        ImportException text = priceError("""
                {"format":"switchyard-price-sheet","formatVersion":1,"name":"x",
                 "prices":[{"model":"a","inputPer1M":"2.5","outputPer1M":1}]}""");
        assertEquals(2, text.location().line(), text.getMessage());
        assertTrue(text.location().field().contains("inputPer1M"), text.getMessage());
    }

    @Test
    void duplicateModelsAndUnknownFieldsAreRejected() {
        ImportException dup = priceError("""
                {"format":"switchyard-price-sheet","formatVersion":1,"name":"x","prices":[
                 {"model":"a","inputPer1M":1,"outputPer1M":1},{"model":"a","inputPer1M":1,"outputPer1M":1}]}""");
        assertTrue(dup.getMessage().contains("twice"), dup.getMessage());
        ImportException unknown = priceError("""
                {"format":"switchyard-price-sheet","formatVersion":1,"name":"x","prices":[
                 {"model":"a","inputPer1M":1,"outputPer1M":1,"inputPer1m":3}]}""");
        assertTrue(unknown.getMessage().contains("inputPer1m"), unknown.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithALocation() {
        String bomb = "[".repeat(10_000) + "]".repeat(10_000);
        ImportException e = assertThrows(ImportException.class, () -> CatalogJson.read(
                new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)), "bomb.json"));
        assertEquals("bomb.json", e.location().file());
    }

    @Test
    void newerFormatVersionIsRefused() {
        ImportException e = assertThrows(ImportException.class, () -> CatalogJson.read(new ByteArrayInputStream(
                "{\"format\":\"switchyard-catalog\",\"formatVersion\":9,\"models\":[{\"id\":\"a\"}]}"
                        .getBytes(StandardCharsets.UTF_8)), "c.json"));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void invalidModelIsLocatedByPath() {
        ImportException e = assertThrows(ImportException.class, () -> CatalogJson.read(new ByteArrayInputStream(
                ("{\"format\":\"switchyard-catalog\",\"formatVersion\":1,\"models\":[{\"id\":\"a\"},\n"
                        + "{\"id\":\"b\",\"qualityPriors\":{\"chat\":1.5}}]}").getBytes(StandardCharsets.UTF_8)), "c.json"));
        assertTrue(e.getMessage().contains("[0,1]"), e.getMessage());
        assertEquals("models[1]", e.location().field(), e.getMessage());
    }
}
