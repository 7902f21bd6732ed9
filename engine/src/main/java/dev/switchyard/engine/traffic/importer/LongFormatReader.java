package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Long outcome CSV, one row per (query, model): {@code query_id, category, model, score,
 * input_tokens, output_tokens} and optionally {@code cost_usd, latency_ms, ttft_ms, cached_input_tokens,
 * timestamp, tenant, sla_tier, prompt}; pivoted to wide. A (query, model) pair given twice is an
 * error; a query without some model is a missing cell. Per-query fields come from the query's first
 * row; a later row that disagrees on the category is an error.
 */
final class LongFormatReader {
    private LongFormatReader() {
    }

    static boolean looksLike(List<String> header) {
        return Cells.column(header, "query_id") >= 0 && Cells.column(header, "model") >= 0
                && Cells.column(header, "score") >= 0;
    }

    private static final class Query {
        final String id;
        final String category;
        final long line;
        final long timestamp;
        final String tenant;
        final String tier;
        final String prompt;
        final int input;
        final int cached;
        float[] scores = new float[4];
        int[] outputs = new int[4];
        float[] costs = new float[4];
        float[] latencies = new float[4];
        float[] ttfts = new float[4];
        boolean[] present = new boolean[4];

        Query(String id, String category, long line, long timestamp, String tenant, String tier, String prompt, int input, int cached) {
            this.id = id;
            this.category = category;
            this.line = line;
            this.timestamp = timestamp;
            this.tenant = tenant;
            this.tier = tier;
            this.prompt = prompt;
            this.input = input;
            this.cached = cached;
        }

        void ensure(int m) {
            if (m >= present.length) {
                int n = Math.max(m + 1, present.length * 2);
                scores = Arrays.copyOf(scores, n);
                outputs = Arrays.copyOf(outputs, n);
                costs = Arrays.copyOf(costs, n);
                latencies = Arrays.copyOf(latencies, n);
                ttfts = Arrays.copyOf(ttfts, n);
                present = Arrays.copyOf(present, n);
            }
        }
    }

