package dev.switchyard.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quick JIT for the installed app (decision 1120). {@code ./switchyard app} chooses the JIT itself; a jpackage
 * launcher's JVM options are fixed when the installer is built, so on a machine with two cores or fewer the installed
 * app starts its own runtime's {@code java} again with {@code -XX:TieredStopAtLevel=1} and the same options, class path
 * and arguments, waits for it and exits with its code. {@code SWITCHYARD_JIT=tiered} (or {@code quick}) decides as in
 * the launcher script. The start-up times the child reports count from this JVM's start ({@link Startup}).
 */
final class QuickJitRelaunch {
    /** Set on the relaunched JVM: it runs the app itself. */
    static final String CHILD = "switchyard.jit.relaunched";
    /** The launching JVM's start, epoch milliseconds, so the child's start-up times include the relaunch. */
    static final String LAUNCHED_AT = "switchyard.launchedAtMillis";

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
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
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
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return 130;
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
