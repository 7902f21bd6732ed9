package dev.switchyard.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Excel leftovers: delimiter detection, the {@code sep=} hint, empty trailing columns and rows (issue 13, item 9). */
class CsvDialectTest {
    private static CsvReader open(String text, CsvDialect dialect) {
        return CsvReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv",
                CsvReader.DEFAULT_MAX_RECORD_CHARS).dialect(dialect);
    }

    private static List<List<String>> rows(CsvReader r) throws Exception {
        List<List<String>> out = new ArrayList<>();
        out.add(r.readHeader());
        while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                row.add(r.get(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void semicolonAndTabDelimitersAreDetectedFromTheHeader() throws Exception {
        CsvReader r = open("model;input_per_1m;output_per_1m\n\"a;b\";1.5;2\n", CsvDialect.AUTO);
        assertEquals(List.of(List.of("model", "input_per_1m", "output_per_1m"), List.of("a;b", "1.5", "2")), rows(r));
        assertEquals(';', r.delimiter());
        CsvReader t = open("a\tb\n1\t2\n", CsvDialect.AUTO);
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), rows(t));
        // A RouterBench header with pipes and commas stays comma-delimited.
        CsvReader rb = open("sample_id,prompt,m|total_cost\nx,\"a;b;c;d\",1\n", CsvDialect.AUTO);
        assertEquals(3, rows(rb).get(1).size());
        assertEquals(',', rb.delimiter());
    }

    @Test
    void excelSepLineNamesTheDelimiterAndIsSkipped() throws Exception {
        CsvReader r = open("\uFEFFsep=,\r\na,b\r\n1,2\r\n", CsvDialect.AUTO);
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), rows(r));
        assertTrue(r.hadSepLine());
        CsvReader semi = open("sep=;\na;b\n1;2\n", CsvDialect.AUTO);
        List<List<String>> rows = rows(semi);
        assertEquals(List.of("1", "2"), rows.get(1));
        assertEquals(3, semi.recordLine(), "lines are still counted from the top of the file");
    }

    @Test
    void emptyTrailingColumnsAndRowsOfEmptyCellsAreIgnored() throws Exception {
        CsvReader r = open("a,b,c,,\n1,2,3,,\n4,5,6,,\n,,,,\n,,,,\n", CsvDialect.AUTO);
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "5", "6")), rows(r));
        // A non-empty cell beyond the header is still a field (and so a width error for the importers).
        CsvReader extra = open("a,b,,\n1,2,,x\n", CsvDialect.AUTO);
        assertEquals(4, rows(extra).get(1).size());
    }

    @Test
    void decimalCommasNeedTheFlagAndTheMessageSaysSo() throws Exception {
        CsvReader r = open("model;price\nm;0,75\n", CsvDialect.AUTO);
        r.readHeader();
        r.next();
        ImportException e = assertThrows(ImportException.class, () -> r.number(1));
        assertTrue(e.getMessage().contains("semicolon-delimited with decimal commas: export with commas, or pass --delimiter ';'"
                + " --decimal-comma"), e.getMessage());
        assertEquals(2, e.location().line());
        assertEquals("price", e.location().field());

        CsvReader ok = open("model;price;n\nm;0,75;-1,5e3\n", new CsvDialect(';', true));
        ok.readHeader();
        ok.next();
        assertEquals(0.75, ok.number(1));
        assertEquals(-1500.0, ok.number(2));
        ImportException comma = assertThrows(ImportException.class, () -> open("a,b\n1,2\n", new CsvDialect(null, true)).readHeader());
        assertTrue(comma.getMessage().contains("comma-delimited"), comma.getMessage());
    }

    @Test
    void commandLineDelimiters() {
        assertEquals('\t', CsvDialect.parseDelimiter("tab"));
        assertEquals('\t', CsvDialect.parseDelimiter("\\t"));
        assertEquals(';', CsvDialect.parseDelimiter(";"));
        assertThrows(IllegalArgumentException.class, () -> CsvDialect.parseDelimiter(";;"));
    }
}
