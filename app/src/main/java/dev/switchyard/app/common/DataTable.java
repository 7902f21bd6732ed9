package dev.switchyard.app.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind a chart, as a plain table: what "copy table" puts on the clipboard
 * (tab-separated, so it pastes into a spreadsheet as cells) and what "show table" displays.
 */
public record DataTable(String title, List<String> headers, List<List<String>> rows) {

    public DataTable {
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + title + "' row has " + row.size()
                        + " cells but " + headers.size() + " headers");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    public static DataTable empty(String title) {
        return new DataTable(title, List.of(), List.of());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Tab-separated with a header line; tabs and newlines inside cells become spaces. */
    public String toTsv() {
        StringBuilder sb = new StringBuilder();
        appendLine(sb, headers);
        for (List<String> row : rows) {
            appendLine(sb, row);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append('\t');
            }
            String c = cells.get(i);
            sb.append(c == null ? "" : c.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        }
        sb.append('\n');
    }
}
