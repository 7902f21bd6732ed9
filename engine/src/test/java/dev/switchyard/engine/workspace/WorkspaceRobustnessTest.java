package dev.switchyard.engine.workspace;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, items 4-6: a workspace in use cannot be replaced and can still be read; a read-only
 * file opens read-only; a full disk says so, keeps what was saved and never leaves half a
 * workspace; a WAL is applied before a file is judged damaged.
 */
class WorkspaceRobustnessTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ item 5: in use

    @Test
    void aWorkspaceAnotherProcessIsWritingCannotBeReplacedButCanBeRead() throws Exception {
        Path file = dir.resolve("plan.switchyard");
        Workspace.create(file).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillTestChild.class.getName(), file.toString(), "1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null && acknowledged < 3; line = r.readLine()) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Integer.parseInt(line.substring(4));
                }
            }
            assertTrue(acknowledged >= 3, "the writer is storing");

            WorkspaceException replace = assertThrows(WorkspaceException.class, () -> Workspace.create(file, true));
            assertEquals(WorkspaceException.Reason.LOCKED, replace.reason(), replace.getMessage());
            assertTrue(replace.getMessage().contains("cannot be replaced"), replace.getMessage());
            assertEquals(WorkspaceException.Reason.LOCKED,
                    assertThrows(WorkspaceException.class, () -> Workspace.open(file)).reason(), "one writer at a time");
            assertEquals(WorkspaceException.Reason.LOCKED,
                    assertThrows(WorkspaceException.class, () -> Workspace.restoreFromBackup(file)).reason());

            try (Workspace reader = Workspace.openReadOnly(file)) { // the CLI exporting while the app has it open
                assertTrue(reader.isReadOnly());
                assertTrue(reader.scenario("s1").isPresent(), "a reader sees what the writer committed");
                assertEquals(WorkspaceException.Reason.READ_ONLY, assertThrows(WorkspaceException.class,
                        () -> reader.saveScenario(ScenarioDocument.of("x", "{}", null))).reason());
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(20, TimeUnit.SECONDS));
        }
        try (Workspace w = Workspace.open(file)) {
            for (int i = 1; i <= acknowledged; i++) {
                assertTrue(w.scenario("s" + i).isPresent(), "save " + i + " survived the refused replace");
            }
            assertEquals(OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN, w.openReport().status());
        }
        try (Workspace replaced = Workspace.create(file, true)) { // nobody holds it now
            assertTrue(replaced.scenarios().isEmpty());
        }
    }

    @Test
    void aSecondSessionInThisProcessIsRefusedAndTheLockIsFreedOnClose() throws Exception {
        Path file = dir.resolve("w.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("a", "{}", null));
            assertEquals(WorkspaceException.Reason.LOCKED,
                    assertThrows(WorkspaceException.class, () -> Workspace.create(file, true)).reason());
            try (Workspace r = Workspace.openReadOnly(file)) {
                assertTrue(r.scenario("a").isPresent());
            }
            w.saveScenario(ScenarioDocument.of("b", "{}", null)); // the reader did not disturb the writer
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(List.of("a", "b"), w.scenarios().stream().map(ScenarioDocument::name).toList());
        }
    }

    // ------------------------------------------------------------------ item 4: read-only

    /** chmod for a normal user; for root (CI) only the immutable attribute binds. */
    private static boolean makeReadOnly(Path p) throws Exception {
        if (!ROOT) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
        } else if (!chattr("+i", p)) {
            return false;
        }
        return !Files.isWritable(p);
    }

    private static void makeWritable(Path p) throws Exception {
        if (ROOT) {
            chattr("-i", p);
        } else {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    private static boolean chattr(String flag, Path p) throws Exception {
        try {
            Process proc = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            proc.getInputStream().readAllBytes();
            return proc.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aReadOnlyFileOpensReadOnlySaysSoAndCanBeSavedAs() throws Exception {
        Path file = dir.resolve("shared.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("budget", "{\"x\":1}", null));
        }
        Assumptions.assumeTrue(makeReadOnly(file), "no way to make a file read-only for this user (root without chattr +i)");
        try {
            byte[] before = Files.readAllBytes(file);
            try (Workspace w = Workspace.open(file)) {
                assertTrue(w.isReadOnly());
                assertTrue(w.openReport().readOnly() && w.openReport().needsAttention());
                assertTrue(w.openReport().summary().contains("read-only") && w.openReport().summary().contains("Save As"),
                        w.openReport().summary());
                assertEquals("{\"x\":1}", w.scenario("budget").orElseThrow().json());
                WorkspaceException refused = assertThrows(WorkspaceException.class,
                        () -> w.saveScenario(ScenarioDocument.of("budget", "{\"x\":2}", null)));
                assertEquals(WorkspaceException.Reason.READ_ONLY, refused.reason());
                assertTrue(refused.getMessage().contains("Save As"), refused.getMessage());
                w.saveCopyAs(dir.resolve("mine.switchyard"));
            }
            assertArrayEquals(before, Files.readAllBytes(file), "a read-only file is never written");
            try (Workspace copy = Workspace.open(dir.resolve("mine.switchyard"))) {
                assertFalse(copy.isReadOnly());
                copy.saveScenario(ScenarioDocument.of("budget", "{\"x\":2}", null));
            }
        } finally {
            makeWritable(file);
        }
    }

    @Test
    void aWorkspaceInAReadOnlyFolderOpensReadOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cd-rom"));
        Path file = folder.resolve("plan.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("a", "{}", null));
        }
        Assumptions.assumeTrue(makeReadOnly(folder), "no way to make a folder read-only for this user (root without chattr +i)");
        try {
            try (Workspace w = Workspace.open(file)) {
                assertTrue(w.isReadOnly());
                assertTrue(w.openReport().summary().contains("folder is read-only"), w.openReport().summary());
                assertEquals(1, w.scenarios().size());
            }
            try (Stream<Path> s = Files.list(folder)) {
                assertEquals(3, s.count(), "nothing appeared beside it (file, backup, lock file): " + folder);
            }
        } finally {
            makeWritable(folder);
        }
    }

    // ------------------------------------------------------------------ item 6: full disk

    @Test
    void aFullDiskSaysSoKeepsWhatWasSavedAndTheWorkspaceStaysUsable() throws Exception {
        Path file = dir.resolve("full.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("kept", "{}", null));
            String traffic = w.putTraffic(TestTraffic.sample("small", 50, 1, false), "small.csv").hash();
            w.limitPagesForTesting(1); // as full as the file is now: SQLite answers SQLITE_FULL, like a full disk

            WorkspaceException blob = assertThrows(WorkspaceException.class,
                    () -> w.putTraffic(TestTraffic.sample("big", 3000, 2, true), "big.csv"));
            assertEquals(WorkspaceException.Reason.DISK_FULL, blob.reason(), blob.getMessage());
            assertTrue(blob.getMessage().contains("the disk is full"), blob.getMessage());
            assertTrue(blob.getMessage().contains("Everything saved before this is kept in full.switchyard"), blob.getMessage());

            String bigResult = "{\"r\":\"" + "x".repeat(300_000) + "\"}";
            WorkspaceException run = assertThrows(WorkspaceException.class, () -> w.recordRun(RunRecord.pending("kept", "{}",
                    new InputRefs(null, null, traffic), 1, "test", bigResult, null)));
            assertEquals(WorkspaceException.Reason.DISK_FULL, run.reason(), run.getMessage());
            assertFalse(run.getMessage().contains("no transaction"), run.getMessage());

            w.limitPagesForTesting(Integer.MAX_VALUE); // space freed
            w.recordRun(RunRecord.pending("kept", "{}", new InputRefs(null, null, traffic), 1, "test", "{}", null));
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(OpenReport.Status.CLEAN, w.openReport().status());
            assertTrue(w.scenario("kept").isPresent());
            assertEquals(1, w.allRuns().size());
            assertEquals(1, w.datasets(DatasetKind.TRAFFIC).size(), "the failed sample left nothing half-stored");
            assertEquals(List.of(), w.integrityCheck());
        }
    }

    @Test
    void aWorkspaceThatCannotBeFilledOnAFullDiskIsNeverLeftHalfCreated() throws Exception {
        Path file = dir.resolve("sample.switchyard");
        Workspace.Initializer fillUntilFull = w -> {
            w.saveScenario(ScenarioDocument.of("first", "{}", null));
            w.limitPagesForTesting(1);
            w.putTraffic(TestTraffic.sample("big", 3000, 2, true), "big.csv");
        };
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.create(file, false, fillUntilFull));
        assertEquals(WorkspaceException.Reason.DISK_FULL, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("the disk is full") && e.getMessage().contains("Nothing was created"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList(),
                    "no workspace, no temp file, no backup left behind");
        }

        // replacing an existing workspace: it stays exactly as it was
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("precious", "{}", null));
        }
        byte[] before = Files.readAllBytes(file);
        WorkspaceException replace = assertThrows(WorkspaceException.class, () -> Workspace.create(file, true, fillUntilFull));
        assertTrue(replace.getMessage().contains("sample.switchyard was left as it was"), replace.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Workspace w = Workspace.open(file)) {
            assertTrue(w.scenario("precious").isPresent());
        }
        try (Workspace w = Workspace.create(file, true, ws -> ws.saveScenario(ScenarioDocument.of("filled", "{}", null)))) {
            assertEquals(List.of("filled"), w.scenarios().stream().map(ScenarioDocument::name).toList());
        }
    }

    @Test
    void aWalIsAppliedBeforeTheFileIsJudgedDamaged() throws Exception {
        Path file = dir.resolve("live/plan.switchyard");
        Files.createDirectories(file.getParent());
        Workspace.create(file).close(); // leaves a backup without what follows
        Path crashed = Files.createDirectories(dir.resolve("crashed")).resolve("plan.switchyard");
        try (Workspace w = Workspace.open(file)) {
            w.putTraffic(TestTraffic.sample("after-backup", 400, 3, true), "after.csv");
            w.saveScenario(ScenarioDocument.of("after-backup", "{}", null));
            // the state a crash leaves: main file and WAL as they are on disk right now
            Files.copy(file, crashed);
            Files.copy(Workspace.sidecar(file, "-wal"), Workspace.sidecar(crashed, "-wal"));
            Files.copy(Workspace.backupOf(file), Workspace.backupOf(crashed));
        }
        // A checkpoint cut short by a full disk: page 1 already says the file is longer than it is.
        long pages = Files.size(crashed) / 4096;
        try (RandomAccessFile raf = new RandomAccessFile(crashed.toFile(), "rw")) {
            raf.seek(28);
            raf.writeInt((int) pages + 40);
        }
        assertTrue(SqliteHeader.read(crashed).truncated(), "the header alone calls the main file truncated");

        try (Workspace w = Workspace.open(crashed)) {
            assertEquals(OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN, w.openReport().status(), w.openReport().summary());
            assertTrue(w.scenario("after-backup").isPresent(), "the WAL's commits were kept, not replaced by the older backup");
            assertEquals(List.of(), w.integrityCheck());
        }
    }
}
