package dev.switchyard.engine.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A workspace could not be opened, created or written. The message is written for the user
 * ("what happened, to which file, what to do"); {@link #reason()} lets a UI pick an icon or offer
 * an action (e.g. "Restore from backup" for {@link Reason#CORRUPT} when {@link #backupAvailable()}).
 * Whenever this is thrown while opening, the file on disk was left exactly as it was.
 */
public final class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_FOUND,
        /** Not an SQLite database at all (or empty). */
        NOT_SQLITE,
        /** An SQLite database, but not one Switchyard made. */
        NOT_A_WORKSPACE,
        /** Made by a newer Switchyard: schema version above what this build supports. */
        TOO_NEW,
        /** Damaged or truncated; see {@link #backupAvailable()}. */
        CORRUPT,
        /** Another Switchyard window or process has it open. */
        LOCKED,
        ALREADY_EXISTS,
        /** The file or its folder cannot be written: opened read-only, or a write was refused. Offer Save As. */
        READ_ONLY,
        /** The disk is full: the change was not saved; everything saved before it is kept. */
        DISK_FULL,
        /** Any other I/O or database failure. */
        IO
    }

    private final transient Path file;
    private final Reason reason;
    private final boolean backupAvailable;

    public WorkspaceException(Path file, Reason reason, String message, boolean backupAvailable, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.backupAvailable = backupAvailable;
    }

    public WorkspaceException(Path file, Reason reason, String message) {
        this(file, reason, message, false, null);
    }

    public WorkspaceException(Path file, Reason reason, String message, Throwable cause) {
        this(file, reason, message, false, cause);
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** True when a last-good backup exists beside the file ({@link Workspace#restoreFromBackup(Path)}). */
    public boolean backupAvailable() {
        return backupAvailable;
    }
}
