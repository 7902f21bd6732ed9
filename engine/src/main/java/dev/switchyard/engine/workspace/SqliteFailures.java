package dev.switchyard.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteException;

/**
 * SQLite and file-system failures of a workspace, as the one sentence a user reads ({@link WorkspaceException} with its
 * reason): a full disk, a damaged file, a lock held elsewhere, a read-only file or folder (decision 0605).
 */
final class SqliteFailures {
    /** Below this much free space an unexplained write failure is a full disk. */
    static final long LOW_SPACE_BYTES = 8L << 20;

    private SqliteFailures() {
    }

    static WorkspaceException failureOf(Path file, String what, Exception e) {
        if (isDiskFull(file, e)) {
            return new WorkspaceException(file, WorkspaceException.Reason.DISK_FULL, diskFullMessage(file, what), e);
        }
        if (e instanceof SQLException s && isCorrupt(s)) {
            return new WorkspaceException(file, WorkspaceException.Reason.CORRUPT, what + ": the workspace file is damaged ("
                    + describe(s) + "). Close it; on the next open Switchyard offers the last good backup.", e);
        }
        if (e instanceof SQLException s && isBusy(s)) {
            return new WorkspaceException(file, WorkspaceException.Reason.LOCKED, what + ": the workspace is locked", e);
        }
        if (e instanceof SQLException s && isReadOnlyError(s)) {
            return new WorkspaceException(file, WorkspaceException.Reason.READ_ONLY, what + ": the workspace file or its"
                    + " folder is read-only; use Save As to keep your changes in a copy", e);
        }
        String detail = e instanceof SQLException s ? describe(s) : fsReason(e);
        return new WorkspaceException(file, WorkspaceException.Reason.IO, what + ": " + detail, e);
    }

    static String diskFullMessage(Path file, String what) {
        return what + ": the disk is full. " + (file != null && Files.exists(file) ? "Everything saved before this is kept in "
                + file.getFileName() + "; this change was not saved. " : "") + "Free some space and try again.";
    }

    /**
     * SQLITE_FULL, "No space left on device", or a failure SQLite reports after it rolled back by
     * itself ("no transaction is active", an I/O error) while the disk has almost no space left.
     */
    static boolean isDiskFull(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null && (s.getResultCode().code & 0xff) == 13) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("database or disk is full"))) {
                return true;
            }
            for (Throwable sup : t.getSuppressed()) {
                if (isDiskFull(null, sup)) {
                    return true;
                }
            }
        }
        if (file == null) {
            return false;
        }
        boolean ioLike = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("no transaction is active") || m.contains("SQLITE_IOERR") || t instanceof IOException) {
                ioLike = true;
            }
        }
        return ioLike && usableSpace(file) < LOW_SPACE_BYTES;
    }

    static long usableSpace(Path file) {
        try {
            Path p = file.toAbsolutePath();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? Long.MAX_VALUE : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static String fsReason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String r = f.getReason() == null ? "" : f.getReason().toLowerCase(Locale.ROOT);
            String name = f.getFile();
            if (f instanceof java.nio.file.AccessDeniedException || r.contains("permission denied")) {
                return name + ": permission denied (read-only)";
            }
            if (f instanceof java.nio.file.NoSuchFileException) {
                return name + ": no such file or folder";
            }
            if (r.contains("not a directory") || f instanceof java.nio.file.NotDirectoryException
                    || f instanceof java.nio.file.FileAlreadyExistsException) {
                return name + ": part of this path is a file, not a folder";
            }
            return name + ": " + (f.getReason() == null ? "cannot be written" : f.getReason());
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    static int primaryCode(Throwable t) {
        return t instanceof SQLiteException s && s.getResultCode() != null ? s.getResultCode().code & 0xff : -1;
    }

    /** SQLITE_BUSY or SQLITE_LOCKED anywhere in the cause chain. */
    static boolean isBusy(SQLException e) {
        return hasPrimaryCode(e, 5, 6);
    }

    /** SQLITE_CORRUPT or SQLITE_NOTADB anywhere in the cause chain. */
    static boolean isCorrupt(SQLException e) {
        return hasPrimaryCode(e, 11, 26);
    }

    /** SQLITE_CONSTRAINT anywhere in the cause chain. */
    static boolean isConstraint(SQLException e) {
        return hasPrimaryCode(e, 19);
    }

    /** SQLITE_READONLY anywhere in the cause chain. */
    static boolean isReadOnlyError(SQLException e) {
        return hasPrimaryCode(e, 8);
    }

    private static boolean hasPrimaryCode(SQLException e, int... codes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int code = primaryCode(t);
            for (int c : codes) {
                if (code == c) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(SQLException e) {
        String m = e.getMessage();
        return m == null ? "database error" : m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }
}
