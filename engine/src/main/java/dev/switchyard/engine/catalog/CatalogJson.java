package dev.switchyard.engine.catalog;

import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.io.NativeDocument;
import dev.switchyard.engine.io.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Switchyard's native catalog format:
 * {@code {"format":"switchyard-catalog","formatVersion":1,"name":...,"models":[ModelInfo...]}}.
 * Unknown fields are rejected so a typo in a field name is reported instead of silently ignored.
 */
public final class CatalogJson {
    public static final String FORMAT = "switchyard-catalog";
    public static final int FORMAT_VERSION = 1;

    private CatalogJson() {
    }

    /** The document as it appears on disk. */
    record Document(String format, Integer formatVersion, String name, List<Entry> models) {
    }

    /** ModelInfo with optional numbers boxed: an absent context window means "unknown" (0). */
    record Entry(String id, String displayName, String provider, String family, String tier, List<String> aliases,
                 Integer contextWindow, Integer maxOutputTokens, LatencyProfile latency,
                 java.util.Map<String, Double> qualityPriors, java.time.LocalDate deprecationDate, String provenance,
                 @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                 RateLimit rateLimit) {

        static Entry of(ModelInfo m) {
            return new Entry(m.id(), m.displayName(), m.provider(), m.family(), m.tier(), m.aliases(), m.contextWindow(),
                    m.maxOutputTokens(), m.latency(), m.qualityPriors(), m.deprecationDate(), m.provenance(), m.rateLimit());
        }

        ModelInfo toModel() {
            return new ModelInfo(id, displayName, provider, family, tier, aliases,
                    contextWindow == null ? 0 : contextWindow, maxOutputTokens == null ? 0 : maxOutputTokens,
                    latency, qualityPriors, deprecationDate, provenance, rateLimit);
        }
    }

    public static Catalog read(Path file) throws ImportException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static Catalog read(InputStream in, String fileName) throws ImportException, IOException {
        Document doc = NativeDocument.parse(in, fileName, Document.class, "a JSON catalog object");
        NativeDocument.checkFormat(fileName, "catalog", FORMAT, FORMAT_VERSION, doc.format(), doc.formatVersion());
        SourceLocation where = SourceLocation.ofFile(fileName);
        if (doc.models() == null || doc.models().isEmpty()) {
            throw new ImportException(where.withField("models"), "the catalog lists no models");
        }
        List<ModelInfo> models = new java.util.ArrayList<>();
        for (int i = 0; i < doc.models().size(); i++) {
            Entry entry = doc.models().get(i);
            if (entry == null) {
                throw new ImportException(where.withField("models[" + i + "]"), "model entry is null");
            }
            try {
                models.add(entry.toModel());
            } catch (IllegalArgumentException e) {
                throw new ImportException(where.withField("models[" + i + "]"), e.getMessage());
            }
        }
        // a fallback must be a model of this catalog: said at the entry that names it, before the catalog-wide checks
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ModelInfo m : models) {
            names.add(m.id().toLowerCase(java.util.Locale.ROOT));
            m.aliases().forEach(a -> names.add(a.toLowerCase(java.util.Locale.ROOT)));
        }
        for (int i = 0; i < models.size(); i++) {
            RateLimit limit = models.get(i).rateLimit();
            if (limit != null && limit.hasFallback() && !names.contains(limit.fallback().toLowerCase(java.util.Locale.ROOT))) {
                List<String> close;
                try {
                    close = new Catalog(doc.name(), models.stream().map(m -> m.withRateLimit(null)).toList())
                            .closeMatches(limit.fallback(), 3);
                } catch (IllegalArgumentException duplicateIds) {
                    close = List.of(); // reported by the catalog-wide check once the fallback is fixed
                }
                throw new ImportException(where.withField("models[" + i + "].rateLimit.fallback"), "model '"
                        + models.get(i).id() + "' names rate-limit fallback '" + limit.fallback()
                        + "', which is not a model of this catalog" + (close.isEmpty() ? "" : "; did you mean "
                        + String.join(", ", close) + "?"));
            }
        }
        try {
            return new Catalog(doc.name(), models);
        } catch (IllegalArgumentException e) {
            throw new ImportException(where.withField("models"), e.getMessage());
        }
    }

    public static void write(Catalog catalog, Path file) throws IOException {
        byte[] bytes = toBytes(catalog);
        AtomicFiles.writeBytes(file, bytes);
    }

    public static byte[] toBytes(Catalog catalog) throws IOException {
        Document doc = new Document(FORMAT, FORMAT_VERSION, catalog.name(),
                catalog.models().stream().map(Entry::of).toList());
        byte[] json = Json.mapper().writeValueAsBytes(doc);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
