package dev.switchyard.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static CsvReader utf8(String text) {
        return CsvReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", CsvReader.DEFAULT_MAX_RECORD_CHARS);
    }

    private static List<List<String>> all(CsvReader r) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                row.add(r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void rfc4180QuotingEmbeddedCommasQuotesAndNewlines() throws Exception {
        CsvReader r = utf8("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"multi\nline\"\r\n,,\n\nlast,\"\",end");
        // ",," is a row of empty cells: skipped like a blank line (Excel writes them under tables).
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "multi\nline"),
                List.of("last", "", "end")), all(r));
    }

    @Test
    void fieldsKnowTheirPhysicalLineAndColumn() throws Exception {
        CsvReader r = utf8("h1,h2,h3\n\"two\nlines\",x,\"y\"\nz,é,w\n");
        r.readHeader();
        assertTrue(r.next());
        assertEquals(2, r.recordLine());
        assertEquals(2, r.line(0));
        assertEquals(1, r.column(0));
        assertEquals(3, r.line(1));
        assertEquals(8, r.column(1));
        assertEquals(3, r.line(2));
        assertEquals(10, r.column(2));
        assertEquals("t.csv, line 3, column 8, field 'h2'", r.location(1).toString());
        assertTrue(r.next());
        assertEquals(4, r.line(2));
        assertEquals(5, r.column(2));
        assertFalse(r.next());
    }

    @Test
    void lineEndingsCrLfAndLoneCr() throws Exception {
        CsvReader r = utf8("a\rb\r\nc\n");
        assertTrue(r.next());
        assertEquals("a", r.get(0));
        assertTrue(r.next());
        assertEquals("b", r.get(0));
        assertEquals(2, r.recordLine());
        assertTrue(r.next());
        assertEquals(3, r.recordLine());
    }

    @Test
    void numbersFastPathAndStrictFallback() throws Exception {
        CsvReader r = utf8("0.25, 1 ,-3.5,1e-3,007,0.000001234,123456789012345678901,1d,0x1p3,NaN,-Infinity,.,1e400,\n");
        assertTrue(r.next());
        assertEquals(0.25, r.number(0));
        assertEquals(1.0, r.number(1));
        assertEquals(-3.5, r.number(2));
        assertEquals(0.001, r.number(3));
        assertEquals(7.0, r.number(4));
        assertEquals(0.000001234, r.number(5));
        assertEquals(1.2345678901234568E20, r.number(6));
        for (int i = 7; i <= 13; i++) {
            int col = i;
            ImportException e = assertThrows(ImportException.class, () -> r.number(col), r.get(col));
            assertEquals(1, e.location().line());
        }
    }

    @Test
    void unbalancedQuoteAndJunkAfterQuoteAreLocated() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> all(utf8("a,b\nc,\"open\nmore\n")));
        assertEquals("t.csv, line 2, column 3", e.location().toString());
        e = assertThrows(ImportException.class, () -> all(utf8("a,\"b\"x,c\n")));
        assertEquals(1, e.location().line());
        assertEquals(6, e.location().column());
    }

    @Test
    void headerRejectsBlankAndDuplicateNames() throws Exception {
        assertEquals(List.of("", "a"), utf8(",a\n").readHeader(), "an unnamed leading index column is allowed");
        ImportException e = assertThrows(ImportException.class, () -> utf8("a,b,a\n").readHeader());
        assertEquals(5, e.location().column());
        assertThrows(ImportException.class, () -> utf8("a,,b\n").readHeader());
        assertThrows(ImportException.class, () -> utf8("").readHeader());
    }

    /** A 2 GB line must fail at the limit with a located message, not exhaust the heap. */
    @Test
    void overlongRecordFailsAtTheLimit() {
        Reader endless = new Reader() {
            private long served;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (served > 3L * Integer.MAX_VALUE) {
                    return -1;
                }
                java.util.Arrays.fill(cbuf, off, off + len, 'x');
                if (served == 0) {
                    cbuf[off] = '"';
                }
                served += len;
                return len;
            }

            @Override
            public void close() {
            }
        };
        CsvReader r = new CsvReader(new java.io.BufferedReader(new StringReader("h\n")) {
            private boolean headerDone;

            @Override
            public int read(char[] cbuf, int off, int len) throws java.io.IOException {
                if (!headerDone) {
                    headerDone = true;
                    cbuf[off] = 'h';
                    cbuf[off + 1] = '\n';
                    return 2;
                }
                return endless.read(cbuf, off, len);
            }
        }, "huge.csv", 8 * 1024 * 1024);
        ImportException e = assertThrows(ImportException.class, () -> {
            r.readHeader();
            r.next();
        });
        assertEquals("huge.csv", e.location().file());
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
}
