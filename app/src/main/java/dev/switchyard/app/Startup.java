package dev.switchyard.app;

/**
 * Start-up timing for the self-test line. The self-test's historical fields count from the moment the JavaFX
 * application object is made (after the toolkit started); the fields ending in {@code FromJvmMs} count from the
 * JVM's own start, so the toolkit's start-up is in them too.
 */
public final class Startup {
    /** {@code System.nanoTime()} when {@code main} began. */
    private static volatile long mainNanos = System.nanoTime();

    private Startup() {
    }

    static void mainBegan() {
        mainNanos = System.nanoTime();
    }

    /**
     * Milliseconds since the JVM started (the launching one when the app was relaunched with the quick JIT), for a
     * moment {@code nanos} ({@code System.nanoTime()}).
     */
    static long fromJvmStart(long nanos) {
        // the JVM's uptime is read once, when asked (the management classes cost a little start-up time)
        // relaunched with the quick JIT (decision 1120): counted from the launching JVM's start
        long launchedAt = Long.getLong(QuickJitRelaunch.LAUNCHED_AT, -1);
        long uptime = launchedAt > 0 ? System.currentTimeMillis() - launchedAt
                : java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long uptimeAtMain = uptime - (System.nanoTime() - mainNanos) / 1_000_000;
        return uptimeAtMain + (nanos - mainNanos) / 1_000_000;
    }

    /**
     * The JIT this JVM runs with (decision 1120): "quick" when it stops at the quick compiler
     * ({@code -XX:TieredStopAtLevel} below 4, as {@code ./switchyard app} chooses on two cores or fewer), else "tiered".
     */
    static String jit() {
        String jit = "tiered";
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel=")) { // the last one counts, as for the JVM
                String level = arg.substring("-XX:TieredStopAtLevel=".length()).strip();
                jit = level.matches("[0-3]") ? "quick" : "tiered";
            }
        }
        return jit;
    }

    /**
     * Which class-data-sharing archive this JVM was started with (decisions 1110, 1120), for the self-test line:
     * "installed" (the one the package's postinst wrote), "build" ({@code ./switchyard app}'s, written after a build),
     * "user-cache" (the installed app's own, from its first start), "writing" (this run writes one at exit), "jdk" (the
     * runtime's base archive only) or "off". Whether the JVM mapped a named archive shows in {@code java.vm.info}
     * ("sharing"); one it refused leaves the base archive at most.
     */
    static String classArchive() {
        return classArchive(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.vm.info", ""));
    }

    static String classArchive(java.util.List<String> jvmArguments, String vmInfo) {
        boolean sharing = vmInfo.contains("sharing");
        String named = null;
        for (String arg : jvmArguments) {
            if (arg.startsWith("-XX:ArchiveClassesAtExit=")) {
                return "writing";
            }
            if (arg.startsWith("-XX:SharedArchiveFile=")) {
                named = arg.substring("-XX:SharedArchiveFile=".length()).replace('\\', '/');
            }
        }
        if (!sharing) {
            return "off";
        }
        if (named == null) {
            return "jdk";
        }
        String file = named.substring(named.lastIndexOf('/') + 1);
        if (file.equals(QuickJitRelaunch.INSTALLED_ARCHIVE)) {
            return "installed";
        }
        if (file.equals(QuickJitRelaunch.USER_CACHE_ARCHIVE)) {
            return "user-cache";
        }
        return file.equals(BUILD_ARCHIVE) ? "build" : "other";
    }

    private static final boolean TRACE = Boolean.getBoolean("switchyard.startup.trace");
    /** The archive {@code ./switchyard app} writes beside the app's jar after a build (the launcher script names it). */
    private static final String BUILD_ARCHIVE = "switchyard-app.jsa";

    /** With {@code -Dswitchyard.startup.trace=true}: prints when {@code what} happened, in ms from the JVM's start. */
    public static void mark(String what) {
        if (TRACE) {
            // the marking thread's own CPU time too: on a shared machine it says what the step cost, whatever the load
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            System.err.println("startup-trace " + fromJvmStart(System.nanoTime()) + " ms " + what + " ["
                    + Thread.currentThread().getName() + ", cpu " + (cpu < 0 ? "?" : cpu / 1_000_000 + " ms") + "]");
        }
    }
}
