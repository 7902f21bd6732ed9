package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SPROUT-style wide CSV, which is also the bundled sample-data format: per query
 * {@code query_id, category, timestamp, tenant, sla_tier, prompt, input_tokens, cached_input_tokens}
 * (all optional except that input tokens must come from somewhere), then per model
 * {@code <m>.score, <m>.num_output_tokens} and optionally {@code <m>.cost_usd, <m>.latency_ms, <m>.ttft_ms} (the
 * latency columns also as {@code <m>|latency_ms, <m>|ttft_ms}).
 * Real SPROUT files carry {@code <m>.num_input_tokens} per model instead of {@code input_tokens}:
 * the first model's count is used (they differ only by tokenizer). Without {@code query_id}, ids are
 * {@code <file stem>#<row>}; without {@code category} (or {@code eval_name}/{@code dataset}), the
 * category is the file stem.
 */
final class SproutReader {
    private SproutReader() {
    }

    static boolean looksLike(List<String> header) {
        for (String h : header) {
            if (h.endsWith(".score")) {
                return true;
            }
        }
        return false;
    }

    static ParsedTable read(CsvReader csv, List<String> header, ReadContext ctx) throws ImportException, IOException {
        String file = csv.file();
        List<String> names = new ArrayList<>();
        List<Integer> scoreCols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.endsWith(".score") && h.length() > ".score".length()) {
                names.add(h.substring(0, h.length() - ".score".length()));
                scoreCols.add(i);
            }
        }
        if (names.isEmpty()) {
            throw new ImportException(csv.headerLocation(-1), "no '<model>.score' column names a model");
        }
        int m = names.size();
        int[] outCols = new int[m];
        int[] inCols = new int[m];
        int[] costCols = new int[m];
        int[] latCols = new int[m];
        int[] ttftCols = new int[m];
        boolean allTtft = true;
        boolean anyTtft = false;
        boolean allCost = true;
        boolean anyCost = false;
        boolean allLat = true;
        boolean anyLat = false;
        boolean allModelInput = true;
        for (int j = 0; j < m; j++) {
            String n = names.get(j);
            outCols[j] = Cells.column(header, n + ".num_output_tokens");
            if (outCols[j] < 0) {
                outCols[j] = Cells.column(header, n + ".output_tokens");
            }
            if (outCols[j] < 0) {
                throw new ImportException(csv.headerLocation(scoreCols.get(j)),
                        "model '" + n + "' has a score column but no '" + n + ".num_output_tokens' column");
            }
            inCols[j] = Cells.column(header, n + ".num_input_tokens");
            costCols[j] = Cells.column(header, n + ".cost_usd");
            latCols[j] = Cells.column(header, n + ".latency_ms");
            if (latCols[j] < 0) {
                latCols[j] = Cells.column(header, n + "|latency_ms");
            }
            ttftCols[j] = Cells.column(header, n + ".ttft_ms");
            if (ttftCols[j] < 0) {
                ttftCols[j] = Cells.column(header, n + "|ttft_ms");
            }
            allTtft &= ttftCols[j] >= 0;
            anyTtft |= ttftCols[j] >= 0;
            allModelInput &= inCols[j] >= 0;
            allCost &= costCols[j] >= 0;
            anyCost |= costCols[j] >= 0;
            allLat &= latCols[j] >= 0;
            anyLat |= latCols[j] >= 0;
        }
        int idCol = Cells.column(header, "query_id");
        int catCol = Cells.column(header, "category");
        if (catCol < 0) {
            catCol = Cells.column(header, "eval_name");
        }
        if (catCol < 0) {
            catCol = Cells.column(header, "dataset");
        }
        int tsCol = Cells.column(header, "timestamp");
        int tenantCol = Cells.column(header, "tenant");
        int tierCol = Cells.column(header, "sla_tier");
        int promptCol = Cells.column(header, "prompt");
        int inCol = Cells.column(header, "input_tokens");
        int cachedCol = Cells.column(header, "cached_input_tokens");
        if (inCol < 0 && !allModelInput && promptCol < 0) {
            throw new ImportException(csv.headerLocation(-1).withField("input_tokens"),
                    "the header has no 'input_tokens' column, no '<model>.num_input_tokens' for every model and no prompt"
                            + " to estimate them from");
        }
        if (anyCost && !allCost) {
            ctx.note(file + ": only some models have a '.cost_usd' column; recorded costs were not used");
        }
        if (anyLat && !allLat) {
            ctx.note(file + ": only some models have a '.latency_ms' column; recorded latencies were not used");
        }
        if (anyTtft && !allTtft) {
            ctx.note(file + ": only some models have a '.ttft_ms' column; recorded times to first token were not used");
        }
        List<String> ids = ctx.models.resolveColumns(csv, names, scoreCols);
        String[] scoreColumn = new String[m];
        String[] outColumn = new String[m];
        String[] costColumn = allCost ? new String[m] : null;
        String[] latColumn = allLat ? new String[m] : null;
        for (int j = 0; j < m; j++) {
            scoreColumn[j] = header.get(scoreCols.get(j));
            outColumn[j] = header.get(outCols[j]);
            if (costColumn != null) {
                costColumn[j] = header.get(costCols[j]);
            }
            if (latColumn != null) {
                latColumn[j] = header.get(latCols[j]);
            }
        }
        ParsedTable t = new ParsedTable(file, TrafficFormat.SPROUT, ids, idCol >= 0 ? header.get(idCol) : null,
                scoreColumn, outColumn, costColumn, latColumn, tsCol >= 0, tenantCol >= 0, tierCol >= 0, promptCol >= 0);
        if (allTtft) {
            String[] ttftColumn = new String[m];
            for (int j = 0; j < m; j++) {
                ttftColumn[j] = header.get(ttftCols[j]);
            }
            t.withTtft(ttftColumn);
        }
        if (inCol < 0 && !allModelInput) {
            ctx.note(file + ": input tokens estimated from the prompt text (" + TokenEstimator.CHARS_PER_TOKEN + " characters per token)");
        }
        IdSet seen = new IdSet();
        int width = header.size();
        Cells.Categories categories = new Cells.Categories();
        Cells.Categories tenants = new Cells.Categories();
        Cells.Categories tiers = new Cells.Categories();
        while (csv.next()) {
            t.rowsRead++;
            Cells.requireWidth(csv, width);
            String id = idCol >= 0 ? Cells.text(csv, idCol, "query_id") : ctx.stem + "#" + t.rowsRead;
            int earlier = seen.addOrFind(id, t.size, t.ids);
            if (earlier >= 0) {
                throw csv.error(idCol >= 0 ? idCol : 0, "query id '" + CsvReader.abbreviate(id) + "' appears more than once (also on line "
                        + t.lines[earlier] + ")");
            }
            String category = catCol >= 0 ? categories.of(csv, catCol, "category") : ctx.stem;
            int r = t.addRow(id, category, csv.recordLine());
            if (t.timestamps != null) {
                t.timestamps[r] = Cells.timestamp(csv, tsCol);
            }
            if (t.tenants != null) {
                t.tenants[r] = tenants.of(csv, tenantCol, "tenant");
            }
            if (t.tiers != null) {
                t.tiers[r] = tiers.of(csv, tierCol, "sla_tier");
            }
            String prompt = promptCol >= 0 ? csv.get(promptCol) : null;
            if (t.prompts != null) {
                t.prompts[r] = prompt;
            }
            int input;
            if (inCol >= 0) {
                input = Cells.tokens(csv, inCol);
                if (input == ParsedTable.MISSING) {
                    throw csv.error(inCol, "input_tokens is empty");
                }
            } else if (allModelInput) {
                input = ParsedTable.MISSING;
                for (int j = 0; j < m && input == ParsedTable.MISSING; j++) {
                    input = Cells.tokens(csv, inCols[j]);
                }
                if (input == ParsedTable.MISSING) {
                    throw csv.error(inCols[0], "no model gives this query's input tokens");
                }
            } else {
                input = TokenEstimator.estimate(prompt);
            }
            t.inputTokens[r] = input;
            if (cachedCol >= 0 && !csv.isBlank(cachedCol)) {
                int cached = Cells.tokens(csv, cachedCol);
                if (cached > input) {
                    throw csv.error(cachedCol, "cached input tokens (" + cached + ") exceed the input tokens (" + input + ")");
                }
                t.cachedInputTokens[r] = cached;
            }
            int base = r * m;
            for (int j = 0; j < m; j++) {
                t.scores[base + j] = Cells.score(csv, scoreCols.get(j));
                t.outputTokens[base + j] = Cells.tokens(csv, outCols[j]);
                if (t.costs != null) {
                    t.costs[base + j] = Cells.amount(csv, costCols[j], "cost");
                }
                if (t.latencies != null) {
                    t.latencies[base + j] = Cells.amount(csv, latCols[j], "latency");
                }
                if (t.ttfts != null) {
                    t.ttfts[base + j] = Cells.ttft(csv, ttftCols[j], t.latencies != null ? t.latencies[base + j] : Float.NaN);
                }
            }
        }
        return t;
    }
}
