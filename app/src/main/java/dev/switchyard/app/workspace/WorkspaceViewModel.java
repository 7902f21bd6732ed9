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
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ObservableList<RecentWorkspaces.Entry> recent = FXCollections.observableArrayList();
    private final ObservableList<RecentWorkspaces.Entry> recentView = FXCollections.unmodifiableObservableList(recent);

    /** How the current workspace came to be open: a new file, an existing one, or a Save As copy of the one open. */
    public enum Opened { NEW, EXISTING, COPY }

    private final java.util.List<java.util.function.BiConsumer<Opened, Path>> openListeners = new java.util.ArrayList<>();

    /** Told on the UI executor after every successful New, Open, Restore backup or Save As. */
    public void addOpenListener(java.util.function.BiConsumer<Opened, Path> listener) {
        openListeners.add(Objects.requireNonNull(listener));
    }

    /** The service behind this menu, for the autosave of scenario edits and run results. */
    public WorkspaceService service() {
        return service;
    }

    /**
     * The app's File menu: a service with the default autosave delay whose failures show in
     * {@link #errorProperty()}.
     *
     * @param recentList where the recent-workspaces list lives; null for the user's own (a self-test
     *                   passes a throwaway file so it never edits what the user sees)
     */
    public static WorkspaceViewModel create(Path recentList, Executor background, Executor ui) {
        WorkspaceViewModel[] vm = new WorkspaceViewModel[1];
        java.util.function.Consumer<Exception> errors = e -> {
            if (vm[0] != null) {
                vm[0].autosaveFailed(e);
            }
        };
        WorkspaceService service = recentList == null ? WorkspaceService.withDefaults(errors)
                : new WorkspaceService(new RecentWorkspaces(recentList, RecentWorkspaces.DEFAULT_LIMIT),
                WorkspaceService.DEFAULT_AUTOSAVE_DELAY, errors);
        vm[0] = new WorkspaceViewModel(service, background, ui);
        return vm[0];
    }

    /**
     * On exit, after the background executor has drained: writes pending autosaves and closes the
     * workspace cleanly. Blocks; the app calls it from {@code Application.stop()}.
     */
    public void shutdown() throws WorkspaceException {
        service.close();
    }

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

    /**
     * True while the open workspace is read-only (its file or folder cannot be written): edits are
     * not saved; the title says "(read-only)" and the notice offers Save As ({@link #saveAs}).
     */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Recent workspaces, most recent first (for File > Open Recent). */
    public ObservableList<RecentWorkspaces.Entry> recent() {
        return recentView;
    }

    public void refreshRecent() {
        run(() -> service.recent(), list -> recent.setAll(list));
    }

    public void newWorkspace(Path file, boolean replaceExisting) {
        open(Opened.NEW, () -> service.newWorkspace(file, replaceExisting));
    }

    public void open(Path file) {
        open(Opened.EXISTING, () -> service.open(file));
    }

    public void saveAs(Path file) {
        open(Opened.COPY, () -> service.saveAs(file));
    }

    public void restoreFromBackup() {
        Path file = restorableFile.get();
        if (file != null) {
            open(Opened.EXISTING, () -> service.restoreFromBackup(file));
        }
    }

    public void close() {
        run(() -> {
            service.closeWorkspace();
            return null;
        }, ignored -> {
            currentFile.set(null);
            readOnly.set(false);
            title.set("Switchyard");
        });
    }

    /**
     * Call on every scenario edit; returns at once, the save happens after the edits pause. Never
     * blocks, so any thread may call it; a refusal is shown through {@link #errorProperty()}.
     */
    public void scenarioEdited(ScenarioDocument doc) {
        if (readOnly.get()) {
            return; // nothing can be stored; the notice says so and offers Save As
        }
        try {
            service.scheduleScenarioSave(doc);
        } catch (WorkspaceException e) {
            ui.execute(() -> error.set(e.getMessage()));
        }
    }

    /** Writes pending edits now (e.g. before running a long simulation or quitting). */
    public void flush() {
        run(() -> {
            service.flush();
            return null;
        }, ignored -> { });
    }

    public void dismissError() {
        error.set(null);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** For the autosave error handler given to {@link WorkspaceService}: shows the failure on the UI thread. */
    public void autosaveFailed(Exception e) {
        failed("Autosave failed", e);
    }

    /** Shows a failure of background workspace work as "what: why"; callable from any thread. */
    public void failed(String what, Exception e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        ui.execute(() -> error.set(what + ": " + why));
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private void open(Opened kind, Call<OpenReport> call) {
        // the recent list is read on the background thread too: it is a file
        run(() -> java.util.Map.entry(call.call(), service.recent()), opened -> {
            OpenReport report = opened.getKey();
            currentFile.set(report.file());
            readOnly.set(report.readOnly());
            title.set(report.file().getFileName() + (report.readOnly() ? " (read-only)" : "") + " — Switchyard");
            restorableFile.set(null);
            error.set(null);
            notice.set(report.needsAttention() ? report.summary() : null);
            recent.setAll(opened.getValue());
            for (var l : List.copyOf(openListeners)) {
                l.accept(kind, report.file());
            }
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
