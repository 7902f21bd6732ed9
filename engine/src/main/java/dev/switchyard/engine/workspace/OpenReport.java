package dev.switchyard.engine.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened when a workspace was opened, for the UI to show (a banner or dialog) when
 * {@link #needsAttention()}.
 *
 * @param status the outcome
 * @param schemaVersionFound the file's schema version before opening
 * @param schemaVersionNow after any migration
 * @param integrityChecked whether a full {@code PRAGMA integrity_check} ran (after an unclean shutdown)
 * @param restoredFromBackup the backup file used, or null
 * @param backupTakenAt when that backup was made, or null
 * @param damagedFileKeptAs where the damaged file was moved (never deleted), or null
 * @param messages sentences for the user, in order
 * @param readOnly opened read-only (the file or folder cannot be written, or opened for reading on
 *                 purpose): nothing can be stored; offer Save As
 */
public record OpenReport(
        Path file,
        Status status,
        int schemaVersionFound,
        int schemaVersionNow,
        boolean integrityChecked,
        Path restoredFromBackup,
        Instant backupTakenAt,
        Path damagedFileKeptAs,
        List<String> messages,
        boolean readOnly) {

    public enum Status {
        /** Created just now. */
        CREATED,
        /** Last session closed cleanly; nothing to report. */
        CLEAN,
        /** Last session did not close cleanly; the file passed the integrity check and holds every completed save. */
        RECOVERED_AFTER_UNCLEAN_SHUTDOWN,
        /** The file was damaged; the last good backup was restored. Work after that backup is lost. */
        RESTORED_FROM_BACKUP
    }

    public OpenReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
    }

    /** A read-write open. */
    public OpenReport(Path file, Status status, int schemaVersionFound, int schemaVersionNow, boolean integrityChecked,
                      Path restoredFromBackup, Instant backupTakenAt, Path damagedFileKeptAs, List<String> messages) {
        this(file, status, schemaVersionFound, schemaVersionNow, integrityChecked, restoredFromBackup, backupTakenAt,
                damagedFileKeptAs, messages, false);
    }

    /** Whether the file was migrated from an older schema on this open. */
    public boolean migrated() {
        return schemaVersionNow > schemaVersionFound && status != Status.CREATED;
    }

    /** True when the UI should tell the user something (recovery, restore, migration, read-only file). */
    public boolean needsAttention() {
        return status == Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN || status == Status.RESTORED_FROM_BACKUP || migrated()
                || readOnly && !messages.isEmpty();
    }

    /** All messages as one paragraph. */
    public String summary() {
        return String.join(" ", messages);
    }
}
