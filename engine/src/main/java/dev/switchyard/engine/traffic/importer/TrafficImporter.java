package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads traffic samples (evaluation matrices) from every layout Switchyard accepts, see
 * {@link TrafficFormat}. The layout is detected per file from its header unless forced.
 *
 * <p>All or nothing: every file is read and checked in full before the sample is built, and any
 * problem is an {@link ImportException} naming file, line, column and column name. Several files
 * (e.g. one per benchmark) become one sample; they must have the same models.
 */
public final class TrafficImporter {
    private TrafficImporter() {
    }

    public static TrafficImport importFile(Path file, ImportOptions options) throws ImportException, IOException {
        return importFiles(List.of(file), options);
    }

    /**
     * @param files CSV files; a directory stands for the {@code .csv} files in it, in name order
     */
    public static TrafficImport importFiles(List<Path> files, ImportOptions options) throws ImportException, IOException {
        ImportOptions opts = options == null ? ImportOptions.defaults() : options;
        List<Path> paths = expand(files);
        List<String> notes = new ArrayList<>();
        Cells.ModelNames names = new Cells.ModelNames(opts.catalog());
        List<ParsedTable> tables = new ArrayList<>();
        for (Path p : paths) {
            tables.add(readOne(p, opts, names, notes));
        }
        return assemble(tables, paths, opts, notes);
    }

