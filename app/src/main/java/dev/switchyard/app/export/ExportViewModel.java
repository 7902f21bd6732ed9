package dev.switchyard.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;

/**
 * File > Export: the routing configuration, a LiteLLM config.yaml, the HTML report and the CSV
 * tables of the scenario on screen, written in the background whether a workspace is open or not.
 * A failure names the file and what went wrong; nothing half-written is left (the engine's writers
 * are atomic). Never references a Node.
 */
public final class ExportViewModel {
    private final ScenarioViewModel scenario;
    private final Exporter exporter;
    private final TaskRunner runner;
    private final Supplier<String> workspaceName;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<Path> lastWritten = new ArrayList<>();

    /** @param workspaceName the open workspace's file name, or null when none is open */
    public ExportViewModel(ScenarioViewModel scenario, Exporter exporter, TaskRunner runner, Supplier<String> workspaceName) {
        this.scenario = Objects.requireNonNull(scenario);
        this.exporter = Objects.requireNonNull(exporter);
        this.runner = Objects.requireNonNull(runner);
        this.workspaceName = Objects.requireNonNull(workspaceName);
    }

    /** Writes one artefact to {@code target} (a folder for the tables). */
    public void export(Artefact what, Path target) {
        exportAll(List.of(what), List.of(target));
    }

    /** Writes all four into {@code folder}: routing-config.json, config.yaml, report.html and tables/. */
    public void exportAllTo(Path folder) {
        List<Artefact> all = List.of(Artefact.values());
        exportAll(all, all.stream().map(a -> folder.resolve(a.defaultName())).toList());
    }

    private void exportAll(List<Artefact> what, List<Path> targets) {
        DataSet data = scenario.session().get();
        if (data == null) {
            error.set("Nothing to export: no data is loaded.");
            return;
        }
        ScenarioSettings settings;
        try {
            settings = scenario.settings();
        } catch (IllegalArgumentException e) {
            error.set("Fix the scenario first: " + e.getMessage());
            return;
        }
        ScenarioOutcome shown = scenario.outcomeProperty().get();
        // a preview's figures are not the full run's: export the full run (re-run if it has not landed)
        ScenarioOutcome full = shown != null && !shown.isPreview() && shown.settings().equals(settings) ? shown : null;
        String workspace = workspaceName.get();
        running.set(true);
        error.set("");
        notice.set("");
        runner.submit("Exporting " + (what.size() == 1 ? what.get(0).label() : "routing configuration, LiteLLM config, report and tables"),
                sink -> {
                    List<Path> written = new ArrayList<>();
                    for (int i = 0; i < what.size(); i++) {
                        sink.checkCancelled();
                        sink.progress((double) i / what.size(), what.get(i).label());
                        try {
                            written.addAll(exporter.write(what.get(i), data, settings, full, workspace, targets.get(i), sink));
                        } catch (IOException e) {
                            throw new ExportFailure(what.get(i), targets.get(i), e);
                        }
                    }
                    return written;
                }, written -> {
                    running.set(false);
                    lastWritten.clear();
                    lastWritten.addAll(written);
                    notice.set(summary(what, targets, written));
                }, e -> {
                    running.set(false);
                    error.set(e instanceof ExportFailure f ? f.getMessage()
                            : "Export failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                });
    }

    static String summary(List<Artefact> what, List<Path> targets, List<Path> written) {
        if (what.size() == 1) {
            Artefact a = what.get(0);
            return a.isFolder() ? "Wrote " + written.size() + " CSV tables to " + targets.get(0)
                    : "Wrote the " + a.label() + " to " + targets.get(0);
        }
        Path folder = targets.get(0).getParent();
        return "Wrote " + written.size() + " files to " + folder + ": routing configuration, LiteLLM config, report and "
                + "CSV tables.";
    }

    /** An I/O failure with the file it concerns, in words: "Could not write the HTML report to /x/report.html: ...". */
    static final class ExportFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ExportFailure(Artefact what, Path target, IOException cause) {
            super("Could not write the " + what.label() + " to " + target + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            String m = e.getMessage();
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied" + (m == null ? "" : " (" + m + ")");
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "the folder does not exist" + (m == null ? "" : " (" + m + ")");
            }
            if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
                return fs.getReason();
            }
            return m == null ? e.getClass().getSimpleName() : m;
        }
    }

    public void dismiss() {
        notice.set("");
        error.set("");
    }

    /** The files the last successful export wrote. */
    public List<Path> lastWritten() {
        return List.copyOf(lastWritten);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
