package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A usage log (one row per production request) joined with an evaluation sample by category.
 *
 * <p>A log says what traffic looked like (volume, timing, category, tenant and token mix) but not
 * how every candidate model would have answered. So each log row becomes one query that keeps the
 * log's own id, timestamp, tenant, SLA tier, category and input/cached tokens, and borrows the
 * per-model scores and output tokens of one evaluation query of the same category. The choice is
 * deterministic: a hash of the row's query id picks among that category's evaluation queries. A
 * row whose category has no evaluation query is a skipped row (reported). Logged model, cost,
 * latency and feedback describe only the model that served the request, so they are validated and
 * summarised in the notes, not stored as outcomes.
 */
final class UsageLogReader {
    private UsageLogReader() {
    }

    static boolean looksLike(List<String> header, UsageLogMapping mapping) {
        UsageLogMapping m = mapping == null ? UsageLogMapping.defaults() : mapping;
        return Cells.column(header, m.inputTokens()) >= 0
                && (m.timestamp() != null && Cells.column(header, m.timestamp()) >= 0
                        || m.model() != null && Cells.column(header, m.model()) >= 0);
    }

    private static int col(CsvReader csv, List<String> header, String name, boolean strict) throws ImportException {
        if (name == null) {
            return -1;
        }
        int i = Cells.column(header, name);
        if (i < 0 && strict) {
            throw new ImportException(csv.headerLocation(-1).withField(name),
                    "the usage-log mapping names column '" + name + "', which the header does not have (columns found: "
                            + CsvReader.abbreviate(String.join(", ", header)) + ")");
        }
        return i;
    }