    private static List<Path> expand(List<Path> files) throws IOException {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("no traffic files given");
        }
        Set<Path> out = new LinkedHashSet<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> s = Files.list(f)) {
                    List<Path> csvs = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                            .sorted().toList();
                    if (csvs.isEmpty()) {
                        throw new java.io.FileNotFoundException(f + " holds no .csv files");
                    }
                    out.addAll(csvs);
                }
            } else {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static ParsedTable readOne(Path path, ImportOptions opts, Cells.ModelNames names, List<String> notes)
            throws ImportException, IOException {
        String file = path.getFileName().toString();
        ReadContext ctx = new ReadContext(opts, stem(path), names, notes);
        try (CsvReader csv = CsvReader.open(path).dialect(opts.dialect())) {
            List<String> header = csv.readHeader();
            TrafficFormat format = opts.format() == TrafficFormat.AUTO ? detect(csv, header, opts) : opts.format();
            return switch (format) {
                case ROUTERBENCH -> RouterBenchReader.read(csv, header, ctx);
                case LONG -> LongFormatReader.read(csv, header, ctx);
                case SPROUT -> SproutReader.read(csv, header, ctx);
                case ROUTELLM -> RouteLlmReader.read(csv, header, ctx);
                case USAGE_LOG -> UsageLogReader.read(csv, header, ctx);
                case AUTO -> throw new IllegalStateException("unreachable");
            };
        } catch (ImportException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A value object rejected something the readers did not check: still a located user error.
            throw new ImportException(SourceLocation.ofFile(file), e.getMessage(), e);
        }
    }

    static TrafficFormat detect(CsvReader csv, List<String> header, ImportOptions opts) throws ImportException {
        if (RouterBenchReader.looksLike(header)) {
            return TrafficFormat.ROUTERBENCH;
        }
        if (LongFormatReader.looksLike(header)) {
            return TrafficFormat.LONG;
        }
        if (SproutReader.looksLike(header)) {
            return TrafficFormat.SPROUT;
        }
        if (UsageLogReader.looksLike(header, opts.usageLog())) {
            return TrafficFormat.USAGE_LOG;
        }
        if (RouteLlmReader.looksLike(header)) {
            return TrafficFormat.ROUTELLM;
        }
        StringBuilder sb = new StringBuilder("cannot tell the traffic format from the header (")
                .append(CsvReader.abbreviate(String.join(", ", header))).append("). Accepted formats:");
        for (TrafficFormat f : TrafficFormat.values()) {
            if (f != TrafficFormat.AUTO) {
                sb.append("\n  - ").append(f.description());
            }
        }
        throw new ImportException(csv.headerLocation(-1), sb.toString());
    }

    private static TrafficImport assemble(List<ParsedTable> tables, List<Path> paths, ImportOptions opts, List<String> notes)
            throws ImportException {
        ParsedTable first = tables.get(0);
        List<String> models = first.models;
        int m = models.size();
        // Column order of each table in terms of the first table's models.
        int[][] align = new int[tables.size()][];
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            if (!new HashSet<>(t.models).equals(new HashSet<>(models))) {
                List<String> onlyHere = new ArrayList<>(t.models);
                onlyHere.removeAll(models);
                List<String> onlyFirst = new ArrayList<>(models);
                onlyFirst.removeAll(t.models);
                throw new ImportException(SourceLocation.at(t.file, 1, 1),
                        "cannot merge with " + first.file + ": the model columns differ (only in " + t.file + ": " + onlyHere
                                + "; only in " + first.file + ": " + onlyFirst + "). Files imported together must have the same models");
            }
            align[k] = new int[m];
            for (int j = 0; j < m; j++) {
                align[k][j] = t.models.indexOf(models.get(j));
            }
        }
        boolean hasTimestamp = all(tables, t -> t.hasTimestamp, "timestamps", notes);
        boolean hasTenant = all(tables, t -> t.hasTenant, "tenants", notes);
        boolean hasTier = all(tables, t -> t.hasTier, "SLA tiers", notes);
        boolean hasPrompt = all(tables, t -> t.hasPrompt, "prompts", notes);
        boolean hasCost = all(tables, t -> t.hasCost, "recorded costs", notes);
        boolean hasLatency = all(tables, t -> t.hasLatency, "recorded latencies", notes);
        boolean hasTtft = all(tables, ParsedTable::hasTtft, "recorded times to first token", notes);

        QueryMatch match = matchQueries(tables, align, m, hasPrompt);
        if (match.collidingIds > 0) {
            notes.add(match.collidingIds + (match.collidingIds == 1 ? " query id stands" : " query ids stand")
                    + " for more than one prompt (" + String.join("; ", match.examples) + (match.collidingIds > match.examples.size()
                    ? "; ..." : "") + "): a query is its id and its prompt, so each is its own query; the later prompts of an id"
                    + " are named '<id>~2', '<id>~3', ...");
        }
        if (match.mergedRows > 0) {
            notes.add(match.mergedRows + " rows repeat a query of an earlier file (same id and prompt, scores agree): each such"
                    + " query is kept once");
        }

        // Missing cells: decide which models stay, then which rows.
        boolean[] keep = new boolean[m];
        java.util.Arrays.fill(keep, true);
        List<String> dropped = new ArrayList<>();
        if (opts.missingCells() == MissingCellPolicy.DROP_MODEL) {
            for (int k = 0; k < tables.size(); k++) {
                ParsedTable t = tables.get(k);
                for (int r = 0; r < t.size; r++) {
                    if (match.merged[k][r]) {
                        continue;
                    }
                    for (int j = 0; j < m; j++) {
                        if (keep[j] && missing(t, r, align[k][j], hasCost, hasLatency, hasTtft)) {
                            keep[j] = false;
                            dropped.add(models.get(j));
                        }
                    }
                }
            }
            if (dropped.size() == m) {
                throw new ImportException(SourceLocation.ofFile(first.file),
                        "every model has a missing cell somewhere, so dropping models leaves none; import with the"
                                + " default policy (drop incomplete rows) instead");
            }
            if (!dropped.isEmpty()) {
                notes.add("models dropped because they have missing cells: " + dropped);
            }
        }
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (keep[j]) {
                kept.add(models.get(j));
            }
        }
        int km = kept.size();
        int[][] cols = new int[tables.size()][km];
        for (int k = 0; k < tables.size(); k++) {
            int c = 0;
            for (int j = 0; j < m; j++) {
                if (keep[j]) {
                    cols[k][c++] = align[k][j];
                }
            }
        }
        List<SkippedRow> skipped = new ArrayList<>();
        long rowsRead = 0;
        List<boolean[]> usable = new ArrayList<>();
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            rowsRead += t.rowsRead;
            skipped.addAll(t.skipped);
            boolean[] ok = new boolean[t.size];
            boolean[] tableKeep = new boolean[t.modelCount()];
            for (int c : cols[k]) {
                tableKeep[c] = true;
            }
            for (int r = 0; r < t.size; r++) {
                if (match.merged[k][r]) {
                    continue;
                }
                String reason = missingReason(t, r, tableKeep, hasCost, hasLatency, hasTtft);
                if (reason == null) {
                    ok[r] = true;
                } else {
                    skipped.add(new SkippedRow(t.file, t.lines[r], reason));
                }
            }
            usable.add(ok);
        }
        long estimated = fillEstimates(tables, usable, cols, km);
        if (estimated > 0) {
            notes.add(estimated + " output-token cells had no count or response text: estimated from the mean of the same"
                    + " model and category, else of the category, else " + TokenEstimator.FALLBACK_OUTPUT_TOKENS
                    + " tokens (a short answer)");
        }

        String name = opts.sampleName() != null ? opts.sampleName()
                : paths.size() == 1 ? stem(paths.get(0))
                : paths.get(0).toAbsolutePath().getParent() != null && paths.get(0).toAbsolutePath().getParent().getFileName() != null
                        ? paths.get(0).toAbsolutePath().getParent().getFileName().toString() : stem(paths.get(0));
        TrafficSample.Builder b = TrafficSample.builder(name, kept);
        for (ParsedTable t : tables) {
            b.source(t.file);
        }
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            boolean[] ok = usable.get(k);
            int tm = t.modelCount();
            int[] c = cols[k];
            for (int r = 0; r < t.size; r++) {
                if (!ok[r]) {
                    continue;
                }
                float[] scores = new float[km];
                int[] out = new int[km];
                float[] cost = hasCost ? new float[km] : null;
                float[] lat = hasLatency ? new float[km] : null;
                float[] ttft = hasTtft ? new float[km] : null;
                int base = r * tm;
                for (int j = 0; j < km; j++) {
                    scores[j] = t.scores[base + c[j]];
                    out[j] = t.outputTokens[base + c[j]];
                    if (cost != null) {
                        cost[j] = t.costs[base + c[j]];
                    }
                    if (lat != null) {
                        lat[j] = t.latencies[base + c[j]];
                    }
                    if (ttft != null) {
                        ttft[j] = t.ttfts[base + c[j]];
                    }
                }
                try {
                    b.add(new QueryRecord(t.ids[r], t.categories[r], hasTimestamp ? t.timestamps[r] : null,
                            hasTenant ? t.tenants[r] : null, hasTier ? t.tiers[r] : null, hasPrompt ? t.prompts[r] : null,
                            t.inputTokens[r], t.cachedInputTokens[r], scores, out, cost, lat, ttft));
                } catch (IllegalArgumentException e) {
                    throw new ImportException(new SourceLocation(t.file, t.lines[r], 0, null), e.getMessage(), e);
                }
            }
        }
        if (b.size() == 0) {
            throw new ImportException(SourceLocation.ofFile(first.file), rowsRead == 0
                    ? "the file has a header but no data rows"
                    : "no usable rows: all " + rowsRead + " rows were left out (" + skipped.size() + " with missing cells or"
                            + " no join; first: " + (skipped.isEmpty() ? "-" : skipped.get(0)) + ")");
        }
        if (!skipped.isEmpty()) {
            notes.add(skipped.size() + " rows left out (see skippedRows); first: " + skipped.get(0));
        }
        TrafficSample sample = b.build();
        return new TrafficImport(sample, new ImportReport(rowsRead, sample.size(), skipped, dropped, notes, match.collidingIds,
                match.examples, match.mergedRows));
    }

    /** How rows became queries: which rows repeat an earlier file's query, and which ids collided. */
    private static final class QueryMatch {
        boolean[][] merged;
        int collidingIds;
        int mergedRows;
        final List<String> examples = new ArrayList<>();
    }

    /**
     * A query is its id and its prompt. Rows with the same id and a different prompt are different
     * queries: the later ones get a unique name ({@code id~2}, ...). Across files, the same id and
     * prompt is one query: the scores must agree (a conflict is a located error); cells missing on
     * one side are taken from the other, and the later row is not a query of its own. Within one
     * file the readers already rejected a repeated id and prompt.
     */
    private static QueryMatch matchQueries(List<ParsedTable> tables, int[][] align, int m, boolean usePrompt)
            throws ImportException {
        QueryMatch out = new QueryMatch();
        out.merged = new boolean[tables.size()][];
        boolean any = tables.size() > 1;
        for (int k = 0; k < tables.size(); k++) {
            out.merged[k] = new boolean[tables.get(k).size];
            any |= tables.get(k).idCollisions;
        }
        if (!any) {
            return out;
        }
        Set<String> taken = new HashSet<>();
        for (ParsedTable t : tables) {
            for (int r = 0; r < t.size; r++) {
                taken.add(t.ids[r]);
            }
        }
        Map<String, Object> byId = new HashMap<>();
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            for (int r = 0; r < t.size; r++) {
                String id = t.ids[r];
                String prompt = usePrompt ? t.prompts[r] : null;
                long here = (long) k << 32 | r;
                Object known = byId.get(id);
                if (known == null) {
                    byId.put(id, here);
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Long> queries = known instanceof Long l ? new ArrayList<>(List.of(l)) : (List<Long>) known;
                if (known instanceof Long) {
                    byId.put(id, queries);
                }
                long same = -1;
                for (long q : queries) {
                    ParsedTable qt = tables.get((int) (q >>> 32));
                    if (!usePrompt || prompt.equals(qt.prompts[(int) q])) {
                        same = q;
                        break;
                    }
                }
                if (same >= 0) {
                    int k0 = (int) (same >>> 32);
                    ParsedTable t0 = tables.get(k0);
                    if (k0 == k) {
                        throw new ImportException(new SourceLocation(t.file, t.lines[r], 0, t.idColumn), "query id '"
                                + CsvReader.abbreviate(id) + "' appears more than once (also on line " + t0.lines[(int) same] + ")");
                    }
                    merge(t0, (int) same, align[k0], t, r, align[k], m, id);
                    out.merged[k][r] = true;
                    out.mergedRows++;
                    continue;
                }
                queries.add(here);
                int n = queries.size();
                String name = id + "~" + n;
                while (!taken.add(name)) {
                    name = name + "~";
                }
                t.ids[r] = name;
                if (n == 2) {
                    out.collidingIds++;
                    if (out.examples.size() < 3) {
                        long first = queries.get(0);
                        ParsedTable ft = tables.get((int) (first >>> 32));
                        out.examples.add("'" + CsvReader.abbreviate(id) + "' on " + ft.file + " line " + ft.lines[(int) first]
                                + " and " + t.file + " line " + t.lines[r]);
                    }
                }
            }
        }
        return out;
    }

    /** Row {@code r} of {@code t} is query row {@code r0} of {@code t0} again: check and fill in. */
    private static void merge(ParsedTable t0, int r0, int[] align0, ParsedTable t, int r, int[] align, int m, String id)
            throws ImportException {
        int m0 = t0.modelCount();
        int m1 = t.modelCount();
        for (int j = 0; j < m; j++) {
            int c0 = r0 * m0 + align0[j];
            int c1 = r * m1 + align[j];
            float s0 = t0.scores[c0];
            float s1 = t.scores[c1];
            if (!Float.isNaN(s0) && !Float.isNaN(s1) && s0 != s1) {
                throw new ImportException(new SourceLocation(t.file, t.lines[r], 0, t.scoreColumn[align[j]]), "query '"
                        + CsvReader.abbreviate(id) + "' (same id and prompt) is also on line " + t0.lines[r0] + " of " + t0.file
                        + ", where '" + t0.scoreColumn[align0[j]] + "' is " + s0 + " but here it is " + s1
                        + "; the files disagree about the same query");
            }
            if (Float.isNaN(s0) && !Float.isNaN(s1)) {
                t0.scores[c0] = s1;
                t0.outputTokens[c0] = t.outputTokens[c1];
                if (t0.costs != null && t.costs != null) {
                    t0.costs[c0] = t.costs[c1];
                }
                if (t0.latencies != null && t.latencies != null) {
                    t0.latencies[c0] = t.latencies[c1];
                }
                if (t0.ttfts != null && t.ttfts != null) {
                    t0.ttfts[c0] = t.ttfts[c1];
                }
            }
        }
    }

    private static boolean missing(ParsedTable t, int r, int j, boolean useCost, boolean useLatency, boolean useTtft) {
        int cell = r * t.modelCount() + j;
        return Float.isNaN(t.scores[cell]) || t.outputTokens[cell] == ParsedTable.MISSING
                || useCost && Float.isNaN(t.costs[cell]) || useLatency && Float.isNaN(t.latencies[cell])
                || useTtft && Float.isNaN(t.ttfts[cell]);
    }

    private static String missingReason(ParsedTable t, int r, boolean[] keep, boolean useCost, boolean useLatency,
            boolean useTtft) {
        StringBuilder sb = null;
        int m = t.modelCount();
        for (int j = 0; j < m; j++) {
            if (!keep[j]) {
                continue;
            }
            int cell = r * m + j;
            String column = null;
            if (Float.isNaN(t.scores[cell])) {
                column = t.scoreColumn[j];
            } else if (t.outputTokens[cell] == ParsedTable.MISSING) {
                column = t.outputColumn[j];
            } else if (useCost && Float.isNaN(t.costs[cell])) {
                column = t.costColumn[j];
            } else if (useLatency && Float.isNaN(t.latencies[cell])) {
                column = t.latencyColumn[j];
            } else if (useTtft && Float.isNaN(t.ttfts[cell])) {
                column = t.ttftColumn[j];
            }
            if (column != null) {
                sb = sb == null ? new StringBuilder("missing cell in '") : sb.append(", '");
                sb.append(column).append('\'');
            }
        }
        return sb == null ? null : sb.toString();
    }

    /** Replaces ESTIMATE output tokens of usable rows; returns how many cells were estimated. */
    private static long fillEstimates(List<ParsedTable> tables, List<boolean[]> usable, int[][] cols, int km) {
        Map<String, double[]> sums = new HashMap<>();
        boolean any = false;
        String lastCategory = null;
        double[] s = null;
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            int tm = t.modelCount();
            for (int r = 0; r < t.size; r++) {
                if (!usable.get(k)[r]) {
                    continue;
                }
                if (t.categories[r] != lastCategory) {
                    lastCategory = t.categories[r];
                    s = sums.computeIfAbsent(lastCategory, c -> new double[2 * km + 2]);
                }
                for (int j = 0; j < km; j++) {
                    int v = t.outputTokens[r * tm + cols[k][j]];
                    if (v >= 0) {
                        s[2 * j] += v;
                        s[2 * j + 1]++;
                        s[2 * km] += v;
                        s[2 * km + 1]++;
                    } else {
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return 0;
        }
        long estimated = 0;
        lastCategory = null;
        for (int k = 0; k < tables.size(); k++) {
            ParsedTable t = tables.get(k);
            int tm = t.modelCount();
            for (int r = 0; r < t.size; r++) {
                if (!usable.get(k)[r]) {
                    continue;
                }
                if (t.categories[r] != lastCategory) {
                    lastCategory = t.categories[r];
                    s = sums.get(lastCategory);
                }
                for (int j = 0; j < km; j++) {
                    int cell = r * tm + cols[k][j];
                    if (t.outputTokens[cell] == ParsedTable.ESTIMATE) {
                        t.outputTokens[cell] = s[2 * j + 1] > 0 ? (int) Math.round(s[2 * j] / s[2 * j + 1])
                                : s[2 * km + 1] > 0 ? (int) Math.round(s[2 * km] / s[2 * km + 1])
                                : TokenEstimator.FALLBACK_OUTPUT_TOKENS;
                        estimated++;
                    }
                }
            }
        }
        return estimated;
    }

    private static boolean all(List<ParsedTable> tables, java.util.function.Predicate<ParsedTable> has, String what,
            List<String> notes) {
        long with = tables.stream().filter(has).count();
        if (with > 0 && with < tables.size()) {
            notes.add(what + " dropped: only " + with + " of " + tables.size() + " files have them");
        }
        return with == tables.size();
    }
}