    static ParsedTable read(CsvReader csv, List<String> header, ReadContext ctx) throws ImportException, IOException {
        String file = csv.file();
        String fmt = "long outcome";
        int idCol = Cells.requireColumn(csv, header, "query_id", fmt);
        int catCol = Cells.requireColumn(csv, header, "category", fmt);
        int modelCol = Cells.requireColumn(csv, header, "model", fmt);
        int scoreCol = Cells.requireColumn(csv, header, "score", fmt);
        int inCol = Cells.requireColumn(csv, header, "input_tokens", fmt);
        int outCol = Cells.requireColumn(csv, header, "output_tokens", fmt);
        int costCol = Cells.column(header, "cost_usd");
        int latCol = Cells.column(header, "latency_ms");
        int ttftCol = Cells.column(header, "ttft_ms");
        int cachedCol = Cells.column(header, "cached_input_tokens");
        int tsCol = Cells.column(header, "timestamp");
        int tenantCol = Cells.column(header, "tenant");
        int tierCol = Cells.column(header, "sla_tier");
        int promptCol = Cells.column(header, "prompt");
        Map<String, Query> queries = new LinkedHashMap<>();
        Map<String, Integer> modelIndex = new LinkedHashMap<>();
        Map<String, SourceLocation> unmatched = new LinkedHashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        int width = header.size();
        long rows = 0;
        int inputDisagreements = 0;
        Cells.Categories categories = new Cells.Categories();
        while (csv.next()) {
            rows++;
            Cells.requireWidth(csv, width);
            String id = Cells.text(csv, idCol, "query_id");
            String category = categories.of(csv, catCol, "category");
            String modelName = Cells.text(csv, modelCol, "model");
            String model = ctx.models.resolve(modelName).orElse(null);
            if (model == null) {
                unmatched.putIfAbsent(modelName, csv.location(modelCol));
                continue;
            }
            String earlierName = nameOf.putIfAbsent(model, modelName);
            if (earlierName != null && !earlierName.equals(modelName)) {
                throw csv.error(modelCol, "model names '" + earlierName + "' and '" + modelName + "' are both model '" + model
                        + "'; use one name per model");
            }
            Integer mi = modelIndex.get(model);
            if (mi == null) {
                mi = modelIndex.size();
                modelIndex.put(model, mi);
            }
            float score = Cells.score(csv, scoreCol);
            int input = Cells.tokens(csv, inCol);
            int output = Cells.tokens(csv, outCol);
            float cost = costCol >= 0 ? Cells.amount(csv, costCol, "cost") : 0f;
            float latency = latCol >= 0 ? Cells.amount(csv, latCol, "latency") : 0f;
            float ttft = ttftCol >= 0 ? Cells.ttft(csv, ttftCol, latCol >= 0 ? latency : Float.NaN) : 0f;
            Query q = queries.get(id);
            if (q == null) {
                if (input == ParsedTable.MISSING) {
                    throw csv.error(inCol, "input_tokens is empty");
                }
                int cached = cachedCol >= 0 && !csv.isBlank(cachedCol) ? Cells.tokens(csv, cachedCol) : 0;
                if (cached > input) {
                    throw csv.error(cachedCol, "cached input tokens (" + cached + ") exceed the input tokens (" + input + ")");
                }
                q = new Query(id, category, csv.recordLine(),
                        tsCol >= 0 ? Cells.timestamp(csv, tsCol) : 0L,
                        tenantCol >= 0 ? Cells.text(csv, tenantCol, "tenant") : null,
                        tierCol >= 0 ? Cells.text(csv, tierCol, "sla_tier") : null,
                        promptCol >= 0 ? csv.get(promptCol) : null, input, cached);
                queries.put(id, q);
            } else {
                if (!q.category.equals(category)) {
                    throw csv.error(catCol, "query '" + CsvReader.abbreviate(id) + "' has category '" + CsvReader.abbreviate(category)
                            + "' here but '" + CsvReader.abbreviate(q.category) + "' on line " + q.line);
                }
                if (input != q.input) {
                    inputDisagreements++;
                }
            }
            q.ensure(mi);
            if (q.present[mi]) {
                throw csv.error(modelCol, "query '" + CsvReader.abbreviate(id) + "' has a second row for model '" + modelName
                        + "' (one row per query and model)");
            }
            q.present[mi] = true;
            q.scores[mi] = score;
            q.outputs[mi] = output;
            q.costs[mi] = cost;
            q.latencies[mi] = latency;
            q.ttfts[mi] = ttft;
        }
        if (!unmatched.isEmpty()) {
            List<String> names = new ArrayList<>(unmatched.keySet());
            throw new ImportException(unmatched.get(names.get(0)), ctx.models.describeUnmatched(names));
        }
        if (modelIndex.isEmpty()) {
            throw new ImportException(SourceLocation.ofFile(file), "the file has a header but no rows");
        }
        if (inputDisagreements > 0) {
            ctx.note(file + ": " + inputDisagreements + " rows give a query different input tokens than its first row;"
                    + " the first row's count was used");
        }
        List<String> models = new ArrayList<>(modelIndex.keySet());
        int m = models.size();
        String[] scoreColumn = new String[m];
        String[] outColumn = new String[m];
        String[] costColumn = new String[m];
        String[] latColumn = new String[m];
        String[] ttftColumn = new String[m];
        for (int j = 0; j < m; j++) {
            String n = nameOf.get(models.get(j));
            scoreColumn[j] = "score of " + n;
            outColumn[j] = "output_tokens of " + n;
            costColumn[j] = "cost_usd of " + n;
            latColumn[j] = "latency_ms of " + n;
            ttftColumn[j] = "ttft_ms of " + n;
        }
        ParsedTable t = new ParsedTable(file, TrafficFormat.LONG, models, header.get(idCol), scoreColumn, outColumn,
                costCol >= 0 ? costColumn : null, latCol >= 0 ? latColumn : null,
                tsCol >= 0, tenantCol >= 0, tierCol >= 0, promptCol >= 0);
        t.rowsRead = rows;
        if (ttftCol >= 0) {
            t.withTtft(ttftColumn);
        }
        for (Query q : queries.values()) {
            int r = t.addRow(q.id, q.category, q.line);
            t.inputTokens[r] = q.input;
            t.cachedInputTokens[r] = q.cached;
            if (t.timestamps != null) {
                t.timestamps[r] = q.timestamp;
            }
            if (t.tenants != null) {
                t.tenants[r] = t.intern(q.tenant);
            }
            if (t.tiers != null) {
                t.tiers[r] = t.intern(q.tier);
            }
            if (t.prompts != null) {
                t.prompts[r] = q.prompt;
            }
            for (int j = 0; j < m; j++) {
                if (j < q.present.length && q.present[j]) {
                    t.scores[r * m + j] = q.scores[j];
                    t.outputTokens[r * m + j] = q.outputs[j];
                    if (t.costs != null) {
                        t.costs[r * m + j] = q.costs[j];
                    }
                    if (t.latencies != null) {
                        t.latencies[r * m + j] = q.latencies[j];
                    }
                    if (t.ttfts != null) {
                        t.ttfts[r * m + j] = q.ttfts[j];
                    }
                }
            }
        }
        return t;
    }
}
