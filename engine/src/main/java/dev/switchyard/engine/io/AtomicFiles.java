package dev.switchyard.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file Switchyard writes goes through here: a temp file in the same folder, flushed to
 * disk, then moved over the target. A crash leaves either the old file or the new one, never half.
 *
 * <p>A writer that was killed leaves its temp file ({@code .NAME.RANDOM.tmp}) behind; the next
 * write of the same target removes such leftovers. A temp file is locked (an OS file lock) for as
 * long as its writer lives, so a leftover is one nobody holds: a concurrent writer's temp file is
 * never touched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes whatever {@code body} writes to the stream, atomically. */
    public static void write(Path target, StreamBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeLeftovers(absolute);
        Path temp = Files.createTempFile(dir, tempPrefix(absolute), TEMP_SUFFIX);
        boolean moved = false;
        try {
            keepOrDefaultPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                FileLock held = channel.tryLock(); // marks the temp file as live for removeLeftovers
                OutputStream out = Channels.newOutputStream(channel);
                OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
                body.writeTo(buffered);
                buffered.flush();
                channel.force(true);
                if (WINDOWS && held != null) {
                    held.release(); // Windows locks are mandatory: a locked file cannot be moved
                }
                // POSIX: moved while still locked, so no other writer's cleanup can take it first
                move(temp, absolute);
                moved = true;
            }
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static final String TEMP_SUFFIX = ".tmp";
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';

    private static String tempPrefix(Path absoluteTarget) {
        return "." + absoluteTarget.getFileName() + ".";
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes temp files of earlier writes of {@code target} whose writer died (killed mid-write):
     * a temp file nobody holds a lock on. Best effort; returns how many were removed.
     */
    public static int removeLeftovers(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String prefix = tempPrefix(absolute);
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir,
                p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX) && n.length() > prefix.length() + TEMP_SUFFIX.length()
                            && n.substring(prefix.length(), n.length() - TEMP_SUFFIX.length()).chars().allMatch(Character::isDigit);
                })) {
            for (Path p : leftovers) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && unheld(p)) {
                    try {
                        Files.deleteIfExists(p);
                        removed++;
                    } catch (IOException ignored) {
                        // not ours to remove after all; harmless
                    }
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            // cleaning up is a courtesy; the write itself decides success
        }
        return removed;
    }

    private static boolean unheld(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            lock.release();
            return true;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false; // a writer in this JVM holds it
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * createTempFile makes owner-only files; the result should look like any file the user saves:
     * the permissions of the file it replaces, or rw-r--r-- for a new one.
     */
    private static void keepOrDefaultPermissions(Path target, Path temp) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    @FunctionalInterface
    public interface StreamBody {
        void writeTo(OutputStream out) throws IOException;
    }
}