    static ParsedTable read(CsvReader csv, List<String> header, ReadContext ctx) throws ImportException, IOException {
        String file = csv.file();
        TrafficSample eval = ctx.options.evaluationSample();
        if (eval == null) {
            throw new ImportException(SourceLocation.ofFile(file),
                    "this is a usage log: it has no per-model outcomes. Import it together with an evaluation sample"
                            + " (ImportOptions.withUsageLog(mapping, evaluationSample)); each row then borrows the outcomes"
                            + " of an evaluation query of the same category");
        }
        boolean strict = ctx.options.usageLog() != null;
        UsageLogMapping map = strict ? ctx.options.usageLog() : UsageLogMapping.defaults();
        int inCol = Cells.requireColumn(csv, header, map.inputTokens(), "usage-log");
        int tsCol = col(csv, header, map.timestamp(), strict);
        int modelCol = col(csv, header, map.model(), strict);
        int cachedCol = col(csv, header, map.cachedInputTokens(), strict);
        int outCol = col(csv, header, map.outputTokens(), strict);
        int costCol = col(csv, header, map.costUsd(), strict);
        int latCol = col(csv, header, map.latencyMs(), strict);
        int tenantCol = col(csv, header, map.tenant(), strict);
        int catCol = col(csv, header, map.category(), strict);
        int fbCol = col(csv, header, map.feedback(), strict);
        int idCol = col(csv, header, map.queryId(), strict);
        int tierCol = col(csv, header, map.slaTier(), strict);

        Map<String, int[]> byCategory = new HashMap<>();
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int q = 0; q < eval.size(); q++) {
            lists.computeIfAbsent(eval.categories().get(eval.category(q)), k -> new ArrayList<>()).add(q);
        }
        lists.forEach((k, v) -> byCategory.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        int[] all = new int[eval.size()];
        for (int q = 0; q < all.length; q++) {
            all[q] = q;
        }
        List<String> models = eval.models();
        int m = models.size();
        String[] cols = new String[m];
        for (int j = 0; j < m; j++) {
            cols[j] = models.get(j) + " (from evaluation sample '" + eval.name() + "')";
        }
        ParsedTable t = new ParsedTable(file, TrafficFormat.USAGE_LOG, models, idCol >= 0 ? header.get(idCol) : null,
                cols, cols, null, null, tsCol >= 0, tenantCol >= 0, tierCol >= 0, false);
        Set<String> seen = new HashSet<>();
        Map<String, Long> modelMix = new TreeMap<>();
        Map<String, Integer> unmatchedCategories = new TreeMap<>();
        double loggedCost = 0;
        long feedbackRows = 0;
        int width = header.size();
        while (csv.next()) {
            t.rowsRead++;
            Cells.requireWidth(csv, width);
            String id = idCol >= 0 ? Cells.text(csv, idCol, "request id") : ctx.stem + "#" + csv.recordLine();
            if (!seen.add(id)) {
                throw csv.error(idCol >= 0 ? idCol : 0, "request id '" + CsvReader.abbreviate(id) + "' appears more than once");
            }
            int input = Cells.tokens(csv, inCol);
            if (input == ParsedTable.MISSING) {
                throw csv.error(inCol, "input tokens are empty");
            }
            int cached = cachedCol >= 0 && !csv.isBlank(cachedCol) ? Cells.tokens(csv, cachedCol) : 0;
            if (cached > input) {
                throw csv.error(cachedCol, "cached input tokens (" + cached + ") exceed the input tokens (" + input + ")");
            }
            if (outCol >= 0) {
                Cells.tokens(csv, outCol);
            }
            if (costCol >= 0) {
                float c = Cells.amount(csv, costCol, "cost");
                if (!Float.isNaN(c)) {
                    loggedCost += c;
                }
            }
            if (latCol >= 0) {
                Cells.amount(csv, latCol, "latency");
            }
            if (fbCol >= 0 && !csv.isBlank(fbCol)) {
                feedbackRows++;
            }
            if (modelCol >= 0) {
                modelMix.merge(csv.getTrimmed(modelCol), 1L, Long::sum);
            }
            long ts = tsCol >= 0 ? Cells.timestamp(csv, tsCol) : 0L;
            String tenant = tenantCol >= 0 ? Cells.text(csv, tenantCol, "tenant") : null;
            String tier = tierCol >= 0 ? Cells.text(csv, tierCol, "sla tier") : null;
            String category;
            int[] pool;
            if (catCol >= 0) {
                category = Cells.text(csv, catCol, "category");
                pool = byCategory.get(category);
                if (pool == null) {
                    unmatchedCategories.merge(category, 1, Integer::sum);
                    t.skipped.add(new SkippedRow(file, csv.recordLine(), "category '" + CsvReader.abbreviate(category)
                            + "' has no query in evaluation sample '" + eval.name() + "' to join with"));
                    continue;
                }
            } else {
                pool = all;
                category = null;
            }
            int q = pool[(int) Math.floorMod(mix(id.hashCode()), (long) pool.length)];
            if (category == null) {
                category = eval.categories().get(eval.category(q));
            }
            int r = t.addRow(id, category, csv.recordLine());
            t.inputTokens[r] = input;
            t.cachedInputTokens[r] = cached;
            if (t.timestamps != null) {
                t.timestamps[r] = ts;
            }
            if (t.tenants != null) {
                t.tenants[r] = t.intern(tenant);
            }
            if (t.tiers != null) {
                t.tiers[r] = t.intern(tier);
            }
            for (int j = 0; j < m; j++) {
                t.scores[r * m + j] = eval.score(q, j);
                t.outputTokens[r * m + j] = eval.outputTokens(q, j);
            }
        }
        ctx.note(file + ": usage log joined with evaluation sample '" + eval.name() + "' (" + eval.size() + " queries) "
                + (catCol >= 0 ? "by category" : "without a category column (any evaluation query)")
                + ": kept the log's ids, " + (tsCol >= 0 ? "timestamps, " : "") + (tenantCol >= 0 ? "tenants, " : "")
                + (tierCol >= 0 ? "SLA tiers, " : "") + "categories and input/cached tokens; each row borrows the scores"
                + " and output tokens of one evaluation query of its category, chosen by a hash of the row id");
        if (!unmatchedCategories.isEmpty()) {
            ctx.note(file + ": categories with no evaluation queries (rows skipped): " + unmatchedCategories);
        }
        if (!modelMix.isEmpty()) {
            ctx.note(file + ": the log's own model mix (not outcomes): " + modelMix);
        }
        if (costCol >= 0) {
            ctx.note(file + String.format(java.util.Locale.ROOT, ": logged cost of the served requests: %.4f USD"
                    + " (not kept: it prices one model per request; use a price sheet)", loggedCost));
        }
        if (fbCol >= 0) {
            ctx.note(file + ": " + feedbackRows + " rows carry user feedback (counted only; the sample stores the evaluation scores)");
        }
        return t;
    }

    /** SplitMix64's finaliser: spreads similar ids over the category's queries. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
