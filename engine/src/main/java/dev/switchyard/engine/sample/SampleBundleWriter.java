package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated bundle to a directory: catalog, price sheets, traffic CSVs, README and, last,
 * the manifest (so a directory with a manifest always has every file it lists). Every file goes
 * through {@link AtomicFiles}.
 */
public final class SampleBundleWriter {
    public static final String MANIFEST = "manifest.json";
    public static final String CATALOG = "catalog.json";
    public static final String README = "README.md";

    private SampleBundleWriter() {
    }

    /** Writes the bundle and returns the written files' paths relative to {@code dir}, manifest last. */
    public static List<String> write(SampleDataGenerator.GeneratedSample g, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        CatalogJson.write(g.catalog(), dir.resolve(CATALOG));
        written.add(CATALOG);
        List<SampleManifest.PriceSheetEntry> sheets = new ArrayList<>();
        for (PriceSheet s : g.priceSheets()) {
            String file = "prices/" + s.name() + ".json";
            PriceSheetJson.write(s, dir.resolve(file));
            written.add(file);
            sheets.add(new SampleManifest.PriceSheetEntry(s.name(), file,
                    s.effectiveFrom() == null ? null : s.effectiveFrom().toString()));
        }
        List<SampleManifest.TrafficEntry> traffic = new ArrayList<>();
        List<SampleStatistics> stats = new ArrayList<>();
        for (NamedTraffic t : g.traffic()) {
            SproutCsvWriter.write(t.sample(), dir.resolve(t.file()));
            written.add(t.file());
            traffic.add(new SampleManifest.TrafficEntry(t.name(), t.file(), t.description(), t.sample().size(),
                    t.sample().models(), round(g.expectedCeiling().get(t.name()))));
            try {
                stats.add(SampleStatistics.of(t.sample(), g.catalog(), g.priceSheets()));
            } catch (CostTable.UnpricedModelsException e) {
                throw new IllegalStateException("generated price sheets must price every generated model: " + e.getMessage(), e);
            }
        }
        AtomicFiles.writeString(dir.resolve(README), SampleReadme.render(g, stats));
        written.add(README);
        SampleDataGenerator.Parameters p = g.parameters();
        SampleManifest manifest = new SampleManifest(SampleManifest.FORMAT, SampleManifest.FORMAT_VERSION,
                SampleDataGenerator.class.getName(), SampleDataGenerator.GENERATOR_VERSION, p.seed(),
                p.generatedOn().toString(), p.asMap(), CATALOG, sheets, traffic, SampleProfiles.APP_DEFAULT_TRAFFIC, README);
        byte[] json = Json.mapper().writeValueAsBytes(manifest);
        byte[] bytes = java.util.Arrays.copyOf(json, json.length + 1);
        bytes[json.length] = '\n';
        AtomicFiles.writeBytes(dir.resolve(MANIFEST), bytes);
        written.add(MANIFEST);
        return written;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
