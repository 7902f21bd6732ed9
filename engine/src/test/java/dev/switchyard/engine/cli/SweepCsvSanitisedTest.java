package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.sample.SampleData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep --out grid.csv} goes through the one CSV sanitiser (issue 13, item 7). */
class SweepCsvSanitisedTest {
    @TempDir
    Path dir;

    @Test
    void aPriceSheetNamedLikeAFormulaLandsAsText() throws Exception {
        Path samples = SampleData.locate();
        PriceSheet list = PriceSheetJson.read(samples.resolve("prices/list-2026-06.json"));
        Path evil = dir.resolve("evil.json");
        PriceSheetJson.write(new PriceSheet("=HYPERLINK(\"http://evil.example\",\"open\")", list.version(), list.source(),
                list.retrievedOn(), list.effectiveFrom(), list.currency(), list.prices()), evil);
        Path out = dir.resolve("grid.csv");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SwitchyardCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("sweep", "--traffic", samples.resolve("traffic/support-desk.csv").toString(), "--prices", evil.toString(),
                "--catalog", samples.resolve("catalog.json").toString(), "--routers", "best-fixed", "--targets", "0.9",
                "--requests", "2000", "--out", out.toString());
        assertEquals(0, exit, err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(SweepCommand.CSV_HEADER, lines.get(0));
        String row = lines.get(1);
        assertTrue(row.startsWith("\"'=HYPERLINK("), row);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("=") || l.contains(",=")), lines.toString());
    }
}
