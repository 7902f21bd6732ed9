package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Cell parsing shared by the traffic readers: every failure names file, line, column and column name. */
final class Cells {
    private Cells() {
    }

    /** A score in [0,1]; True/False read as 1/0; NaN when the cell is blank (a missing cell). */
    static float score(CsvReader csv, int i) throws ImportException {
        if (csv.isBlank(i)) {
            return Float.NaN;
        }
        if (csv.equalsIgnoreCase(i, "true")) {
            return 1f;
        }
        if (csv.equalsIgnoreCase(i, "false")) {
            return 0f;
        }
        double v = csv.number(i);
        if (v < 0 || v > 1) {
            throw csv.error(i, "score " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is outside [0,1]");
        }
        return (float) v;
    }

    /** A token count (a whole number >= 0; "12.0" accepted as pandas writes it); MISSING when blank. */
    static int tokens(CsvReader csv, int i) throws ImportException {
        if (csv.isBlank(i)) {
            return ParsedTable.MISSING;
        }
        double v = csv.number(i);
        if (v < 0) {
            throw csv.error(i, "token count " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is negative");
        }
        if (v != Math.rint(v)) {
            throw csv.error(i, "token count " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is not a whole number");
        }
        if (v > Integer.MAX_VALUE) {
            throw csv.error(i, "token count " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is too large");
        }
        return (int) v;
    }

    /** A finite amount >= 0 (cost, latency); NaN when blank. */
    static float amount(CsvReader csv, int i, String what) throws ImportException {
        if (csv.isBlank(i)) {
            return Float.NaN;
        }
        double v = csv.number(i);
        if (v < 0) {
            throw csv.error(i, what + " " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is negative");
        }
        if (v > Float.MAX_VALUE) {
            throw csv.error(i, what + " " + CsvReader.abbreviate(csv.getTrimmed(i)) + " is too large");
        }
        return (float) v;
    }

    /**
     * A recorded time to first token in ms (>= 0; NaN when blank), at most the same answer's recorded total latency
     * {@code totalMs} (NaN when the file records none).
     */
    static float ttft(CsvReader csv, int i, float totalMs) throws ImportException {
        float v = amount(csv, i, "time to first token");
        if (!Float.isNaN(v) && !Float.isNaN(totalMs) && v > totalMs) {
            throw csv.error(i, "time to first token " + CsvReader.abbreviate(csv.getTrimmed(i))
                    + " ms exceeds the answer's total latency (" + totalMs + " ms): the first token cannot come after the last");
        }
        return v;
    }

    /** A required text cell, trimmed. */
    static String text(CsvReader csv, int i, String what) throws ImportException {
        String s = csv.getTrimmed(i);
        if (s.isEmpty()) {
            throw csv.error(i, what + " is empty");
        }
        return s;
    }

    static long timestamp(CsvReader csv, int i) throws ImportException {
        String s = csv.getTrimmed(i);
        if (s.isEmpty()) {
            throw csv.error(i, "timestamp is empty (a column must be filled for every row or left out)");
        }
        Long t = Timestamps.parse(s);
        if (t == null) {
            throw csv.error(i, "'" + CsvReader.abbreviate(s) + "' is not a timestamp; expected ISO-8601 such as 2026-05-04T13:22:10Z");
        }
        return t;
    }

    /**
     * Category cells repeat a handful of values a million times: reuse the String instead of
     * allocating and hashing a new one per row.
     */
    static final class Categories {
        private static final int MAX = 256;
        private final List<String> known = new ArrayList<>();

        String of(CsvReader csv, int i, String what) throws ImportException {
            for (int k = 0; k < known.size(); k++) {
                if (csv.contentEquals(i, known.get(k))) {
                    return known.get(k);
                }
            }
            String s = text(csv, i, what);
            if (known.size() < MAX) {
                known.add(s);
            }
            return s;
        }
    }

    /** Every record must have as many fields as the header. */
    static void requireWidth(CsvReader csv, int width) throws ImportException {
        if (csv.size() != width) {
            throw csv.recordError("this row has " + csv.size() + " fields but the header has " + width
                    + " (a quote may be unbalanced, or a comma unquoted)");
        }
    }

    /** Index of a column by case-insensitive name, or -1. */
    static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static int requireColumn(CsvReader csv, List<String> header, String name, String format) throws ImportException {
        int i = column(header, name);
        if (i < 0) {
            throw new ImportException(csv.headerLocation(-1).withField(name),
                    "the header has no column '" + name + "', which the " + format + " format needs (columns found: "
                            + CsvReader.abbreviate(String.join(", ", header)) + ")");
        }
        return i;
    }

    /**
     * Canonical model ids for model names found in a file. With an empty catalog names stay as they
     * are; otherwise every name must be an id or alias, and two names may not mean the same model.
     */
    static final class ModelNames {
        private final Catalog catalog;
        private final Map<String, String> resolved = new HashMap<>();

        ModelNames(Catalog catalog) {
            this.catalog = catalog;
        }

        /** The canonical id, or empty when the catalog does not know the name. */
        Optional<String> resolve(String name) {
            if (catalog.models().isEmpty()) {
                return Optional.of(name);
            }
            String hit = resolved.get(name);
            if (hit != null) {
                return Optional.of(hit);
            }
            Optional<String> id = catalog.resolve(name).map(ModelInfo::id);
            id.ifPresent(v -> resolved.put(name, v));
            return id;
        }

        String describeUnmatched(List<String> names) {
            List<String> parts = new ArrayList<>();
            for (String n : names) {
                List<String> close = catalog.closeMatches(n, 3);
                parts.add("'" + n + "'" + (close.isEmpty() ? " (no close match)" : " (did you mean " + String.join(", ", close) + "?)"));
            }
            return (names.size() == 1 ? "model " : "models ") + String.join(", ", parts) + " not in catalog '"
                    + catalog.name() + "'; add " + (names.size() == 1 ? "it" : "them")
                    + " to the catalog as an id or alias, or import without a catalog";
        }

        /** Resolves header model columns, failing with every unmatched name at once. */
        List<String> resolveColumns(CsvReader csv, List<String> names, List<Integer> columns) throws ImportException {
            List<String> ids = new ArrayList<>();
            List<String> unmatched = new ArrayList<>();
            int firstBad = -1;
            Map<String, String> byId = new HashMap<>();
            for (int k = 0; k < names.size(); k++) {
                Optional<String> id = resolve(names.get(k));
                if (id.isEmpty()) {
                    unmatched.add(names.get(k));
                    if (firstBad < 0) {
                        firstBad = columns.get(k);
                    }
                    continue;
                }
                String other = byId.putIfAbsent(id.get().toLowerCase(Locale.ROOT), names.get(k));
                if (other != null) {
                    throw new ImportException(csv.headerLocation(columns.get(k)),
                            "columns '" + other + "' and '" + names.get(k) + "' are both model '" + id.get() + "'");
                }
                ids.add(id.get());
            }
            if (!unmatched.isEmpty()) {
                throw new ImportException(csv.headerLocation(firstBad),
                        describeUnmatched(unmatched));
            }
            return ids;
        }
    }
}
