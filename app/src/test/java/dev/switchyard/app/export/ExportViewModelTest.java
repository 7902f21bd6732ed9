package dev.switchyard.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchyard.app.Fixtures;
import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioViewModel;

class ExportViewModelTest {
    private final DataSession session = new DataSession();
    private final TaskRunner runner = TaskRunner.sameThread();
    private final ScenarioViewModel scenario = new ScenarioViewModel(session, new Fixtures.FakePlanner(), runner,
            Debouncer.immediate());

    /** Records what it was asked and writes a marker file, or fails as told. */
    private static final class RecordingExporter implements Exporter {
        final List<Artefact> asked = new ArrayList<>();
        final List<ScenarioOutcome> shown = new ArrayList<>();
        final List<String> workspaces = new ArrayList<>();
        IOException failWith;

        @Override
        public List<Path> write(Artefact what, dev.switchyard.app.data.DataSet data, dev.switchyard.app.scenario.ScenarioSettings s,
                                ScenarioOutcome o, String workspace, Path target, dev.switchyard.app.common.ProgressSink sink)
                throws IOException {
            asked.add(what);
            shown.add(o);
            workspaces.add(workspace);
            if (failWith != null) {
                throw failWith;
            }
            if (what.isFolder()) {
                Files.createDirectories(target);
                Path f = target.resolve("summary.csv");
                Files.writeString(f, "x");
                return List.of(f);
            }
            Files.writeString(target, what.name());
            return List.of(target);
        }
    }

    @Test
    void allFourGoToTheFolderFromTheFullRunOnScreen(@TempDir Path dir) {
        session.set(Fixtures.dataSet());
        RecordingExporter exporter = new RecordingExporter();
        ExportViewModel vm = new ExportViewModel(scenario, exporter, runner, () -> "plan.switchyard");
        vm.exportAllTo(dir);
        assertEquals(List.of(Artefact.values()), exporter.asked);
        assertTrue(Files.exists(dir.resolve("routing-config.json")) && Files.exists(dir.resolve("config.yaml"))
                && Files.exists(dir.resolve("report.html")) && Files.exists(dir.resolve("tables/summary.csv")));
        assertSame(scenario.outcomeProperty().get(), exporter.shown.get(0), "the full run on screen is exported as is");
        assertEquals("plan.switchyard", exporter.workspaces.get(0));
        assertTrue(vm.noticeProperty().get().contains("4 files"), vm.noticeProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aFailureNamesTheFileAndWhy(@TempDir Path dir) {
        session.set(Fixtures.dataSet());
        RecordingExporter exporter = new RecordingExporter();
        exporter.failWith = new AccessDeniedException(dir.resolve("report.html").toString());
        ExportViewModel vm = new ExportViewModel(scenario, exporter, runner, () -> null);
        vm.export(Artefact.REPORT, dir.resolve("report.html"));
        String error = vm.errorProperty().get();
        assertTrue(error.contains("HTML report") && error.contains("report.html") && error.contains("permission denied"), error);
        assertEquals("", vm.noticeProperty().get());
    }

    @Test
    void nothingToExportWithoutData(@TempDir Path dir) {
        RecordingExporter exporter = new RecordingExporter();
        ExportViewModel vm = new ExportViewModel(scenario, exporter, runner, () -> null);
        vm.exportAllTo(dir);
        assertTrue(exporter.asked.isEmpty());
        assertTrue(vm.errorProperty().get().contains("no data"));
    }
}
