package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RouterBench wide CSV: an optional unnamed index column, {@code sample_id, prompt, eval_name}, one
 * score column per bare model id, {@code <model>|model_response}, {@code <model>|total_cost} and
 * {@code oracle_model_to_route_to}. Prompts and responses are Python list literals. Category is
 * {@code eval_name}; input tokens are estimated from the prompt text and output tokens from the
 * response text (or, without one, from the category mean; see {@link TokenEstimator}).
 */
final class RouterBenchReader {
    private static final Set<String> KNOWN = Set.of("sample_id", "prompt", "eval_name", "oracle_model_to_route_to");

    private RouterBenchReader() {
    }

    static boolean looksLike(List<String> header) {
        if (Cells.column(header, "eval_name") >= 0 && Cells.column(header, "sample_id") >= 0) {
            return true;
        }
        for (String h : header) {
            if (h.endsWith("|total_cost") || h.endsWith("|model_response")) {
                return true;
            }
        }
        return false;
    }

    static ParsedTable read(CsvReader csv, List<String> header, ReadContext ctx) throws ImportException, IOException {
        String file = csv.file();
        int idCol = Cells.column(header, "sample_id");
        int promptCol = Cells.requireColumn(csv, header, "prompt", "RouterBench");
        int evalCol = Cells.column(header, "eval_name");
        boolean leadingIndex = header.get(0).isEmpty() || header.get(0).equalsIgnoreCase("Unnamed: 0")
                || header.get(0).equalsIgnoreCase("index");
        Map<String, Integer> responseCol = new LinkedHashMap<>();
        Map<String, Integer> costCol = new LinkedHashMap<>();
        Map<String, Integer> latencyCol = new LinkedHashMap<>();
        Map<String, Integer> ttftCol = new LinkedHashMap<>();
        boolean anyPipe = false;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            int bar = h.lastIndexOf('|');
            if (bar < 0) {
                continue;
            }
            anyPipe = true;
            String model = h.substring(0, bar);
            String kind = h.substring(bar + 1);
            if (kind.equals("model_response")) {
                responseCol.put(model, i);
            } else if (kind.equals("total_cost")) {
                costCol.put(model, i);
            } else if (kind.equals("latency_ms")) {
                latencyCol.put(model, i);
            } else if (kind.equals("ttft_ms")) {
                ttftCol.put(model, i);
            } else {
                ctx.note(file + ": column '" + h + "' is not a RouterBench column and was ignored");
            }
        }
        List<String> names = new ArrayList<>();
        List<Integer> scoreCols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (i == 0 && leadingIndex || h.indexOf('|') >= 0 || KNOWN.contains(h.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (anyPipe && !responseCol.containsKey(h) && !costCol.containsKey(h)) {
                ctx.note(file + ": column '" + h + "' has no '|total_cost' or '|model_response' partner, so it is not"
                        + " taken as a model and was ignored");
                continue;
            }
            names.add(h);
            scoreCols.add(i);
        }
        Set<String> scoreNames = new HashSet<>(names);
        List<Map.Entry<String, Integer>> partners = new ArrayList<>(costCol.entrySet());
        partners.addAll(latencyCol.entrySet());
        partners.addAll(ttftCol.entrySet());
        for (Map.Entry<String, Integer> e : partners) {
            if (!scoreNames.contains(e.getKey())) {
                throw new ImportException(csv.headerLocation(e.getValue()),
                        "column '" + header.get(e.getValue()) + "' has no score column '" + e.getKey() + "'");
            }
        }
        if (names.isEmpty()) {
            throw new ImportException(csv.headerLocation(-1), "no model score columns found in the RouterBench header");
        }
        List<String> ids = ctx.models.resolveColumns(csv, names, scoreCols);
        int m = names.size();
        boolean hasCost = true;
        int[] costIdx = new int[m];
        int[] respIdx = new int[m];
        String[] scoreColumn = new String[m];
        String[] outColumn = new String[m];
        String[] costColumn = new String[m];
        for (int j = 0; j < m; j++) {
            Integer c = costCol.get(names.get(j));
            Integer r = responseCol.get(names.get(j));
            costIdx[j] = c == null ? -1 : c;
            respIdx[j] = r == null ? -1 : r;
            hasCost &= c != null;
            scoreColumn[j] = names.get(j);
            outColumn[j] = r == null ? names.get(j) : header.get(r);
            costColumn[j] = c == null ? null : header.get(c);
        }
        int[] latIdx = new int[m];
        int[] ttftIdx = new int[m];
        String[] latColumn = new String[m];
        String[] ttftColumn = new String[m];
        boolean hasLatency = true;
        boolean hasTtft = true;
        for (int j = 0; j < m; j++) {
            Integer l = latencyCol.get(names.get(j));
            Integer f = ttftCol.get(names.get(j));
            latIdx[j] = l == null ? -1 : l;
            ttftIdx[j] = f == null ? -1 : f;
            hasLatency &= l != null;
            hasTtft &= f != null;
            latColumn[j] = l == null ? null : header.get(l);
            ttftColumn[j] = f == null ? null : header.get(f);
        }
        if (!hasLatency && !latencyCol.isEmpty()) {
            ctx.note(file + ": only some models have a '|latency_ms' column; recorded latencies were not used");
        }
        if (!hasTtft && !ttftCol.isEmpty()) {
            ctx.note(file + ": only some models have a '|ttft_ms' column; recorded times to first token were not used");
        }
        if (!hasCost && !costCol.isEmpty()) {
            ctx.note(file + ": only some models have a '|total_cost' column; recorded costs were not used (price the sample with a price sheet)");
        }
        ParsedTable t = new ParsedTable(file, TrafficFormat.ROUTERBENCH, ids,
                idCol >= 0 ? header.get(idCol) : null, scoreColumn, outColumn, hasCost ? costColumn : null,
                hasLatency ? latColumn : null, false, false, false, true);
        if (hasTtft) {
            t.withTtft(ttftColumn);
        }
        IdSet seen = new IdSet();
        Map<Integer, List<Integer>> sameId = new java.util.HashMap<>();
        int width = header.size();
        long estimatedOutputs = 0;
        PythonListLiteral literal = new PythonListLiteral();
        Cells.Categories categories = new Cells.Categories();
        while (csv.next()) {
            t.rowsRead++;
            Cells.requireWidth(csv, width);
            String id = idCol >= 0 ? Cells.text(csv, idCol, "sample_id") : ctx.stem + "#" + t.rowsRead;
            String prompt = literal.joinedOrRaw(csv.chars(), csv.fieldStart(promptCol), csv.fieldEnd(promptCol));
            int earlier = seen.addOrFind(id, t.size, t.ids);
            if (earlier >= 0) {
                // A query is its id and its prompt: real RouterBench files reuse a sample_id for
                // different prompts. Only the same id with the same prompt is a duplicate row.
                List<Integer> same = sameId.computeIfAbsent(earlier, k -> new ArrayList<>(List.of(k)));
                for (int row : same) {
                    if (prompt.equals(t.prompts[row])) {
                        throw csv.error(idCol >= 0 ? idCol : 0, "query id '" + CsvReader.abbreviate(id) + "' with the same prompt"
                                + " appears more than once (also on line " + t.lines[row] + "); a duplicated row?");
                    }
                }
                same.add(t.size);
                t.idCollisions = true;
            }
            String category = evalCol >= 0 ? categories.of(csv, evalCol, "eval_name (the category)") : ctx.stem;
            int r = t.addRow(id, category, csv.recordLine());
            t.prompts[r] = prompt;
            t.inputTokens[r] = TokenEstimator.estimate(prompt);
            int base = r * m;
            for (int j = 0; j < m; j++) {
                t.scores[base + j] = Cells.score(csv, scoreCols.get(j));
                if (respIdx[j] >= 0 && !csv.isBlank(respIdx[j])) {
                    int c = respIdx[j];
                    String response = literal.join(csv.chars(), csv.fieldStart(c), csv.fieldEnd(c));
                    t.outputTokens[base + j] = response != null ? TokenEstimator.estimate(response)
                            : TokenEstimator.estimate(CharBuffer.wrap(csv.chars(), csv.fieldStart(c), csv.fieldEnd(c) - csv.fieldStart(c)));
                } else {
                    t.outputTokens[base + j] = ParsedTable.ESTIMATE;
                    estimatedOutputs++;
                }
                if (hasCost) {
                    t.costs[base + j] = Cells.amount(csv, costIdx[j], "cost");
                }
                if (hasLatency) {
                    t.latencies[base + j] = Cells.amount(csv, latIdx[j], "latency");
                }
                if (hasTtft) {
                    t.ttfts[base + j] = Cells.ttft(csv, ttftIdx[j], hasLatency ? t.latencies[base + j] : Float.NaN);
                }
            }
        }
        ctx.note(file + ": input tokens estimated from the prompt text (" + TokenEstimator.CHARS_PER_TOKEN
                + " characters per token); output tokens from the response text"
                + (estimatedOutputs > 0 ? " (cells without a response are estimated, see below)" : ""));
        return t;
    }
}
