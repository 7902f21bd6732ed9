package dev.switchyard.app.workspace;

import dev.switchyard.engine.workspace.OpenReport;
import dev.switchyard.engine.workspace.RecentWorkspaces;
import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.WorkspaceException;
import dev.switchyard.engine.workspace.WorkspaceService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * File menu and autosave for the planner: New, Open, Open Recent, Save As, Restore backup, Close,
 * and debounced saving of scenario edits, over the engine's {@link WorkspaceService}.
 *
 * <p>MVVM: read-only properties for views to bind, command methods for menu items; no Node. Every
 * workspace call runs on {@code background}; results and property changes are delivered on
 * {@code ui} ({@code Platform::runLater} in the app, the calling thread in tests), so the FX thread
 * never waits on the database.
 */
public final class WorkspaceViewModel {
    private final WorkspaceService service;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Switchyard");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Path> restorableFile = new ReadOnlyObjectWrapper<>(this, "restorableFile");
    private final ObservableList<RecentWorkspaces.Entry> recent = FXCollections.observableArrayList();
    private final ObservableList<RecentWorkspaces.Entry> recentView = FXCollections.unmodifiableObservableList(recent);

    public WorkspaceViewModel(WorkspaceService service, Executor background, Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The open workspace file, or null. */
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /** Window title: "plan.switchyard — Switchyard". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Something the user should read after an open (crash recovery, restored backup, upgraded file);
     * null when there is nothing to say. Show it as a banner or dialog; {@link #dismissNotice()} clears it.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last failure as a sentence for the user (refused file, autosave failure), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Set when an open was refused as damaged and a good backup exists: offer {@link #restoreFromBackup()}. */
    public ReadOnlyObjectProperty<Path> restorableFileProperty() {
        return restorableFile.getReadOnlyProperty();
    }

    /** Recent workspaces, most recent first (for File > Open Recent). */
    public ObservableList<RecentWorkspaces.Entry> recent() {
        return recentView;
    }

    public void refreshRecent() {
        run(() -> service.recent(), list -> recent.setAll(list));
    }

    public void newWorkspace(Path file, boolean replaceExisting) {
        open(() -> service.newWorkspace(file, replaceExisting));
    }

    public void open(Path file) {
        open(() -> service.open(file));
    }

    public void saveAs(Path file) {
        open(() -> service.saveAs(file));
    }

    public void restoreFromBackup() {
        Path file = restorableFile.get();
        if (file != null) {
            open(() -> service.restoreFromBackup(file));
        }
    }

    public void close() {
        run(() -> {
            service.closeWorkspace();
            return null;
        }, ignored -> {
            currentFile.set(null);
            title.set("Switchyard");
        });
    }

    /** Call on every scenario edit; returns at once, the save happens after the edits pause. */
    public void scenarioEdited(ScenarioDocument doc) {
        try {
            service.scheduleScenarioSave(doc);
        } catch (WorkspaceException e) {
            error.set(e.getMessage());
        }
    }

    /** Writes pending edits now (e.g. before running a long simulation or quitting). */
    public void flush() {
        run(() -> {
            service.flush();
            return null;
        }, ignored -> { });
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** For the autosave error handler given to {@link WorkspaceService}: shows the failure on the UI thread. */
    public void autosaveFailed(Exception e) {
        ui.execute(() -> error.set("Autosave failed: " + e.getMessage()));
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private void open(Call<OpenReport> call) {
        run(call, report -> {
            currentFile.set(report.file());
            title.set(report.file().getFileName() + " — Switchyard");
            restorableFile.set(null);
            error.set(null);
            notice.set(report.needsAttention() ? report.summary() : null);
            recent.setAll(service.recent());
        });
    }

    private <T> void run(Call<T> call, java.util.function.Consumer<T> onSuccess) {
        busy.set(true);
        background.execute(() -> {
            try {
                T result = call.call();
                ui.execute(() -> {
                    busy.set(false);
                    onSuccess.accept(result);
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    busy.set(false);
                    error.set(e.getMessage());
                    if (e instanceof WorkspaceException w && w.backupAvailable()) {
                        restorableFile.set(w.file());
                    }
                });
            }
        });
    }

    /** Shortcut used by views: the files of {@link #recent()}. */
    public List<Path> recentFiles() {
        return recent.stream().map(RecentWorkspaces.Entry::file).toList();
    }
}
