package dev.switchyard.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.ImportException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @Test
    void loadsTheCommittedBundleAsTheGeneratorMadeIt() throws Exception {
        SampleBundle bundle = SampleData.load(BundledSample.committedDir());
        SampleDataGenerator.GeneratedSample g = BundledSample.generated();
        assertEquals(12, bundle.catalog().models().size());
        assertEquals(g.catalog(), bundle.catalog());
        assertEquals(List.of("list-2026-06", "enterprise-2026-10"), bundle.priceSheets().stream().map(s -> s.name()).toList());
        assertEquals(g.priceSheets(), bundle.priceSheets());
        assertEquals("support-desk", bundle.defaultTraffic().name());
        assertEquals("assistant-platform", bundle.traffic().get(0).name());
        assertEquals(g.traffic().size(), bundle.traffic().size());
        for (int i = 0; i < g.traffic().size(); i++) {
            NamedTraffic want = g.traffic().get(i);
            NamedTraffic got = bundle.traffic().get(i);
            assertEquals(want.name(), got.name());
            assertEquals(want.description(), got.description());
            assertEquals(want.sample().models(), got.sample().models());
            assertEquals(want.sample().size(), got.sample().size());
            for (int q = 0; q < got.sample().size(); q++) {
                assertEquals(want.sample().record(q), got.sample().record(q));
            }
        }
    }

    @Test
    void loadDefaultImportsOnlyTheOpeningTraffic() throws Exception {
        SampleBundle full = SampleData.load(BundledSample.committedDir());
        SampleBundle opening = SampleData.loadDefault(BundledSample.committedDir());
        assertEquals(1, opening.traffic().size());
        assertEquals("support-desk", opening.defaultTraffic().name());
        assertEquals(full.defaultTraffic().sample().size(), opening.defaultTraffic().sample().size());
        assertEquals(full.catalog(), opening.catalog());
        assertEquals(full.priceSheets(), opening.priceSheets());
    }

    @Test
    void locateHonoursTheSystemPropertyAndSaysWhatIsWrong(@TempDir Path tmp) {
        String before = System.getProperty(SampleData.DIR_PROPERTY);
        try {
            System.setProperty(SampleData.DIR_PROPERTY, BundledSample.committedDir().toString());
            assertEquals(BundledSample.committedDir().toAbsolutePath().normalize(), SampleData.locate());
            System.setProperty(SampleData.DIR_PROPERTY, tmp.toString());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, SampleData::locate);
            assertTrue(e.getMessage().contains(SampleData.DIR_PROPERTY) && e.getMessage().contains("manifest.json"), e.getMessage());
            System.clearProperty(SampleData.DIR_PROPERTY);
            // From the module directory the search walks up to the repository's sample-data.
            if (System.getenv(SampleData.DIR_ENV) == null) {
                assertEquals(BundledSample.committedDir().toAbsolutePath().normalize(), SampleData.locate());
            }
        } finally {
            if (before == null) {
                System.clearProperty(SampleData.DIR_PROPERTY);
            } else {
                System.setProperty(SampleData.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void aDamagedBundleFailsWithALocatedMessage(@TempDir Path tmp) throws Exception {
        SampleBundleWriter.write(SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults().withQueryScale(0.02)), tmp);
        Path manifest = tmp.resolve("manifest.json");
        String good = Files.readString(manifest);

        Files.writeString(manifest, good.replace("\"traffic/support-desk.csv\"", "\"../outside.csv\""));
        ImportException escape = assertThrows(ImportException.class, () -> SampleData.load(tmp));
        assertTrue(escape.getMessage().contains("manifest.json") && escape.getMessage().contains("traffic[1].file")
                && escape.getMessage().contains("outside"), escape.getMessage());

        Files.writeString(manifest, good.replace("switchyard-sample-manifest", "something-else"));
        ImportException format = assertThrows(ImportException.class, () -> SampleData.load(tmp));
        assertTrue(format.getMessage().contains("format"), format.getMessage());

        Files.writeString(manifest, good);
        Path csv = tmp.resolve("traffic/assistant-platform.csv");
        List<String> lines = Files.readAllLines(csv);
        String broken = lines.get(3).replaceFirst(",(1|0|0\\.25|0\\.5|0\\.75),", ",7,");
        lines.set(3, broken);
        Files.write(csv, lines);
        ImportException cell = assertThrows(ImportException.class, () -> SampleData.load(tmp));
        assertTrue(cell.getMessage().contains("assistant-platform.csv") && cell.getMessage().contains("line 4"), cell.getMessage());
    }
}
