package dev.switchyard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} prints its usage and nothing on standard error. A bare {@code %} in a description is a
 * format conversion to picocli: the help then printed "picocli WARN Could not format ..." lines above the usage.
 */
class CliHelpTest {

    @Test
    void everyCommandsHelpIsCleanAndShowsItsPercentSigns() {
        List<List<String>> paths = new ArrayList<>();
        collect(SwitchyardCli.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 12, "the CLI's commands: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            String[] r = CliFixture.run(args.toArray(String[]::new));
            String at = String.join(" ", args);
            assertEquals("0", r[0], at + ": " + r[2]);
            assertTrue(r[1].contains("Usage: switchyard"), at + " prints its usage: " + r[1]);
            assertFalse(r[2].contains("WARN") || r[1].contains("WARN"), at + " warns: " + r[2]);
        }
        String simulate = CliFixture.output("simulate", "--help");
        assertTrue(simulate.contains("until the 90% intervals"), simulate);
        assertTrue(simulate.contains("anthropic=-30%@month3"), simulate);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().mixinStandardHelpOptions()) {
                List<String> p = new ArrayList<>(path);
                p.add(e.getKey());
                if (!out.contains(p)) {
                    out.add(p);
                    collect(e.getValue(), p, out);
                }
            }
        }
    }
}
