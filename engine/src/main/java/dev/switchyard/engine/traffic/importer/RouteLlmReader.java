package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RouteLLM two-model CSV: {@code prompt, <model A>, <model B>} with True/False (answer correct),
 * and in GSM8K also {@code <model>_response} with each answer's text. These files carry no
 * category, id, token count or cost, so:
 * <ul>
 *   <li>category comes from the file name: {@code mmlu_abstract_algebra.csv} becomes
 *       {@code mmlu/abstract_algebra}, {@code gsm8k_responses.csv} becomes {@code gsm8k} (a
 *       trailing {@code _responses} is dropped; otherwise the stem is the category);</li>
 *   <li>query ids are {@code <file stem>#<row>} (row = 1-based data row);</li>
 *   <li>input tokens are estimated from the prompt, output tokens from the response text when there
 *       is one, else from the category mean, else {@link TokenEstimator#FALLBACK_OUTPUT_TOKENS}.</li>
 * </ul>
 */
final class RouteLlmReader {
    private RouteLlmReader() {
    }

    static boolean looksLike(List<String> header) {
        return header.size() >= 2 && header.get(0).equalsIgnoreCase("prompt");
    }

    /** {@code mmlu_abstract_algebra} -> {@code mmlu/abstract_algebra}; {@code gsm8k_responses} -> {@code gsm8k}. */
    static String categoryOf(String stem) {
        String s = stem;
        if (s.endsWith("_responses") && s.length() > "_responses".length()) {
            s = s.substring(0, s.length() - "_responses".length());
        }
        if (s.startsWith("mmlu_") && s.length() > "mmlu_".length()) {
            return "mmlu/" + s.substring("mmlu_".length());
        }
        return s;
    }

    static ParsedTable read(CsvReader csv, List<String> header, ReadContext ctx) throws ImportException, IOException {
        String file = csv.file();
        List<String> names = new ArrayList<>();
        List<Integer> scoreCols = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            String h = header.get(i);
            if (h.endsWith("_response") && header.contains(h.substring(0, h.length() - "_response".length()))) {
                continue;
            }
            names.add(h);
            scoreCols.add(i);
        }
        if (names.isEmpty()) {
            throw new ImportException(csv.headerLocation(-1), "no model columns after 'prompt'");
        }
        int m = names.size();
        int[] respCols = new int[m];
        String[] scoreColumn = new String[m];
        String[] outColumn = new String[m];
        boolean anyResponse = false;
        for (int j = 0; j < m; j++) {
            respCols[j] = header.indexOf(names.get(j) + "_response");
            anyResponse |= respCols[j] >= 0;
            scoreColumn[j] = names.get(j);
            outColumn[j] = respCols[j] >= 0 ? header.get(respCols[j]) : names.get(j);
        }
        List<String> ids = ctx.models.resolveColumns(csv, names, scoreCols);
        ParsedTable t = new ParsedTable(file, TrafficFormat.ROUTELLM, ids, null, scoreColumn, outColumn, null, null,
                false, false, false, true);
        String category = categoryOf(ctx.stem);
        int width = header.size();
        while (csv.next()) {
            t.rowsRead++;
            Cells.requireWidth(csv, width);
            int r = t.addRow(ctx.stem + "#" + t.rowsRead, category, csv.recordLine());
            String prompt = csv.get(0);
            t.prompts[r] = prompt;
            t.inputTokens[r] = TokenEstimator.estimate(prompt);
            int base = r * m;
            for (int j = 0; j < m; j++) {
                int c = scoreCols.get(j);
                float s = Cells.score(csv, c);
                if (!Float.isNaN(s) && s != 0f && s != 1f) {
                    throw csv.error(c, "expected True or False, found '" + CsvReader.abbreviate(csv.getTrimmed(c)) + "'");
                }
                t.scores[base + j] = s;
                t.outputTokens[base + j] = respCols[j] >= 0 && !csv.isBlank(respCols[j])
                        ? TokenEstimator.estimate(csv.get(respCols[j])) : ParsedTable.ESTIMATE;
            }
        }
        ctx.note(file + ": category '" + category + "' from the file name; input tokens estimated from the prompt ("
                + TokenEstimator.CHARS_PER_TOKEN + " characters per token); output tokens "
                + (anyResponse ? "from the response text" : "not in the file (estimated, see below)"));
        return t;
    }
}
