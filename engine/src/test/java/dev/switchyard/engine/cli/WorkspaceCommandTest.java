package dev.switchyard.engine.cli;

import dev.switchyard.engine.workspace.InputRefs;
import dev.switchyard.engine.workspace.RunRecord;
import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.switchyard.engine.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceCommandTest {
    @TempDir
    Path dir;

    @Test
    void infoCheckAndRunsCsv() throws Exception {
        Path file = dir.resolve("w.switchyard");
        try (Workspace w = Workspace.create(file)) {
            String hash = w.putPriceSheetJson("p", "p.json", "{}".getBytes(StandardCharsets.UTF_8)).hash();
            w.saveScenario(ScenarioDocument.of("=HYPERLINK(\"x\")", "{}", null));
            byte[] traffic = "{\"t\":1}".getBytes(StandardCharsets.UTF_8);
            String t = w.putCatalogJson("fake traffic stand-in", null, traffic).hash();
            w.recordRun(RunRecord.pending("=HYPERLINK(\"x\")", "{}", new InputRefs(null, hash, t), 42, "test", "{}", "base"));
        }
        String[] info = run("workspace", "info", file.toString());
        assertEquals("0", info[0], info[2]);
        assertTrue(info[1].contains("scenarios: 1"), info[1]);
        String[] check = run("workspace", "check", file.toString());
        assertEquals("0", check[0]);
        assertTrue(check[1].contains("ok"));
        Path csv = dir.resolve("runs.csv");
        assertEquals("0", run("workspace", "runs", file.toString(), "--csv", csv.toString())[0]);
        String text = Files.readString(csv);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"x\"\")\",base,"), text);
    }

    @Test
    void refusedFileExitsOneWithTheReason() throws Exception {
        Path junk = dir.resolve("junk.switchyard");
        Files.writeString(junk, "hello");
        String[] r = run("workspace", "check", junk.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("not a Switchyard workspace"), r[2]);
        assertEquals("hello", Files.readString(junk));
    }
}
