package dev.switchyard.engine.cli;

import static dev.switchyard.engine.cli.CliFixture.run;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every subcommand, found by walking the CLI's command tree (so commands added later are covered
 * without editing this test), is run with each of its file and folder arguments pointing at a
 * missing file, a folder, an unreadable file and a read-only destination, the other arguments
 * valid. None may print a stack trace or a Java class name; each refusal is one line naming the
 * path, and the unreadable and read-only cases must fail.
 *
 * <p>Tests run as root on CI, where chmod does not stop reads or writes. Then "unreadable" is a
 * path under a regular file (no process can open it), and "read-only" is a folder made immutable
 * with {@code chattr +i} (binding even for root); where chattr is not permitted that sub-case is
 * skipped and says why.
 */
class CliBadPathsTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static Path tmp;
    private static Path readOnlyDir;
    private static boolean readOnlyWorks;
    private static String readOnlyWhy = "";
    private static Path unreadable;
    private static Map<String, String> defaults;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeAll
    static void setUp() throws Exception {
        tmp = Files.createTempDirectory("switchyard-badpaths");
        Files.createDirectories(tmp.resolve("adir"));
        Files.writeString(tmp.resolve("afile"), "not a folder");
        Path sample = SampleData.locate();
        SampleBundle bundle = SampleData.load();
        Path ws = tmp.resolve("w.switchyard");
        try (Workspace w = Workspace.create(ws)) {
            Scenario s = Scenario.of(bundle.traffic().get(0).sample(), bundle.priceSheets().get(0), bundle.catalog(), "best-fixed")
                    .withTarget(0.8).withVolume(Scenario.Volume.requests(2_000));
            w.saveScenario(new Scenario("small", s.sample(), s.catalog(), s.prices(), s.modelPool(), s.router(),
                    s.routerParameters(), s.predictor(), s.textFeatures(), s.sla(), s.feedback(), s.volume(), s.mixShift(),
                    s.seed(), s.replications(), s.calibrationFraction(), s.scaling()));
        }
        String traffic = sample.resolve("traffic/support-desk.csv").toString();
        defaults = Map.ofEntries(
                Map.entry("--traffic", traffic),
                Map.entry("--prices", sample.resolve("prices/list-2026-06.json").toString()),
                Map.entry("--catalog", sample.resolve("catalog.json").toString()),
                Map.entry("--router", "best-fixed"),
                Map.entry("--routers", "best-fixed"),
                Map.entry("--targets", "0.8"),
                Map.entry("--target", "0.8"),
                Map.entry("--monthly-budget", "100"),
                Map.entry("--workspace", ws.toString()),
                Map.entry("--scenario", "small"),
                Map.entry("FILE", ws.toString()));

        readOnlyDir = Files.createDirectories(tmp.resolve("ro"));
        if (!ROOT) {
            Files.setPosixFilePermissions(readOnlyDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        } else if (chattr("+i", readOnlyDir)) {
            readOnlyWhy = " (root: folder made immutable with chattr +i)";
        }
        readOnlyWorks = !Files.isWritable(readOnlyDir);
        if (!readOnlyWorks) {
            readOnlyWhy = "running as root and chattr +i is not permitted here, so no folder is read-only for this process";
        }
        if (ROOT) {
            unreadable = tmp.resolve("afile").resolve("traffic.csv"); // no process can open a path under a file
        } else {
            unreadable = tmp.resolve("locked.csv");
            Files.copy(Path.of(traffic), unreadable);
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (ROOT) {
            chattr("-i", readOnlyDir);
        } else {
            Files.setPosixFilePermissions(readOnlyDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean chattr(String flag, Path p) {
        try {
            Process proc = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            proc.getInputStream().readAllBytes();
            return proc.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    enum Case { MISSING, FOLDER, UNREADABLE, READ_ONLY_DESTINATION }

    @TestFactory
    Stream<DynamicTest> everySubcommandEveryPathArgumentEveryBadPath() {
        List<DynamicTest> tests = new ArrayList<>();
        collect(SwitchyardCli.commandLine(), tests);
        assertTrue(tests.size() >= 20, "expected the walk to find the path arguments of every subcommand, got " + tests.size());
        return tests.stream();
    }

    private void collect(CommandLine cmd, List<DynamicTest> out) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand
                    || out.stream().anyMatch(t -> t.getDisplayName().startsWith(sub.getCommandSpec().qualifiedName() + " "))) {
                continue; // help; aliases
            }
            collect(sub, out);
            CommandSpec spec = sub.getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                if (!isPath(arg)) {
                    continue;
                }
                for (Case c : Case.values()) {
                    String name = spec.qualifiedName() + " " + label(arg) + " " + c.name().toLowerCase(Locale.ROOT);
                    out.add(DynamicTest.dynamicTest(name, () -> check(spec, arg, c)));
                }
            }
        }
    }

    private static boolean isPath(ArgSpec arg) {
        if (arg.type() == Path.class) {
            return true;
        }
        for (Class<?> t : arg.auxiliaryTypes()) {
            if (t == Path.class) {
                return true;
            }
        }
        return false;
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static boolean takesFolder(ArgSpec arg) {
        String text = (arg.paramLabel() + " " + String.join(" ", arg.description())).toLowerCase(Locale.ROOT);
        return arg.paramLabel().contains("DIR") || text.contains("folder");
    }

    private void check(CommandSpec spec, ArgSpec arg, Case c) {
        if (c == Case.READ_ONLY_DESTINATION) {
            Assumptions.assumeTrue(readOnlyWorks, readOnlyWhy);
        }
        int n = COUNTER.incrementAndGet();
        String ext = label(arg).contains("json") || label(arg).contains("prices") || label(arg).contains("catalog") ? ".json" : ".csv";
        Path bad = switch (c) {
            case MISSING -> tmp.resolve("missing-" + n + (label(arg).contains("workspace") || !(arg instanceof OptionSpec)
                    ? ".switchyard" : ext));
            // a fresh empty folder each time: an earlier case that wrote into a shared one (export --tables) would
            // turn this case into "a folder of unrelated CSVs", a different input
            case FOLDER -> freshFolder(n);
            case UNREADABLE -> unreadable;
            case READ_ONLY_DESTINATION -> readOnlyDir.resolve("out-" + n + (takesFolder(arg) ? "" : ext));
        };
        List<String> args = new ArrayList<>(List.of(spec.qualifiedName().replaceFirst("^switchyard ?", "").split(" ")));
        for (ArgSpec a : spec.args()) {
            String value = a == arg ? bad.toString() : a.required() ? defaults.get(label(a)) : null;
            if (a != arg && a.required() && value == null) {
                value = defaults.get(a.paramLabel());
            }
            if (value == null) {
                continue;
            }
            if (a instanceof OptionSpec o) {
                args.add(o.longestName());
            }
            args.add(value);
        }
        // keep the valid runs short
        addIfPresent(spec, args, "--prices", defaults.get("--prices")); // the sample records no costs
        addIfPresent(spec, args, "--requests", "1000");
        addIfPresent(spec, args, "--rows", "200");
        addIfPresent(spec, args, "--runs", "1");
        addIfPresent(spec, args, "--scale", "0.02");
        addIfPresent(spec, args, "--threads", "1");
        if (spec.name().equals("export") && !args.contains("--report")) {
            args.add("--report");
            args.add(tmp.resolve("report-" + n + ".html").toString());
        }
        String[] result = run(args.toArray(String[]::new));
        String all = result[1] + result[2];
        String shown = String.join(" ", args) + " -> exit " + result[0] + "\n" + all;
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.matches("(?s).*\\n\\s+at [a-z].*"), shown);
        if (c == Case.UNREADABLE || c == Case.READ_ONLY_DESTINATION || c == Case.FOLDER && !takesFolder(arg)) {
            assertNotEquals("0", result[0], shown);
        }
        if (!"0".equals(result[0])) {
            List<String> errLines = result[2].lines().filter(l -> !l.isBlank() && !l.startsWith("Try '")).toList();
            assertTrue(errLines.size() == 1, "one line, got:\n" + shown);
            assertTrue(errLines.get(0).contains(bad.getFileName().toString()) || errLines.get(0).contains(bad.getParent().getFileName().toString()),
                    "the line names the file:\n" + shown);
        }
    }

    private static void addIfPresent(CommandSpec spec, List<String> args, String option, String value) {
        if (spec.findOption(option) != null && !args.contains(option)) {
            args.add(option);
            args.add(value);
        }
    }

    private static Path freshFolder(int n) {
        try {
            return Files.createDirectories(tmp.resolve("adir-" + n));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
