package dev.switchyard.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where a command will write, before it does any work: an export that can only fail at
 * the end of a long simulation should fail at once, naming the option, the path and the problem.
 * Changes nothing on disk (no folder is created, no probe file is written).
 *
 * <p>{@link Files#isWritable} is {@code access(2)}: even for root it says no on a read-only mount
 * and for an immutable folder, which is what "read-only" means for root.
 */
public final class Destinations {
    private Destinations() {
    }

    /** {@code path} will be written as a file (replacing any file there). */
    public static void checkFile(String option, Path path) {
        if (path == null) {
            return;
        }
        Path p = path.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            throw bad(option, path, "is a folder; give a file name");
        }
        if (Files.exists(p) && !Files.isWritable(p) && !Files.isWritable(p.getParent())) {
            throw bad(option, path, "is read-only and its folder too; choose another place");
        }
        checkFolderCanHold(option, path, p.getParent());
    }

    /** {@code path} is a folder the command writes files into (created if missing). */
    public static void checkFolder(String option, Path path) {
        if (path == null) {
            return;
        }
        Path p = path.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw bad(option, path, "is a file, not a folder; give a folder for the files");
        }
        checkFolderCanHold(option, path, p);
    }

    /** The nearest existing ancestor of {@code folder} must be a folder we may write in. */
    private static void checkFolderCanHold(String option, Path original, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw bad(option, original, "cannot be created: no part of its folder exists");
        }
        if (!Files.isDirectory(existing)) {
            throw bad(option, original, "cannot be created: " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw bad(option, original, "cannot be written: the folder " + existing + " is read-only");
        }
    }

    private static BadInputException bad(String option, Path path, String problem) {
        return new BadInputException((option == null ? "" : option + " ") + path + " " + problem);
    }
}
