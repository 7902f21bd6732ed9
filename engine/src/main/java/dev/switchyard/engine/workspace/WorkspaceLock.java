package dev.switchyard.engine.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "This workspace is being written by a Switchyard session": an OS advisory lock on a small hidden
 * {@code .<file>.lock} beside the workspace, held for the whole session (decision 0605). A second
 * window, a CLI run storing a run, {@code workspace new --force} or a restore cannot take it and is
 * refused; readers do not need it (SQLite's WAL lets them read a consistent snapshot while the
 * session writes). The OS drops the lock when the holder dies, so a crash never leaves a workspace
 * locked.
 *
 * <p>Two POSIX facts shape this: closing <em>any</em> descriptor of a file drops the process's
 * locks on it, so the lock is not on the database file (that would drop SQLite's own locks) and a
 * lock file this JVM holds is never opened a second time here (an in-process registry answers
 * instead); and the lock file is never deleted, so no two sessions can lock two different files
 * at the same path.
 */
final class WorkspaceLock implements AutoCloseable {
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path workspace) {
        Path w = workspace.toAbsolutePath().normalize();
        return w.resolveSibling("." + w.getFileName() + ".lock");
    }

    /**
     * Takes the lock or refuses, naming what could not be done; never waits. Returns null when the
     * folder is read-only (nobody can write the workspace there, so there is nothing to guard).
     */
    static WorkspaceLock acquire(Path workspace, String whatWeWantedToDo) throws WorkspaceException {
        Path path = lockFileOf(workspace);
        if (!HELD_HERE.add(path)) {
            throw inUse(workspace, whatWeWantedToDo);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                HELD_HERE.remove(path);
                throw inUse(workspace, whatWeWantedToDo);
            }
            hideOnWindows(path);
            return new WorkspaceLock(path, ch, l);
        } catch (IOException e) {
            HELD_HERE.remove(path);
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            Path dir = path.getParent();
            if (!Files.isWritable(dir) || !Files.isWritable(workspace) && Files.exists(workspace)) {
                return null;
            }
            throw new WorkspaceException(workspace, WorkspaceException.Reason.IO, "cannot take the session lock of "
                    + workspace.getFileName() + " (" + path.getFileName() + "): " + e.getMessage(), e);
        }
    }

    /** The leading dot hides it on Linux and macOS; Windows needs the attribute. */
    private static void hideOnWindows(Path path) {
        if (java.io.File.separatorChar == '\\') {
            try {
                Files.setAttribute(path, "dos:hidden", true);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException ignored) {
                // only cosmetic
            }
        }
    }

        static WorkspaceException inUse(Path workspace, String whatWeWantedToDo) {
        return new WorkspaceException(workspace, WorkspaceException.Reason.LOCKED, workspace.getFileName()
                + " is open in another Switchyard window or process" + (whatWeWantedToDo == null ? "" : ", so it cannot be "
                + whatWeWantedToDo) + "; close it there first. Nothing was changed.");
    }

    /** Deletes the lock file (while still holding it); only for a lock file this open created and a refused open. */
    void discard() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // harmless leftover
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to add
        } finally {
            HELD_HERE.remove(path);
        }
    }
}
