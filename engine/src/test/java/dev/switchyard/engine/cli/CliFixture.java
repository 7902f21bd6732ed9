package dev.switchyard.engine.cli;

import dev.switchyard.engine.sample.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The CLI tests' shared set-up: runs {@code ./switchyard ARGS} in-process with standard output and error
 * captured (and restored afterwards), and names the bundled sample's files.
 */
final class CliFixture {
    private CliFixture() {
    }

    /** Runs the CLI; returns {exit code, standard output, standard error}. */
    static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = SwitchyardCli.run(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Runs the CLI, which must succeed, and returns its standard output. */
    static String output(String... args) {
        String[] r = run(args);
        if (!"0".equals(r[0])) {
            throw new AssertionError("exit " + r[0] + " from " + String.join(" ", args) + ": " + r[2]);
        }
        return r[1];
    }

    /** What a command line run gave. */
    record Run(int exit, String out, String err) {
    }

    /**
     * Runs a bare picocli command line (without the CLI's error handlers, so an exception reaches the test) with its
     * own writers captured.
     */
    static Run picocli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SwitchyardCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The bundled sample's folder (sample-data/). */
    static Path sampleDir() {
        return SampleData.locate();
    }

    /** {@code --traffic}, {@code --prices} and {@code --catalog} of the bundled sample's support-desk traffic. */
    static List<String> sampleArgs() {
        Path root = sampleDir();
        return List.of("--traffic", root.resolve("traffic/support-desk.csv").toString(), "--prices",
                root.resolve("prices/list-2026-06.json").toString(), "--catalog", root.resolve("catalog.json").toString());
    }
}
