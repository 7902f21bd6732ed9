package dev.switchyard.app.workspace;

import dev.switchyard.engine.workspace.RecentWorkspaces;
import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The File-menu view model with same-thread executors: no robot, no FX thread. */
class WorkspaceViewModelTest {
    @TempDir
    Path dir;

    @Test
    void newEditSaveAsAndRecent() throws Exception {
        WorkspaceService service = new WorkspaceService(new RecentWorkspaces(dir.resolve("recent.json"), 5),
                Duration.ofHours(1), e -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(service, Runnable::run, Runnable::run);
        Path a = dir.resolve("a.switchyard");
        vm.newWorkspace(a, false);
        assertEquals(a.toAbsolutePath(), vm.currentFileProperty().get());
        assertEquals("a.switchyard — Switchyard", vm.titleProperty().get());
        assertNull(vm.noticeProperty().get());
        vm.scenarioEdited(ScenarioDocument.of("plan", "{\"tau\":0.9}", null));
        Path b = dir.resolve("b.switchyard");
        vm.saveAs(b);
        assertEquals(b.toAbsolutePath(), vm.currentFileProperty().get());
        assertEquals(List.of(b.toAbsolutePath(), a.toAbsolutePath()), vm.recentFiles());
        assertFalse(vm.busyProperty().get());
        vm.close();
        assertNull(vm.currentFileProperty().get());
        service.close();
        try (Workspace w = Workspace.open(b)) {
            assertEquals("{\"tau\":0.9}", w.scenario("plan").orElseThrow().json(), "the edit was saved before Save As");
        }
    }

    @Test
    void aReadOnlyWorkspaceSaysSoInTheTitleAndSaveAsContinuesInAWritableCopy() throws Exception {
        Path file = dir.resolve("shared.switchyard");
        try (Workspace w = Workspace.create(file)) {
            w.saveScenario(ScenarioDocument.of("plan", "{\"tau\":0.9}", null));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("chattr", "+i", file.toString()).start().waitFor() == 0,
                    "root without chattr +i: no file is read-only for root");
        } else {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        }
        WorkspaceService service = new WorkspaceService(new RecentWorkspaces(dir.resolve("recent.json"), 5),
                Duration.ofHours(1), e -> { });
        try {
            WorkspaceViewModel vm = new WorkspaceViewModel(service, Runnable::run, Runnable::run);
            vm.open(file);
            assertNull(vm.errorProperty().get(), vm.errorProperty().get());
            assertTrue(vm.readOnlyProperty().get());
            assertEquals("shared.switchyard (read-only) — Switchyard", vm.titleProperty().get());
            assertTrue(vm.noticeProperty().get().contains("Save As"), vm.noticeProperty().get());
            vm.scenarioEdited(ScenarioDocument.of("plan", "{\"tau\":0.8}", null));
            assertEquals(0, service.pendingEdits(), "no save is attempted on a read-only file");
            Path mine = dir.resolve("mine.switchyard");
            vm.saveAs(mine);
            assertFalse(vm.readOnlyProperty().get());
            assertEquals("mine.switchyard — Switchyard", vm.titleProperty().get());
            vm.scenarioEdited(ScenarioDocument.of("plan", "{\"tau\":0.8}", null));
            vm.flush();
            service.close();
            try (Workspace w = Workspace.open(mine)) {
                assertEquals("{\"tau\":0.8}", w.scenario("plan").orElseThrow().json());
            }
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", file.toString()).start().waitFor();
            }
        }
    }

    @Test
    void replacingAWorkspaceThatIsOpenElsewhereIsRefused() throws Exception {
        Path file = dir.resolve("busy.switchyard");
        WorkspaceService service = new WorkspaceService(new RecentWorkspaces(dir.resolve("recent.json"), 5),
                Duration.ofHours(1), e -> { });
        try (Workspace elsewhere = Workspace.create(file)) { // another window (or the CLI) is writing it
            elsewhere.saveScenario(ScenarioDocument.of("theirs", "{}", null));
            WorkspaceViewModel vm = new WorkspaceViewModel(service, Runnable::run, Runnable::run);
            vm.newWorkspace(file, true);
            assertNull(vm.currentFileProperty().get());
            assertTrue(vm.errorProperty().get().contains("cannot be replaced"), vm.errorProperty().get());
        }
        service.close();
        try (Workspace w = Workspace.open(file)) {
            assertTrue(w.scenario("theirs").isPresent());
        }
    }

    @Test
    void damagedFileOffersTheBackupAndRestoreShowsWhatHappened() throws Exception {
        Path file = dir.resolve("d.switchyard");
        try (Workspace w = Workspace.create(file)) {
            for (int i = 0; i < 50; i++) {
                w.saveScenario(ScenarioDocument.of("s" + i, "{}", null));
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(Files.size(file) / 2);
        }
        WorkspaceService service = new WorkspaceService(new RecentWorkspaces(dir.resolve("recent.json"), 5),
                Duration.ofHours(1), e -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(service, Runnable::run, Runnable::run);
        vm.open(file);
        assertNull(vm.currentFileProperty().get());
        assertTrue(vm.errorProperty().get().contains("truncated"), vm.errorProperty().get());
        assertEquals(file.toAbsolutePath(), vm.restorableFileProperty().get());
        vm.restoreFromBackup();
        assertEquals(file.toAbsolutePath(), vm.currentFileProperty().get());
        assertNotNull(vm.noticeProperty().get());
        assertTrue(vm.noticeProperty().get().contains("Restored the last good backup"), vm.noticeProperty().get());
        assertNull(vm.restorableFileProperty().get());
        service.close();
    }
}
