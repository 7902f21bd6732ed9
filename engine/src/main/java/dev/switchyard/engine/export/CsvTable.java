package dev.switchyard.engine.export;

import dev.switchyard.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A result table as CSV (RFC 4180: comma separated, CRLF line ends, fields with comma, quote, CR or
 * LF in double quotes with quotes doubled). Cells are typed: a {@link Number} is written as a plain
 * numeric literal (no exponent, no grouping, '.' decimal point, locale independent); anything else
 * is text and passes through {@link CellSanitizer}; null is an empty cell. NaN and infinities are
 * written as the text "NaN"/"Infinity" (sanitised), never as a number a spreadsheet would misread.
 *
 * <p>The file starts with a UTF-8 byte-order mark by default, because Excel otherwise opens UTF-8
 * as the legacy code page and mangles non-ASCII names; pass {@code withBom=false} for tools that do
 * not want it.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    public static CsvTable of(String... header) {
        return new CsvTable(Arrays.asList(header));
    }

    /** Adds a row; it must have one cell per column. */
    public CsvTable row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvTable row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.size() + " cells; the table has "
                    + header.size() + " columns (" + String.join(", ", header) + ")");
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    public List<String> header() {
        return header;
    }

    public int rowCount() {
        return rows.size();
    }

    /** Writes the table atomically (temp file beside the target, fsync, move). */
    public void write(Path target, boolean withBom) throws IOException {
        AtomicFiles.write(target, out -> writeTo(out, withBom));
    }

    public void write(Path target) throws IOException {
        write(target, true);
    }

    public void writeTo(OutputStream out, boolean withBom) throws IOException {
        Objects.requireNonNull(out, "out");
        if (withBom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeLine(w, new ArrayList<>(header));
        for (List<Object> r : rows) {
            writeLine(w, r);
        }
        w.flush();
    }

    /** The CSV text without a BOM (for tests and clipboard copies). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            writeLine(w, new ArrayList<>(header));
            for (List<Object> r : rows) {
                writeLine(w, r);
            }
            sb.append(w);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter cannot fail", e);
        }
        return sb.toString();
    }

    private static void writeLine(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell as it appears in the file. */
    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number n) {
            String number = number(n);
            if (number != null) {
                return number;
            }
            return quote(CellSanitizer.text(n.toString()));
        }
        return quote(CellSanitizer.text(cell.toString()));
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            // shortest repr that round-trips, then without exponent
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return n.toString(); // Integer, Long, Short, Byte, BigInteger
    }

    private static String quote(String text) {
        boolean needs = false;
        for (int i = 0; i < text.length() && !needs; i++) {
            char c = text.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
