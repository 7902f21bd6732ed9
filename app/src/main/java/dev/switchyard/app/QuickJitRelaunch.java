package dev.switchyard.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The quick JIT for the installed app (decision 1120). {@code ./switchyard app} chooses the JIT itself; a jpackage
 * launcher's JVM options are fixed when the installer is built, so on a machine with two cores or fewer the installed
 * app starts its own runtime's {@code java} again with {@code -XX:TieredStopAtLevel=1} and the same options, class path
 * and arguments, waits for it and exits with its code. {@code SWITCHYARD_JIT=tiered} (or {@code quick}) decides as in
 * the launcher script. The start-up times the child reports count from this JVM's start ({@link Startup}). The child
 * also loads the app's classes from a class-data-sharing archive: the one the package's postinst wrote for the install,
 * else one in the user's cache (written by its first run).
 */
final class QuickJitRelaunch {
    /** Set on the relaunched JVM: it runs the app itself. */
    static final String CHILD = "switchyard.jit.relaunched";
    /** The launching JVM's start, epoch milliseconds, so the child's start-up times include the relaunch. */
    static final String LAUNCHED_AT = "switchyard.launchedAtMillis";
    /** The archive's name beside the installed jars (the postinst writes it, installers/linux/class-archive.sh). */
    static final String INSTALLED_ARCHIVE = "switchyard.jsa";
    /** The archive's name in the user's cache (the first relaunch writes it). */
    static final String USER_CACHE_ARCHIVE = "installed-app.jsa";

    private QuickJitRelaunch() {
    }

    /** Runs the app in a quick-JIT JVM when that is the choice here; its exit code, or -1 when this JVM runs the app. */
    static int runIfChosen(String[] args) {
        if (System.getProperty("jpackage.app-path") == null || Boolean.getBoolean(CHILD) || "quick".equals(Startup.jit())
                || !quickChosen(System.getenv("SWITCHYARD_JIT"), Runtime.getRuntime().availableProcessors())) {
            return -1;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return -1;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + CHILD + "=true");
        command.add("-D" + LAUNCHED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        String classPath = System.getProperty("java.class.path");
        Path archive = archiveFile();
        Path writing = classDataSharing(command, java, archive, classPath);
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1; // this JVM runs the app as it is
        }
        Thread stop = new Thread(child::destroy, "switchyard-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop); // the launcher ended (e.g. a desktop's stop): the app with it
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return 130;
        }
        if (writing != null) {
            keepArchive(writing, archive, code);
        }
        return code;
    }

    /**
     * Class-data sharing for the relaunched JVM, as {@code ./switchyard app} does (decision 1110): the app's classes
     * (JavaFX, Jackson, the engine) from the archive the package's postinst wrote for this install, else from one in the
     * user's cache ({@code archive}, may be null) that the first relaunch after an install writes at exit. Either is used
     * when newer than every jar of the class path (the JVM itself also refuses, silently, an archive whose jars or
     * runtime differ); the cache's is written only when the runtime has its base archive (without one the JVM would not
     * start).
     *
     * @return the temporary file the child writes the archive to, or null when it reads one (or neither)
     */
    private static Path classDataSharing(List<String> command, Path java, Path archive, String classPath) {
        Path installed = installedArchive(java);
        if (newerThanJars(installed, classPath)) {
            // a static archive of the whole start-up (installers/linux/class-archive.sh): no base archive needed
            return readArchive(command, installed);
        }
        if (archive == null
                || !Files.isRegularFile(java.getParent().resolveSibling("lib").resolve("server").resolve("classes.jsa"))) {
            return null;
        }
        if (newerThanJars(archive, classPath)) {
            return readArchive(command, archive);
        }
        // writing needs the base archive to map (else the JVM refuses to start): probed first, as the launcher script does
        if (!baseArchiveMaps(java)) {
            return null;
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        command.add("-Xlog:cds=off,cds+dynamic=off");
        command.add("-XX:ArchiveClassesAtExit=" + tmp);
        return tmp;
    }

    /** Asks the child to load classes from {@code archive}; null: it writes none. */
    private static Path readArchive(List<String> command, Path archive) {
        command.add("-Xlog:cds=off,cds+dynamic=off");
        command.add("-XX:SharedArchiveFile=" + archive);
        return null;
    }

    private static boolean baseArchiveMaps(Path java) {
        try {
            Process probe = new ProcessBuilder(java.toString(), "-Xshare:on", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(20, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The archive the package's postinst writes beside the app's jars ({@code lib/app/switchyard.jsa} of the runtime's
     * install), for the class path of that install: a static archive of the classes the start-up loads, which serves
     * the first start after an install too (decision 1110).
     */
    static Path installedArchive(Path java) {
        Path runtime = java.getParent() == null ? null : java.getParent().getParent();
        return runtime == null ? null : runtime.resolveSibling("app").resolve(INSTALLED_ARCHIVE);
    }

    /** {@code $XDG_CACHE_HOME/switchyard}, else {@code $HOME/.cache/switchyard} (the JVM's home when unset); null without one. */
    private static Path archiveFile() {
        String cache = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        Path dir = cache != null && !cache.isBlank() ? Path.of(cache) : home == null || home.isBlank() ? null : Path.of(home, ".cache");
        return dir == null ? null : dir.resolve("switchyard").resolve(USER_CACHE_ARCHIVE);
    }

    static boolean newerThanJars(Path archive, String classPath) {
        try {
            if (archive == null || !Files.isRegularFile(archive)) {
                return false;
            }
            long at = Files.getLastModifiedTime(archive).toMillis();
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank() && Files.getLastModifiedTime(Path.of(entry)).toMillis() > at) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The archive the child wrote at a clean exit is put in place whole; otherwise it is dropped. */
    private static void keepArchive(Path tmp, Path archive, int exitCode) {
        try {
            if (exitCode == 0 && archive != null && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stale temporary file in the cache is harmless; the next start writes another
            }
        }
    }

    /** The choice for {@code SWITCHYARD_JIT} ({@code null}: auto) on a machine with {@code cores} processors. */
    static boolean quickChosen(String setting, int cores) {
        String s = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "quick" -> true;
            case "tiered" -> false;
            default -> cores <= 2;
        };
    }
}
