package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.io.CsvDialect;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.importer.PriceImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel and European exports of traffic and price sheets import (issue 13, item 9). */
class EuropeanExportTest {
    @TempDir
    Path tmp;

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aEuropeanTrafficExportIsExplainedThenReadWithTheFlags() throws Exception {
        Path f = write("eu.csv", "sample_id;prompt;eval_name;m1;m2\nq1;\"['Hallo, Welt']\";chat;0,75;1\nq2;p;chat;0,5;0\n;;;;\n");
        ImportException e = assertThrows(ImportException.class, () -> TrafficImporter.importFile(f, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("semicolon-delimited with decimal commas: export with commas, or pass --delimiter ';'"
                + " --decimal-comma"), e.getMessage());
        assertEquals(2, e.location().line());
        assertEquals("m1", e.location().field());
        TrafficImport imp = TrafficImporter.importFile(f, ImportOptions.defaults().withDialect(new CsvDialect(';', true)));
        assertEquals(2, imp.sample().size());
        assertEquals(0.75f, imp.sample().score(0, 0));
        assertEquals("Hallo, Welt", imp.sample().prompt(0));
    }

    @Test
    void excelFlavouredTrafficWithSepLineTrailingColumnsAndEmptyRows() throws Exception {
        Path f = write("excel.csv", "\uFEFFsep=,\r\nsample_id,prompt,eval_name,m1,m2,,\r\nq1,p,chat,1,0,,\r\nq2,p2,chat,0.5,1,,\r\n,,,,,,\r\n");
        TrafficImport imp = TrafficImporter.importFile(f, ImportOptions.defaults());
        assertEquals(2, imp.sample().size());
        assertEquals(2, imp.sample().models().size());
        assertTrue(imp.report().skippedRows().isEmpty());
    }

    @Test
    void aSemicolonPriceSheetWithDotDecimalsNeedsNoFlag() throws Exception {
        Path p = write("prices.csv", "model;input_per_1m;output_per_1m;;\ngpt-5.5;5;30;;\nmini;0.15;0.6;;\n;;;;\n");
        PriceSheet s = PriceImporter.importFile(p);
        assertEquals(0.15, s.prices().get("mini").inputPer1M());
        Path eu = write("eu-prices.csv", "model;input_per_1m;output_per_1m\nmini;0,15;0,6\n");
        ImportException e = assertThrows(ImportException.class, () -> PriceImporter.importFile(eu));
        assertTrue(e.getMessage().contains("--decimal-comma"), e.getMessage());
        assertEquals(0.6, PriceImporter.importFile(eu, new CsvDialect(null, true)).prices().get("mini").outputPer1M());
    }
}
