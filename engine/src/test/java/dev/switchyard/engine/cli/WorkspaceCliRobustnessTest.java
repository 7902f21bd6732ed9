package dev.switchyard.engine.cli;

import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.switchyard.engine.cli.CliFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 items 4 and 5 from the command line. */
class WorkspaceCliRobustnessTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void newForceIsRefusedWhileTheWorkspaceIsOpenAndReadingStillWorks() throws Exception {
        Path file = dir.resolve("plan.switchyard");
        try (Workspace app = Workspace.create(file)) { // the app has it open
            app.saveScenario(ScenarioDocument.of("draft", "{}", null));
            String[] replaced = run("workspace", "new", file.toString(), "--force");
            assertEquals("1", replaced[0], replaced[1] + replaced[2]);
            assertTrue(replaced[2].contains("is open in another Switchyard window or process, so it cannot be replaced"),
                    replaced[2]);
            String[] info = run("workspace", "info", file.toString());
            assertEquals("0", info[0], info[2]);
            assertTrue(info[1].contains("reading what it has saved so far (read-only)") && info[1].contains("scenarios: 1"),
                    info[1]);
            app.saveScenario(ScenarioDocument.of("draft 2", "{}", null)); // still the app's
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(2, w.scenarios().size(), "nothing the app stored was lost");
        }
    }

    @Test
    void infoOnAReadOnlyWorkspaceSaysReadOnly() throws Exception {
        Path file = dir.resolve("shared.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("budget", "{}", null));
        }
        boolean readOnly;
        if (ROOT) {
            readOnly = new ProcessBuilder("chattr", "+i", file.toString()).start().waitFor() == 0;
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            readOnly = true;
        }
        Assumptions.assumeTrue(readOnly && !Files.isWritable(file), "root without chattr +i: no file is read-only for root");
        try {
            String[] info = run("workspace", "info", file.toString());
            assertEquals("0", info[0], info[2]);
            assertTrue(info[1].contains("opened read-only") && info[1].contains("Save As") && info[1].contains("(read-only)"),
                    info[1]);
            assertTrue(info[1].contains("scenarios: 1"), info[1]);
        } finally {
            restore(file);
        }
    }

    private static void restore(Path file) throws IOException, InterruptedException {
        if (ROOT) {
            new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
