package dev.switchyard.engine.workspace;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void saveCloseReopenKeepsEverything() throws Exception {
        Path file = dir.resolve("plan.switchyard");
        TrafficSample sample = TestTraffic.sample("bench", 500, 11, true);
        byte[] catalog = "{\"format\":\"switchyard-catalog\"}".getBytes(StandardCharsets.UTF_8);
        byte[] prices = "{\"format\":\"switchyard-price-sheet\"}".getBytes(StandardCharsets.UTF_8);
        long runId;
        InputRefs refs;
        try (Workspace w = Workspace.create(file)) {
            assertEquals(OpenReport.Status.CREATED, w.openReport().status());
            DatasetInfo t = w.putTraffic(sample, "/home/pm/data/bench.csv");
            assertEquals("bench.csv", t.originalFile(), "only the file name is kept, not the user's folders");
            assertEquals(t, w.putTraffic(sample, "again.csv"), "the same content is stored once");
            DatasetInfo c = w.putCatalogJson("team", "catalog.json", catalog);
            DatasetInfo p = w.putPriceSheetJson("list prices", "prices.json", prices);
            refs = new InputRefs(c.hash(), p.hash(), t.hash());
            ScenarioDocument saved = w.saveScenario(ScenarioDocument.of("Q3 plan", "{\"tau\":0.9}", refs));
            assertEquals(1, saved.revision());
            assertEquals(2, w.saveScenario(ScenarioDocument.of("Q3 plan", "{\"tau\":0.92}", refs)).revision());
            RunRecord run = w.recordRun(RunRecord.pending("Q3 plan", "{\"tau\":0.92}", refs, 42, EngineInfo.version(),
                    "{\"spend\":12.5}", "baseline"));
            runId = run.id();
            w.pinComparison("before/after", "price cut", List.of(runId));
        }
        assertFalse(Files.exists(Workspace.sidecar(file, "-wal")), "a clean close leaves no WAL behind");
        assertTrue(Files.exists(Workspace.backupOf(file)), "a clean close refreshes the backup");

        try (Workspace w = Workspace.open(file)) {
            assertEquals(OpenReport.Status.CLEAN, w.openReport().status());
            assertFalse(w.openReport().needsAttention());
            ScenarioDocument s = w.scenario("Q3 plan").orElseThrow();
            assertEquals("{\"tau\":0.92}", s.json());
            assertEquals(refs, s.inputs());
            TrafficSample back = w.loadTraffic(refs.trafficHash());
            for (int q = 0; q < sample.size(); q++) {
                assertEquals(sample.record(q), back.record(q));
            }
            assertArrayEquals(catalog, w.loadJson(refs.catalogHash()));
            RunRecord run = w.run(runId).orElseThrow();
            assertEquals(42, run.seed());
            assertEquals(EngineInfo.version(), run.engineVersion());
            assertEquals(refs, run.inputs(), "a result names the exact inputs it came from");
            assertEquals("baseline", run.label());
            assertEquals(List.of(runId), w.comparisons().get(0).runIds());
            assertEquals(1, w.datasets(DatasetKind.TRAFFIC).size());
            WorkspaceException inUse = assertThrows(WorkspaceException.class, () -> w.deleteDataset(refs.trafficHash()));
            assertTrue(inUse.getMessage().contains("still used by"), inUse.getMessage());
            assertTrue(w.integrityCheck().isEmpty());
        }
    }

    @Test
    void runMustReferenceStoredInputs() throws Exception {
        try (Workspace w = Workspace.create(dir.resolve("w.switchyard"))) {
            InputRefs missing = new InputRefs(null, "ab".repeat(32), "cd".repeat(32));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> w.recordRun(
                    RunRecord.pending("s", "{}", missing, 1, "v", "{}", null)));
            assertTrue(e.getMessage().contains("not stored in this workspace"), e.getMessage());
            assertTrue(w.allRuns().isEmpty());
        }
    }

    @Test
    void saveAsWritesAConsistentCopyThatOpensClean() throws Exception {
        Path file = dir.resolve("a.switchyard");
        Path copy = dir.resolve("sub/b.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("s1", "{}", null));
            w.saveCopyAs(copy);
            w.saveScenario(ScenarioDocument.of("s2", "{}", null));
        }
        try (Workspace w = Workspace.open(copy)) {
            assertEquals(OpenReport.Status.CLEAN, w.openReport().status(), "a copy made while open must not look crashed");
            assertEquals(List.of("s1"), w.scenarios().stream().map(ScenarioDocument::name).toList());
        }
    }

    @Test
    void secondOpenOfTheSameFileIsRefusedAsLocked() throws Exception {
        Path file = dir.resolve("busy.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("s", "{}", null));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
            assertEquals(WorkspaceException.Reason.LOCKED, e.reason(), e.getMessage());
            assertEquals("s", w.scenarios().get(0).name(), "the first session is unaffected");
            w.backupNow();
            WorkspaceException restore = assertThrows(WorkspaceException.class, () -> Workspace.restoreFromBackup(file));
            assertEquals(WorkspaceException.Reason.LOCKED, restore.reason(), "never swap a file out from under its session");
            assertTrue(Files.exists(file));
            assertEquals("s", w.scenarios().get(0).name());
        }
    }

    @Test
    void createRefusesToReplaceUnlessConfirmed() throws Exception {
        Path file = dir.resolve("x.switchyard");
        Workspace.create(file).close();
        assertEquals(WorkspaceException.Reason.ALREADY_EXISTS,
                assertThrows(WorkspaceException.class, () -> Workspace.create(file)).reason());
        try (Workspace w = Workspace.create(file, true)) {
            assertTrue(w.scenarios().isEmpty());
        }
    }

    // ------------------------------------------------------------------ hostile files

    @Test
    void nonSqliteFileIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("notes.switchyard");
        Files.writeString(file, "query_id,category\nq1,math\n");
        Map<String, byte[]> before = snapshot();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(WorkspaceException.Reason.NOT_SQLITE, e.reason());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertUnchanged(before);
        Files.write(file, new byte[0]);
        assertEquals(WorkspaceException.Reason.NOT_SQLITE,
                assertThrows(WorkspaceException.class, () -> Workspace.open(file)).reason());
    }

    @Test
    void someoneElsesSqliteDatabaseIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        Map<String, byte[]> before = snapshot();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(WorkspaceException.Reason.NOT_A_WORKSPACE, e.reason());
        assertUnchanged(before);
    }

    @Test
    void workspaceFromANewerVersionIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("future.switchyard");
        Workspace.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (WorkspaceSchema.CURRENT_VERSION + 5));
            s.execute("PRAGMA journal_mode=DELETE");
        }
        Files.delete(Workspace.backupOf(file));
        Map<String, byte[]> before = snapshot();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(WorkspaceException.Reason.TOO_NEW, e.reason());
        assertTrue(e.getMessage().contains("newer Switchyard"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertUnchanged(before);
    }

    @Test
    void truncatedWorkspaceIsRefusedUntouchedAndOffersTheBackup() throws Exception {
        Path file = dir.resolve("cut.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.putTraffic(TestTraffic.sample("t", 3000, 3, true), "t.csv");
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        Map<String, byte[]> before = snapshot();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(WorkspaceException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.backupAvailable(), "the backup from the clean close is offered");
        assertUnchanged(before);

        try (Workspace w = Workspace.restoreFromBackup(file)) {
            assertEquals(OpenReport.Status.RESTORED_FROM_BACKUP, w.openReport().status());
            assertEquals(1, w.datasets(DatasetKind.TRAFFIC).size());
            assertNotNull(w.openReport().damagedFileKeptAs());
            assertTrue(Files.exists(w.openReport().damagedFileKeptAs()), "the damaged file is kept, not deleted");
        }
    }

    @Test
    void corruptPagesAreRefusedUntouched() throws Exception {
        Path file = dir.resolve("bad.switchyard");
        try (Workspace w = Workspace.create(file)) {
            for (int i = 0; i < 200; i++) {
                w.saveScenario(ScenarioDocument.of("scenario " + i, "{\"i\":" + i + "}", null));
            }
        }
        Files.delete(Workspace.backupOf(file));
        corruptPages(file);
        Map<String, byte[]> before = snapshot();
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(WorkspaceException.Reason.CORRUPT, e.reason(), e.getMessage());
        assertFalse(e.backupAvailable());
        assertTrue(e.getMessage().contains("No backup"), e.getMessage());
        assertUnchanged(before);
    }

    @Test
    void uncleanShutdownWithDamageRestoresTheLastGoodBackupAndSaysSo() throws Exception {
        Path file = dir.resolve("crashed.switchyard");
        try (Workspace w = Workspace.create(file)) {
            for (int i = 0; i < 200; i++) {
                w.saveScenario(ScenarioDocument.of("scenario " + i, "{\"i\":" + i + "}", null));
            }
        }
        // Simulate a session that died: marker says open, then the file got damaged.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE workspace_meta SET value = '1' WHERE key = 'session_open'");
        }
        corruptPages(file);
        try (Workspace w = Workspace.open(file)) {
            OpenReport r = w.openReport();
            assertEquals(OpenReport.Status.RESTORED_FROM_BACKUP, r.status());
            assertTrue(r.needsAttention());
            assertTrue(r.summary().contains("changes made after it are lost"), r.summary());
            assertEquals(200, w.scenarios().size());
            assertTrue(w.integrityCheck().isEmpty());
        }
    }

    @Test
    void uncleanShutdownOfASoundFileIsReportedAfterTheIntegrityCheck() throws Exception {
        Path file = dir.resolve("u.switchyard");
        Workspace.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE workspace_meta SET value = '1' WHERE key = 'session_open'");
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN, w.openReport().status());
            assertTrue(w.openReport().integrityChecked());
        }
        try (Workspace w = Workspace.open(file)) {
            assertEquals(OpenReport.Status.CLEAN, w.openReport().status());
        }
    }

    @Test
    void missingFileIsNotFound() {
        assertEquals(WorkspaceException.Reason.NOT_FOUND,
                assertThrows(WorkspaceException.class, () -> Workspace.open(dir.resolve("nope"))).reason());
    }

    private static void corruptPages(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            int pageSize = SqliteHeader.read(file).pageSize();
            byte[] junk = new byte[pageSize * 3];
            new java.util.SplittableRandom(9).nextBytes(junk);
            raf.seek(pageSize); // pages 2..4: table roots, right after the schema page
            raf.write(junk);
        }
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private void assertUnchanged(Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet(), "no file may appear or vanish");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " must be byte-for-byte unchanged");
        }
    }
}
