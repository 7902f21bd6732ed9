package dev.switchyard.engine.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void everyDangerousLeadingCharacterIsNeutralised() {
        for (String evil : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rx", "\nx")) {
            assertEquals("'" + evil, CellSanitizer.text(evil), "must neutralise " + evil.charAt(0));
        }
        assertEquals("gpt-5.4-mini", CellSanitizer.text("gpt-5.4-mini"), "a dash inside is harmless");
        assertEquals("", CellSanitizer.text(null));
        assertEquals("'=1", CellSanitizer.text("'=1").substring(0, 3), "already quoted text is left alone");
    }

    @Test
    void rfc4180QuotingTypedNumbersAndSanitisedText() {
        CsvTable t = CsvTable.of("model", "share", "spend_usd", "note")
                .row("=cmd|' /C calc'!A0", 0.25, -1234.5, "said \"hi\", then\nleft")
                .row("small", 1e-7, 3L, null)
                .row("-weird", Double.NaN, Double.NEGATIVE_INFINITY, "plain");
        assertEquals("model,share,spend_usd,note\r\n"
                + "'=cmd|' /C calc'!A0,0.25,-1234.5,\"said \"\"hi\"\", then\nleft\"\r\n"
                + "small,0.0000001,3,\r\n"
                + "'-weird,NaN,'-Infinity,plain\r\n", t.toCsv());
    }

    @Test
    void headerCellsAreSanitisedToo() {
        assertEquals("'=evil\r\n1\r\n", CsvTable.of("=evil").row(1).toCsv());
    }

    @Test
    void writesAtomicallyWithABomForSpreadsheets() throws Exception {
        Path file = dir.resolve("out/mix.csv");
        CsvTable.of("modèle").row("größe").write(file);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        assertEquals("modèle\r\ngröße\r\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void rowWidthMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvTable.of("a", "b").row(1));
        assertEquals("row 1 has 1 cells; the table has 2 columns (a, b)", e.getMessage());
    }
}
