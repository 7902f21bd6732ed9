package dev.switchyard.engine.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.io.NativeDocument;
import dev.switchyard.engine.io.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switchyard's native price-sheet format (USD per 1M tokens):
 * {@code {"format":"switchyard-price-sheet","formatVersion":1,"name","sheetVersion","source",
 * "retrievedOn","effectiveFrom","currency","prices":[{"model","inputPer1M","outputPer1M",...}]}}.
 * Prices are boxed in the document so that a missing price is an error, never a zero.
 */
public final class PriceSheetJson {
    public static final String FORMAT = "switchyard-price-sheet";
    public static final int FORMAT_VERSION = 1;

    private PriceSheetJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, Integer formatVersion, String name, String sheetVersion, String source,
                    LocalDate retrievedOn, LocalDate effectiveFrom, String currency, List<Entry> prices) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String model, Double inputPer1M, Double outputPer1M, Double cachedInputPer1M, Double requestFee,
                 List<Tier> tiers, Double batchInputPer1M, Double batchOutputPer1M) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tier(Long aboveInputTokens, Double inputPer1M, Double outputPer1M, Double cachedInputPer1M) {
    }

    public static PriceSheet read(Path file) throws ImportException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static PriceSheet read(InputStream in, String fileName) throws ImportException, IOException {
        Document doc = NativeDocument.parse(in, fileName, Document.class, "a JSON price sheet object");
        NativeDocument.checkFormat(fileName, "price sheet", FORMAT, FORMAT_VERSION, doc.format(), doc.formatVersion());
        SourceLocation where = SourceLocation.ofFile(fileName);
        if (doc.prices() == null || doc.prices().isEmpty()) {
            throw new ImportException(where.withField("prices"), "the sheet lists no prices");
        }
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        for (int i = 0; i < doc.prices().size(); i++) {
            Entry e = doc.prices().get(i);
            String field = "prices[" + i + "]";
            if (e == null) {
                throw new ImportException(where.withField(field), "price entry is null");
            }
            ModelPrice price = toPrice(e, where, field);
            if (prices.put(price.modelId(), price) != null) {
                throw new ImportException(where.withField(field + ".model"), "model '" + price.modelId()
                        + "' is priced twice on this sheet");
            }
        }
        try {
            return new PriceSheet(doc.name(), doc.sheetVersion(), doc.source(), doc.retrievedOn(), doc.effectiveFrom(),
                    doc.currency(), prices);
        } catch (IllegalArgumentException ex) {
            throw new ImportException(where, ex.getMessage());
        }
    }

    private static ModelPrice toPrice(Entry e, SourceLocation where, String field) throws ImportException {
        if (e.model() == null || e.model().isBlank()) {
            throw new ImportException(where.withField(field + ".model"), "price entry has no model id");
        }
        String label = field + " (" + e.model() + ")";
        required(e.inputPer1M(), where, label, "inputPer1M");
        required(e.outputPer1M(), where, label, "outputPer1M");
        plausible(e.inputPer1M(), where, label, "inputPer1M");
        plausible(e.outputPer1M(), where, label, "outputPer1M");
        plausible(e.cachedInputPer1M(), where, label, "cachedInputPer1M");
        plausible(e.batchInputPer1M(), where, label, "batchInputPer1M");
        plausible(e.batchOutputPer1M(), where, label, "batchOutputPer1M");
        if (e.requestFee() != null && ModelPrice.feeProblem(e.requestFee()) != null) {
            throw new ImportException(where.withField(label + ".requestFee"), "requestFee " + ModelPrice.feeProblem(e.requestFee()));
        }
        List<PriceTier> tiers = new ArrayList<>();
        if (e.tiers() != null) {
            for (int t = 0; t < e.tiers().size(); t++) {
                Tier tier = e.tiers().get(t);
                String tierField = label + ".tiers[" + t + "]";
                if (tier == null) {
                    throw new ImportException(where.withField(tierField), "tier is null");
                }
                required(tier.aboveInputTokens(), where, tierField, "aboveInputTokens");
                required(tier.inputPer1M(), where, tierField, "inputPer1M");
                required(tier.outputPer1M(), where, tierField, "outputPer1M");
                plausible(tier.inputPer1M(), where, tierField, "inputPer1M");
                plausible(tier.outputPer1M(), where, tierField, "outputPer1M");
                plausible(tier.cachedInputPer1M(), where, tierField, "cachedInputPer1M");
                try {
                    tiers.add(new PriceTier(tier.aboveInputTokens(), tier.inputPer1M(), tier.outputPer1M(),
                            tier.cachedInputPer1M()));
                } catch (IllegalArgumentException ex) {
                    throw new ImportException(where.withField(tierField), ex.getMessage());
                }
            }
        }
        try {
            return new ModelPrice(e.model().strip(), e.inputPer1M(), e.outputPer1M(), e.cachedInputPer1M(),
                    e.requestFee() == null ? 0.0 : e.requestFee(), tiers, e.batchInputPer1M(), e.batchOutputPer1M());
        } catch (IllegalArgumentException ex) {
            throw new ImportException(where.withField(label), ex.getMessage());
        }
    }

    /** Non-finite, negative and absurd prices are located errors (see {@link ModelPrice#MAX_PRICE_PER_1M}). */
    private static void plausible(Double value, SourceLocation where, String field, String name) throws ImportException {
        String problem = value == null ? null : ModelPrice.priceProblem(value);
        if (problem != null) {
            throw new ImportException(where.withField(field + "." + name), name + " " + problem);
        }
    }

    private static void required(Object value, SourceLocation where, String field, String name) throws ImportException {
        if (value == null) {
            throw new ImportException(where.withField(field + "." + name), "missing " + name
                    + " (a missing price is an error, never a free model)");
        }
    }

    public static void write(PriceSheet sheet, Path file) throws IOException {
        AtomicFiles.writeBytes(file, toBytes(sheet));
    }

    public static byte[] toBytes(PriceSheet sheet) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ModelPrice p : sheet.prices().values()) {
            List<Tier> tiers = null;
            if (!p.tiers().isEmpty()) {
                tiers = new ArrayList<>();
                for (PriceTier t : p.tiers()) {
                    tiers.add(new Tier(t.aboveInputTokens(), t.inputPer1M(), t.outputPer1M(), t.cachedInputPer1M()));
                }
            }
            entries.add(new Entry(p.modelId(), p.inputPer1M(), p.outputPer1M(), p.cachedInputPer1M(),
                    p.requestFee() == 0.0 ? null : p.requestFee(), tiers, p.batchInputPer1M(), p.batchOutputPer1M()));
        }
        Document doc = new Document(FORMAT, FORMAT_VERSION, sheet.name(), sheet.version(), sheet.source(),
                sheet.retrievedOn(), sheet.effectiveFrom(), sheet.currency(), entries);
        byte[] json = Json.mapper().writeValueAsBytes(doc);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
