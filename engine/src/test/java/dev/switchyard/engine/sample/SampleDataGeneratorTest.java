package dev.switchyard.engine.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.PriceSheet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        SampleDataGenerator.Parameters p = SampleDataGenerator.Parameters.defaults().withQueryScale(0.1);
        List<String> first = SampleBundleWriter.write(SampleDataGenerator.generate(p), tmp.resolve("a"));
        List<String> second = SampleBundleWriter.write(SampleDataGenerator.generate(p), tmp.resolve("b"));
        assertEquals(first, second);
        for (String f : first) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)),
                    f + " differs between two runs with the same seed");
        }
        SampleBundleWriter.write(SampleDataGenerator.generate(p.withSeed(p.seed() + 1)), tmp.resolve("c"));
        String csv = "traffic/assistant-platform.csv";
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(csv)), Files.readAllBytes(tmp.resolve("c").resolve(csv))),
                "another seed must give other traffic");
    }

    @Test
    void committedSampleDataIsExactlyWhatTheGeneratorWrites(@TempDir Path tmp) throws Exception {
        Path committed = BundledSample.committedDir();
        SampleManifest manifest = SampleData.readManifest(committed);
        SampleDataGenerator.Parameters p = SampleDataGenerator.Parameters.defaults();
        assertEquals(p.seed(), manifest.seed(), "the committed bundle must use the documented default seed");
        assertEquals(p.asMap().toString(), manifest.parameters().toString(),
                "the committed bundle must use the default parameters; regenerate with ./switchyard generate-sample --out sample-data");
        List<String> written = SampleBundleWriter.write(BundledSample.generated(), tmp);
        for (String f : written) {
            Path mine = committed.resolve(f);
            assertTrue(Files.isRegularFile(mine), "sample-data/" + f + " is missing; regenerate with ./switchyard generate-sample --out sample-data");
            assertTrue(Arrays.equals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(mine)),
                    "sample-data/" + f + " is not what the generator writes (hand-edited or stale?);"
                            + " regenerate with ./switchyard generate-sample --out sample-data");
        }
        List<String> present = new ArrayList<>();
        try (Stream<Path> files = Files.walk(committed)) {
            files.filter(Files::isRegularFile)
                    .map(f -> committed.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals(".gitattributes")) // keeps git from converting line ends; not generated
                    .forEach(present::add);
        }
        assertEquals(new TreeSet<>(written), new TreeSet<>(present), "sample-data/ must hold exactly the generated files");
        long bytes = 0;
        for (String f : written) {
            bytes += Files.size(committed.resolve(f));
        }
        assertTrue(bytes < 15_000_000, "the bundle should stay under 15 MB, is " + bytes);
    }

    @Test
    void everyModelHasAPriceOnBothDatedSheets() {
        SampleDataGenerator.GeneratedSample g = BundledSample.generated();
        assertEquals(2, g.priceSheets().size());
        assertEquals(12, g.catalog().models().size());
        for (PriceSheet sheet : g.priceSheets()) {
            assertNotNull(sheet.retrievedOn(), sheet.name());
            assertNotNull(sheet.effectiveFrom(), sheet.name());
            assertFalse(sheet.source().isBlank(), sheet.name());
            assertEquals(List.of(), sheet.unpriced(g.catalog().ids(), g.catalog()), "unpriced models on " + sheet.name());
        }
        assertTrue(g.priceSheets().get(1).effectiveFrom().isAfter(g.priceSheets().get(0).effectiveFrom()));
        // The list sheet carries the data-formats figures, including gemini-2.5-pro's long-context tier.
        PriceSheet list = g.priceSheets().get(0);
        assertEquals(2.5, list.prices().get("gpt-5.4").inputPer1M());
        assertEquals(0.075, list.prices().get("gpt-5.4-mini").cachedInputPer1M());
        assertEquals(200_000, list.prices().get("gemini-2.5-pro").tiers().get(0).aboveInputTokens());
        assertEquals(2.5, list.prices().get("gemini-2.5-pro").tiers().get(0).inputPer1M());
        // The negotiated sheet really differs: a discount and a price rise.
        PriceSheet enterprise = g.priceSheets().get(1);
        assertEquals(2.4, enterprise.prices().get("claude-sonnet-4-6").inputPer1M(), 1e-12);
        assertTrue(enterprise.prices().get("deepseek-chat").inputPer1M() > list.prices().get("deepseek-chat").inputPer1M());
        for (ModelInfo m : g.catalog().models()) {
            assertTrue(m.provenance().startsWith("synthetic"), m.id());
            assertEquals(SampleProfiles.CATEGORY_ORDER.size(), m.qualityPriors().size(), m.id());
            assertNotNull(m.latency(), m.id());
            assertFalse(m.aliases().isEmpty(), m.id());
        }
        assertTrue(g.catalog().resolve("openai/gpt-5.4").isPresent(), "OpenRouter ids resolve through aliases");
        assertTrue(g.catalog().resolve("gemini/gemini-2.5-flash").isPresent(), "LiteLLM keys resolve through aliases");
    }

    @Test
    void parametersAreValidated() {
        SampleDataGenerator.Parameters d = SampleDataGenerator.Parameters.defaults();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SampleDataGenerator.Parameters(1, d.generatedOn(), d.trafficStart(), 3, 1.0));
        assertTrue(e.getMessage().contains("days"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SampleDataGenerator.Parameters(1, d.generatedOn(), d.trafficStart(), 42, 0));
    }
}
