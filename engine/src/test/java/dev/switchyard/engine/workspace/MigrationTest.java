package dev.switchyard.engine.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace written by version 1 of the schema (checked in) opens in this version. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void versionOneFileIsMigratedWithItsDataIntactAndTheOldFileKeptAsBackup() throws Exception {
        Path file = dir.resolve("old.switchyard");
        try (InputStream in = MigrationTest.class.getResourceAsStream("workspace-v1.switchyard")) {
            Files.copy(in, file);
        }
        assertEquals(1, SqliteHeader.read(file).userVersion(), "the fixture must stay a version-1 file");
        assertTrue(WorkspaceSchema.CURRENT_VERSION > 1, "this test must exercise a real migration");
        try (Workspace w = Workspace.open(file)) {
            OpenReport r = w.openReport();
            assertTrue(r.migrated());
            assertEquals(1, r.schemaVersionFound());
            assertEquals(WorkspaceSchema.CURRENT_VERSION, r.schemaVersionNow());
            assertTrue(r.needsAttention());
            assertTrue(r.summary().contains("from version 1"), r.summary());

            ScenarioDocument s = w.scenario("v1 scenario").orElseThrow();
            assertEquals(MigrationFixtureWriter.SCENARIO_JSON, s.json());
            assertEquals(3, s.revision());
            RunRecord run = w.allRuns().get(0);
            assertEquals(42, run.seed());
            assertEquals(MigrationFixtureWriter.RESULT_JSON, run.resultJson());
            assertNull(run.label(), "the column added in version 2 is empty for old runs");
            assertEquals(120, w.loadTraffic(run.inputs().trafficHash()).size(), "the stored traffic decodes and matches its hash");
            assertEquals(List.of(run.id()), w.comparisons().get(0).runIds());

            // The version-2 feature works on the migrated file.
            RunRecord labelled = w.recordRun(RunRecord.pending("v1 scenario", s.json(), s.inputs(), 7, "test", "{}", "after"));
            assertEquals("after", w.run(labelled.id()).orElseThrow().label());
            assertTrue(w.integrityCheck().isEmpty());
        }
        assertEquals(WorkspaceSchema.CURRENT_VERSION, SqliteHeader.read(file).userVersion());
        // The backup taken before migrating was replaced by the clean-close backup; reopening is clean.
        try (Workspace w = Workspace.open(file)) {
            assertEquals(OpenReport.Status.CLEAN, w.openReport().status());
            assertTrue(!w.openReport().migrated());
        }
    }

    @Test
    void migrationBacksUpTheOldFileFirst() throws Exception {
        Path file = dir.resolve("old2.switchyard");
        try (InputStream in = MigrationTest.class.getResourceAsStream("workspace-v1.switchyard")) {
            Files.copy(in, file);
        }
        Workspace w = Workspace.open(file);
        try {
            assertEquals(1, SqliteHeader.read(Workspace.backupOf(file)).userVersion(),
                    "while the migrated file is open, the backup beside it is the untouched version-1 data");
        } finally {
            w.close();
        }
    }
}
