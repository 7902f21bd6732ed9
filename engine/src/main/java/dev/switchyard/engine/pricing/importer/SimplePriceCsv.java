package dev.switchyard.engine.pricing.importer;

import dev.switchyard.engine.io.CsvDialect;
import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple price CSV: {@code model, input_per_1m, output_per_1m} required, {@code cached_input_per_1m,
 * request_fee, effective_from, source, batch_input_per_1m, batch_output_per_1m} optional. A blank
 * cached price means "no cached price"; a blank required price is an error, never 0. A sheet has one
 * effective date, so rows that disagree on it are an error.
 *
 * <p>A price column may also be spelt the other ways teams write "USD per million tokens" ({@code input_per_mtok},
 * {@code input_per_million}, {@code input_usd_per_1m}...; see {@link #PER_MILLION}). Other units (per 1k tokens, per
 * token) are not guessed at: such a column is reported as ignored and the required column as missing.
 */
final class SimplePriceCsv {
    private SimplePriceCsv() {
    }

    static PriceImport read(Path path, String name, LocalDate retrievedOn, CsvDialect dialect) throws ImportException, IOException {
        List<String> notes = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(path).dialect(dialect)) {
            List<String> header = csv.readHeader();
            int model = require(csv, header, "model");
            int in = require(csv, header, "input_per_1m");
            int out = require(csv, header, "output_per_1m");
            int cached = column(header, "cached_input_per_1m");
            int fee = column(header, "request_fee");
            int eff = column(header, "effective_from");
            int src = column(header, "source");
            int bIn = column(header, "batch_input_per_1m");
            int bOut = column(header, "batch_output_per_1m");
            Set<Integer> known = new java.util.HashSet<>(List.of(model, in, out, cached, fee, eff, src, bIn, bOut));
            for (int i = 0; i < header.size(); i++) {
                if (!known.contains(i)) {
                    notes.add("column '" + header.get(i) + "' is not a price column and was ignored");
                }
            }
            Map<String, ModelPrice> prices = new LinkedHashMap<>();
            Map<String, Long> lineOf = new LinkedHashMap<>();
            LocalDate effective = null;
            long effectiveLine = 0;
            Set<String> sources = new LinkedHashSet<>();
            while (csv.next()) {
                if (csv.size() != header.size()) {
                    throw csv.recordError("this row has " + csv.size() + " fields but the header has " + header.size());
                }
                String id = csv.getTrimmed(model);
                if (id.isEmpty()) {
                    throw csv.error(model, "model is empty");
                }
                Long previous = lineOf.putIfAbsent(id, csv.recordLine());
                if (previous != null) {
                    throw csv.error(model, "model '" + CsvReader.abbreviate(id) + "' is priced twice (also on line " + previous + ")");
                }
                double input = price(csv, in, true);
                double output = price(csv, out, true);
                Double cachedPrice = cached >= 0 && !csv.isBlank(cached) ? price(csv, cached, false) : null;
                double requestFee = fee >= 0 && !csv.isBlank(fee) ? fee(csv, fee) : 0.0;
                Double batchIn = bIn >= 0 && !csv.isBlank(bIn) ? price(csv, bIn, false) : null;
                Double batchOut = bOut >= 0 && !csv.isBlank(bOut) ? price(csv, bOut, false) : null;
                if (eff >= 0 && !csv.isBlank(eff)) {
                    LocalDate d;
                    try {
                        d = LocalDate.parse(csv.getTrimmed(eff));
                    } catch (DateTimeParseException e) {
                        throw csv.error(eff, "'" + CsvReader.abbreviate(csv.getTrimmed(eff)) + "' is not a date (expected YYYY-MM-DD)");
                    }
                    if (effective == null) {
                        effective = d;
                        effectiveLine = csv.recordLine();
                    } else if (!effective.equals(d)) {
                        throw csv.error(eff, "effective date " + d + " differs from " + effective + " on line " + effectiveLine
                                + "; a price sheet has one effective date, so put each date in its own file");
                    }
                }
                if (src >= 0 && !csv.isBlank(src)) {
                    sources.add(csv.getTrimmed(src));
                }
                try {
                    prices.put(id, new ModelPrice(id, input, output, cachedPrice, requestFee, List.of(), batchIn, batchOut));
                } catch (IllegalArgumentException e) {
                    throw new ImportException(SourceLocation.at(csv.file(), csv.recordLine(), 1), e.getMessage(), e);
                }
            }
            if (prices.isEmpty()) {
                throw new ImportException(SourceLocation.ofFile(csv.file()), "the price sheet has a header but no prices");
            }
            String source = sources.isEmpty() ? csv.file() : String.join("; ", sources);
            return new PriceImport(new PriceSheet(name, effective == null ? "" : effective.toString(), source, retrievedOn,
                    effective, "USD", prices), PriceFormat.SIMPLE_CSV, notes);
        }
    }

    private static double price(CsvReader csv, int i, boolean required) throws ImportException {
        if (csv.isBlank(i)) {
            if (required) {
                throw csv.error(i, "price is empty; a model without a price is never treated as free");
            }
            return 0;
        }
        double v = csv.number(i);
        String problem = ModelPrice.priceProblem(v);
        if (problem != null) {
            throw csv.error(i, "price per 1M tokens " + problem);
        }
        return v;
    }

    private static double fee(CsvReader csv, int i) throws ImportException {
        double v = csv.number(i);
        String problem = ModelPrice.feeProblem(v);
        if (problem != null) {
            throw csv.error(i, "request fee " + problem);
        }
        return v;
    }

    /** Spellings of the {@code _per_1m} suffix that mean the same unit, USD per million tokens. */
    static final List<String> PER_MILLION = List.of("_per_1m", "_per_1m_tokens", "_per_mtok", "_per_million",
            "_per_million_tokens", "_usd_per_1m", "_usd_per_mtok", "_usd_per_million", "_cost_per_1m", "_price_per_1m");

    /** The column called {@code name}, or for a {@code _per_1m} price column one of its {@link #PER_MILLION} spellings. */
    private static int column(List<String> header, String name) {
        List<String> names = List.of(name);
        if (name.endsWith("_per_1m")) {
            String stem = name.substring(0, name.length() - "_per_1m".length());
            names = PER_MILLION.stream().map(suffix -> stem + suffix).toList();
        }
        for (String candidate : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().equalsIgnoreCase(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int require(CsvReader csv, List<String> header, String name) throws ImportException {
        int i = column(header, name);
        if (i < 0) {
            throw new ImportException(csv.headerLocation(-1).withField(name), "the price CSV needs a '" + name
                    + "' column (expected: model, input_per_1m, output_per_1m, cached_input_per_1m, request_fee,"
                    + " effective_from, source; found: " + CsvReader.abbreviate(String.join(", ", header)) + ")");
        }
        return i;
    }
}
