package dev.switchyard.engine.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the desktop app uses for File > New / Open / Save As / Open Recent and autosave: one
 * current workspace at a time, the recent list, and a debounced writer for edits.
 *
 * <p>Thread-safe. Every method may block on disk I/O: call it off the FX thread (e.g. in a
 * {@code javafx.concurrent.Task}) and show the returned {@link OpenReport} when it
 * {@link OpenReport#needsAttention()}. {@link #scheduleScenarioSave} never blocks (it takes no lock
 * held during I/O) and may be called on the FX thread on every edit.
 */
public final class WorkspaceService implements AutoCloseable {
    public static final Duration DEFAULT_AUTOSAVE_DELAY = Duration.ofMillis(750);

    private final RecentWorkspaces recent;
    private final CoalescingWriter autosave;
    private final Consumer<Exception> autosaveErrors;
    private volatile Workspace current; // volatile: read without the lock by scheduleScenarioSave
    private volatile Instant lastAutosave;

    /**
     * @param autosaveErrors told (on the autosave thread) when a debounced save fails; the edit stays
     *                       pending and is retried by the next flush
     */
    public WorkspaceService(RecentWorkspaces recent, Duration autosaveDelay, Consumer<Exception> autosaveErrors) {
        this.recent = Objects.requireNonNull(recent, "recent");
        this.autosaveErrors = Objects.requireNonNull(autosaveErrors, "autosaveErrors");
        this.autosave = new CoalescingWriter(autosaveDelay, autosaveErrors);
    }

    /** Recent list in the user's settings folder, 750 ms autosave delay. */
    public static WorkspaceService withDefaults(Consumer<Exception> autosaveErrors) {
        return new WorkspaceService(RecentWorkspaces.inUserConfig(), DEFAULT_AUTOSAVE_DELAY, autosaveErrors);
    }

    /** File > New. Saves and closes the current workspace first. */
    public synchronized OpenReport newWorkspace(Path file, boolean replaceExisting) throws WorkspaceException {
        closeCurrent();
        current = Workspace.create(file, replaceExisting);
        remember(current.file());
        return current.openReport();
    }

    /**
     * File > Open / Open Recent. Saves and closes the current workspace first (only after the new
     * one opened: if it is refused, the current one stays open and nothing is lost).
     */
    public synchronized OpenReport open(Path file) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        if (current != null && current.file().equals(target)) {
            return current.openReport();
        }
        flushOrThrow();
        Workspace opened = Workspace.open(target);
        closeCurrent();
        current = opened;
        remember(opened.file());
        return opened.openReport();
    }

    /** The "Restore backup" action offered when {@link WorkspaceException#backupAvailable()}. */
    public synchronized OpenReport restoreFromBackup(Path file) throws WorkspaceException {
        closeCurrent();
        current = Workspace.restoreFromBackup(file);
        remember(current.file());
        return current.openReport();
    }

    /**
     * File > Save As: writes pending edits, writes a consistent copy at {@code target}, then
     * continues in the copy (the original stays as it was at this moment, cleanly closed).
     */
    public synchronized OpenReport saveAs(Path target) throws WorkspaceException {
        Workspace w = requireOpen();
        flushOrThrow();
        w.saveCopyAs(target);
        Workspace copy = Workspace.open(target);
        closeCurrent();
        current = copy;
        remember(copy.file());
        return copy.openReport();
    }

    /** The open workspace, for reads and immediate writes (imports, run results). */
    public synchronized Workspace current() throws WorkspaceException {
        return requireOpen();
    }

    public synchronized Optional<Path> currentFile() {
        return current == null ? Optional.empty() : Optional.of(current.file());
    }

    /**
     * Debounced save of an edited scenario: returns at once; the write happens once edits to this
     * scenario pause for the autosave delay. Later edits replace earlier pending ones.
     */
    public void scheduleScenarioSave(ScenarioDocument doc) throws WorkspaceException {
        // Not synchronized: an open or Save As in progress must not block the UI thread that edits.
        Workspace w = requireOpen();
        autosave.submit("scenario:" + doc.name(), () -> {
            w.saveScenario(doc);
            w.backupIfDue();
            lastAutosave = Instant.now();
        });
    }

    /** Writes every pending edit now; throws if one fails (the edit stays pending). */
    public void flush() throws WorkspaceException {
        flushOrThrow();
    }

    /** Edits not yet written (for a "saving..." indicator). */
    public int pendingEdits() {
        return autosave.pendingCount();
    }

    /** When the autosaver last wrote, or null. */
    public Instant lastAutosave() {
        return lastAutosave;
    }

    public List<RecentWorkspaces.Entry> recent() {
        return recent.list();
    }

    public void forgetRecent(Path file) throws IOException {
        recent.remove(file);
    }

    /** File > Close: writes pending edits and closes cleanly. */
    public synchronized void closeWorkspace() throws WorkspaceException {
        closeCurrent();
    }

    /** On application exit. */
    @Override
    public synchronized void close() throws WorkspaceException {
        try {
            closeCurrent();
        } finally {
            autosave.close();
        }
    }

    private void flushOrThrow() throws WorkspaceException {
        Exception failure = autosave.flush();
        if (failure instanceof WorkspaceException w) {
            throw w;
        }
        if (failure != null) {
            throw new WorkspaceException(current == null ? null : current.file(), WorkspaceException.Reason.IO,
                    "autosave failed: " + failure.getMessage(), failure);
        }
    }

    private void closeCurrent() throws WorkspaceException {
        if (current == null) {
            return;
        }
        flushOrThrow();
        Workspace closing = current;
        current = null;
        closing.close();
    }

    private Workspace requireOpen() throws WorkspaceException {
        Workspace w = current;
        if (w == null) {
            throw new WorkspaceException(null, WorkspaceException.Reason.NOT_FOUND, "no workspace is open");
        }
        return w;
    }

    private void remember(Path file) {
        try {
            recent.touch(file);
        } catch (IOException e) {
            autosaveErrors.accept(e); // the recent list is a convenience; opening still succeeded
        }
    }
}
