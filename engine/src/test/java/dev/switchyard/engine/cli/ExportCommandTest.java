package dev.switchyard.engine.cli;

import dev.switchyard.engine.export.LiveRouter;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.switchyard.engine.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace made from the bundled sample data, re-run and exported headless from the CLI. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void newFromSampleThenExportEverythingAndStoreTheRun() throws Exception {
        SampleData.locate(); // the bundled sample must be findable from the test's working directory
        Path ws = dir.resolve("plan.switchyard");
        String[] created = run("workspace", "new", ws.toString(), "--sample");
        assertEquals("0", created[0], created[2]);
        assertTrue(created[1].contains("scenario 'support-desk'"), created[1]);

        Path config = dir.resolve("out/routing-config.json");
        Path yaml = dir.resolve("out/config.yaml");
        Path report = dir.resolve("out/report.html");
        Path tables = dir.resolve("out/tables");
        String[] exported = run("export", "--workspace", ws.toString(), "--scenario", "support-desk", "--config",
                config.toString(), "--litellm", yaml.toString(), "--report", report.toString(), "--tables", tables.toString(),
                "--store-run", "--label", "cli", "--threads", "2");
        assertEquals("0", exported[0], exported[2]);
        assertTrue(exported[1].contains("support-desk: SLARouter"), exported[1]);
        assertEquals("support-desk", LiveRouter.load(config).config().provenance().scenario());
        assertTrue(Files.readString(yaml).contains("model_list:"));
        assertTrue(Files.readString(report).contains("Routing plan: support-desk"));
        assertTrue(Files.exists(tables.resolve("months.csv")) && Files.exists(tables.resolve("summary.csv")));
        try (Workspace w = Workspace.open(ws)) {
            assertEquals("cli", w.allRuns().get(0).label());
        }

        String[] again = run("export", "--workspace", ws.toString(), "--scenario", "support-desk", "--threads", "1",
                "--store-run");
        assertEquals(exported[1].lines().findFirst().orElseThrow(), again[1].lines().findFirst().orElseThrow(),
                "re-running the stored scenario headless gives the same numbers, whatever the thread count");

        String[] missing = run("export", "--workspace", ws.toString(), "--scenario", "nope", "--report", report.toString());
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("no scenario named 'nope'"), missing[2]);
    }
}
