package dev.switchyard.engine.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.TrafficFormat;
import dev.switchyard.engine.traffic.importer.TrafficImport;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and loads the bundled sample data ({@code sample-data/manifest.json} and the files it
 * lists). Catalog and prices are read with the native codecs and traffic with the regular
 * importer, so the bundle is held to the same checks as a user's own files.
 */
public final class SampleData {
    public static final String DIR_PROPERTY = "switchyard.sample.dir";
    public static final String DIR_ENV = "SWITCHYARD_SAMPLE_DIR";
    public static final String DIR_NAME = "sample-data";

    private SampleData() {
    }

    /**
     * The sample-data directory: the {@value #DIR_PROPERTY} system property, else the
     * {@value #DIR_ENV} environment variable, else the first {@code sample-data/manifest.json}
     * found searching upward from the working directory and then from where this code was loaded.
     *
     * @throws UncheckedIOException (wrapping a {@link FileNotFoundException}) naming every place
     *     searched, when none holds a manifest
     */
    public static Path locate() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return requireManifest(Path.of(property.strip()), "system property " + DIR_PROPERTY);
        }
        String env = System.getenv(DIR_ENV);
        if (env != null && !env.isBlank()) {
            return requireManifest(Path.of(env.strip()), "environment variable " + DIR_ENV);
        }
        Set<Path> starts = new LinkedHashSet<>();
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        List<String> searched = new ArrayList<>();
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(DIR_NAME);
                if (Files.isRegularFile(candidate.resolve(SampleBundleWriter.MANIFEST))) {
                    return candidate.toAbsolutePath().normalize();
                }
            }
            searched.add(start.toString());
        }
        throw new UncheckedIOException(new FileNotFoundException("no " + DIR_NAME + "/" + SampleBundleWriter.MANIFEST
                + " found in any folder above " + String.join(" or ", searched) + "; set -D" + DIR_PROPERTY
                + "=<folder> or " + DIR_ENV + ", or regenerate it with ./switchyard generate-sample --out sample-data"));
    }

    private static Path requireManifest(Path dir, String origin) {
        if (!Files.isRegularFile(dir.resolve(SampleBundleWriter.MANIFEST))) {
            throw new UncheckedIOException(new FileNotFoundException(origin + " points to " + dir
                    + ", which holds no " + SampleBundleWriter.MANIFEST));
        }
        return dir.toAbsolutePath().normalize();
    }

    private static java.util.Optional<Path> codeLocation() {
        try {
            CodeSource source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            return java.util.Optional.empty(); // e.g. loaded from a jrt: image: fall back to the other places
        }
    }

    /** Loads the bundle found by {@link #locate()}. */
    public static SampleBundle load() throws ImportException, IOException {
        return load(locate());
    }

    /** Loads the bundle in {@code dir}: all or nothing, with located errors. */
    public static SampleBundle load(Path dir) throws ImportException, IOException {
        return load(dir, false);
    }

    /**
     * Loads the catalog, the price sheets and only the traffic sample the app opens on (the
     * manifest's {@code defaultTraffic}): what start-up needs, without importing the others.
     */
    public static SampleBundle loadDefault(Path dir) throws ImportException, IOException {
        return load(dir, true);
    }

    private static SampleBundle load(Path dir, boolean defaultTrafficOnly) throws ImportException, IOException {
        SampleManifest manifest = readManifest(dir);
        Catalog catalog = CatalogJson.read(resolve(dir, manifest.catalog(), "catalog"));
        List<PriceSheet> sheets = new ArrayList<>();
        for (int i = 0; i < manifest.priceSheets().size(); i++) {
            sheets.add(PriceSheetJson.read(resolve(dir, manifest.priceSheets().get(i).file(), "priceSheets[" + i + "].file")));
        }
        List<NamedTraffic> traffic = new ArrayList<>();
        for (int i = 0; i < manifest.traffic().size(); i++) {
            SampleManifest.TrafficEntry entry = manifest.traffic().get(i);
            boolean opening = manifest.defaultTraffic() == null ? i == 0 : entry.name().equals(manifest.defaultTraffic());
            if (defaultTrafficOnly && !opening) {
                continue;
            }
            Path file = resolve(dir, entry.file(), "traffic[" + i + "].file");
            ImportOptions options = ImportOptions.defaults().withCatalog(catalog).withFormat(TrafficFormat.SPROUT)
                    .withSampleName(entry.name());
            TrafficImport imported = TrafficImporter.importFiles(List.of(file), options);
            if (!imported.report().skippedRows().isEmpty() || imported.sample().size() != entry.queries()) {
                // The bundle is generated whole; a skipped row means a damaged file, not data to shrug off.
                throw new ImportException(SourceLocation.ofFile(entry.file()), "expected " + entry.queries()
                        + " complete queries as the manifest says, read " + imported.sample().size() + " ("
                        + imported.report().skippedRows().size() + " rows skipped"
                        + (imported.report().skippedRows().isEmpty() ? "" : ", first at line "
                        + imported.report().skippedRows().get(0).line() + ": " + imported.report().skippedRows().get(0).reason())
                        + "); regenerate with ./switchyard generate-sample");
            }
            traffic.add(new NamedTraffic(entry.name(), entry.description(), entry.file(), imported.sample()));
        }
        if (sheets.isEmpty() || traffic.isEmpty()) {
            throw new ImportException(SourceLocation.atField(SampleBundleWriter.MANIFEST, 0, 0,
                    sheets.isEmpty() ? "priceSheets" : "traffic"), "the manifest lists no "
                    + (sheets.isEmpty() ? "price sheets" : "traffic samples"));
        }
        try {
            return new SampleBundle(dir.toAbsolutePath().normalize(), catalog, sheets, traffic, manifest.defaultTraffic());
        } catch (IllegalArgumentException e) {
            throw new ImportException(SourceLocation.atField(SampleBundleWriter.MANIFEST, 0, 0, "defaultTraffic"),
                    e.getMessage());
        }
    }

    /** Reads and checks {@code manifest.json} in {@code dir}. */
    public static SampleManifest readManifest(Path dir) throws ImportException, IOException {
        Path file = dir.resolve(SampleBundleWriter.MANIFEST);
        SampleManifest m;
        try (InputStream in = Files.newInputStream(file)) {
            m = Json.mapper().readValue(in, SampleManifest.class);
        } catch (JsonProcessingException e) {
            throw Json.locate(SampleBundleWriter.MANIFEST, e);
        }
        SourceLocation where = SourceLocation.ofFile(SampleBundleWriter.MANIFEST);
        if (m == null) {
            throw new ImportException(where, "the manifest is empty");
        }
        if (!SampleManifest.FORMAT.equals(m.format())) {
            throw new ImportException(where.withField("format"), "expected \"" + SampleManifest.FORMAT + "\", found "
                    + (m.format() == null ? "none" : "\"" + m.format() + "\""));
        }
        if (m.formatVersion() < 1 || m.formatVersion() > SampleManifest.FORMAT_VERSION) {
            throw new ImportException(where.withField("formatVersion"), "manifest format version " + m.formatVersion()
                    + " is not one this Switchyard reads (1.." + SampleManifest.FORMAT_VERSION + ")");
        }
        if (m.catalog() == null) {
            throw new ImportException(where.withField("catalog"), "the manifest names no catalog file");
        }
        return m;
    }

    /** A manifest path inside the bundle directory; anything escaping it is rejected. */
    private static Path resolve(Path dir, String relative, String field) throws ImportException {
        SourceLocation where = SourceLocation.atField(SampleBundleWriter.MANIFEST, 0, 0, field);
        if (relative == null || relative.isBlank()) {
            throw new ImportException(where, "missing file name");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        if (!p.startsWith(base)) {
            throw new ImportException(where, "'" + relative + "' points outside the sample-data folder");
        }
        if (!Files.isRegularFile(p)) {
            throw new ImportException(where, "'" + relative + "' does not exist in " + base);
        }
        return p;
    }
}
