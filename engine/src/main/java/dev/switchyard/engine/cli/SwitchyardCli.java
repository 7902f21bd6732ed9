package dev.switchyard.engine.cli;

import dev.switchyard.engine.EngineInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./switchyard}. Each subcommand lives in its own class in this package.
 * picocli gives us typed options, generated help and consistent errors for free; a hand-written
 * parser would be more code and worse messages.
 */
@Command(
        name = "switchyard",
        mixinStandardHelpOptions = true,
        versionProvider = SwitchyardCli.Version.class,
        description = "What-if planner for SLA-aware LLM routing (command-line tools).",
        subcommands = {
            InspectCommand.class,
            SimulateCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            BenchImportCommand.class,
            GenerateSampleCommand.class,
            WorkspaceCommand.class,
            ExportCommand.class,
            PlanCommands.Recommend.class,
            PlanCommands.Negotiate.class,
            PlanCommands.Budget.class,
            CommandLine.HelpCommand.class
        })
public final class SwitchyardCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; used by tests without exiting the JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line: one execution-exception handler and one parameter-exception
     * handler ({@link CliErrors}) for every subcommand, so any failure is one line naming the file
     * and the problem (exit 2 for bad input), never a stack trace.
     */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        return new CommandLine(new SwitchyardCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"switchyard " + EngineInfo.version()};
        }
    }
}
