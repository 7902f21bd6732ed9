package dev.switchyard.engine.cli;

import dev.switchyard.engine.export.CsvTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.workspace.DatasetInfo;
import dev.switchyard.engine.workspace.DatasetKind;
import dev.switchyard.engine.workspace.OpenReport;
import dev.switchyard.engine.workspace.RunRecord;
import dev.switchyard.engine.workspace.ScenarioDocument;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code switchyard workspace ...}: look into, check and repair a workspace file from the command
 * line (the same store the app uses). Exit codes: 0 fine, 1 the workspace was refused or is damaged (2 when the file is missing),
 * 2 usage error.
 */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = "Inspect, check or restore a Switchyard workspace file (.switchyard).",
        subcommands = {
            WorkspaceCommand.New.class,
            WorkspaceCommand.Info.class,
            WorkspaceCommand.Simulate.class,
            WorkspaceCommand.Check.class,
            WorkspaceCommand.Restore.class,
            WorkspaceCommand.Runs.class
        })
public final class WorkspaceCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static void printReport(OpenReport r, PrintStream out) {
        if (r.needsAttention()) {
            out.println("Note: " + r.summary());
        }
    }

    /** Prints the refusal as one line; exit 2 when the file itself is missing (bad input), else 1. */
    /**
     * Opens a workspace to read it: normally (recovering after a crash, upgrading an old file), or,
     * when another Switchyard window or process has it open, read-only alongside it (the last saved
     * state; WAL lets readers in while the app writes), saying so.
     */
    static Workspace openForReading(Path file, PrintStream notes) throws WorkspaceException {
        try {
            return Workspace.open(file);
        } catch (WorkspaceException e) {
            if (e.reason() != WorkspaceException.Reason.LOCKED) {
                throw e;
            }
            Workspace w = Workspace.openReadOnly(file);
            if (notes != null) {
                notes.println("Note: " + w.file().getFileName() + " is open in another Switchyard window or process;"
                        + " reading what it has saved so far (read-only).");
            }
            return w;
        }
    }

    static int refused(WorkspaceException e) {
        CliErrors.Failure f = CliErrors.describe(e);
        System.err.println("switchyard: " + f.message());
        return f.exitCode();
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create an empty workspace, or with --sample one holding the bundled sample data and a scenario per traffic sample.")
    static final class New implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the workspace file to create")
        Path file;

        @Option(names = "--sample", description = "import the bundled sample catalog, price sheets and traffic")
        boolean sample;

        @Option(names = "--force", description = "replace an existing file")
        boolean force;

        @Override
        public Integer call() throws Exception {
            SampleBundle bundle = sample ? SampleData.load() : null;
            // Filled before it appears under its name: a full disk leaves no half-created workspace.
            try (Workspace w = Workspace.create(file, force, bundle == null ? null : ws -> fillWithSample(ws, bundle))) {
                System.out.println("created " + w.file());
                return 0;
            } catch (WorkspaceException e) {
                return refused(e);
            }
        }

        private static void fillWithSample(Workspace w, SampleBundle bundle) throws WorkspaceException {
            w.putCatalog(bundle.catalog(), "catalog.json");
            for (PriceSheet p : bundle.priceSheets()) {
                w.putPriceSheet(p, null);
            }
            for (NamedTraffic t : bundle.traffic()) {
                Scenario s = Scenario.of(t.sample(), bundle.priceSheets().get(0), bundle.catalog(), "slarouter")
                        .withTarget(0.80); // below both samples' ceilings (0.895 and 0.951, sample-data/manifest.json)
                s = new Scenario(t.name(), s.sample(), s.catalog(), s.prices(), s.modelPool(), s.router(),
                        s.routerParameters(), s.predictor(), s.textFeatures(), s.sla(), s.feedback(), s.volume(),
                        s.mixShift(), s.seed(), s.replications(), s.calibrationFraction(), s.scaling());
                w.saveScenario(s);
                System.out.println("scenario '" + t.name() + "': " + t.sample().size() + " queries, SLARouter, target 80%");
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "What a workspace holds: inputs, scenarios, results.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the workspace file")
        Path file;

        @Override
        public Integer call() {
            try (Workspace w = openForReading(file, System.out)) {
                PrintStream out = System.out;
                printReport(w.openReport(), out);
                out.println("Workspace " + w.file() + (w.isReadOnly() ? " (read-only)" : ""));
                out.println("  format version " + w.openReport().schemaVersionNow() + ", created "
                        + w.meta("created_at").orElse("?") + " by engine " + w.meta("created_by_engine").orElse("?"));
                for (DatasetKind kind : DatasetKind.values()) {
                    List<DatasetInfo> list = w.datasets(kind);
                    String label = switch (kind) {
                        case CATALOG -> "catalogs";
                        case PRICE_SHEET -> "price sheets";
                        case TRAFFIC -> "traffic samples";
                    };
                    out.println("  " + label + ": " + list.size());
                    for (DatasetInfo d : list) {
                        out.printf("    %-32s %s  %,d bytes  from %s%n", d.name(), d.hash().substring(0, 12), d.storedBytes(),
                                d.originalFile() == null ? "-" : d.originalFile());
                    }
                }
                List<ScenarioDocument> scenarios = w.scenarios();
                out.println("  scenarios: " + scenarios.size());
                for (ScenarioDocument s : scenarios) {
                    out.println("    " + s.name() + " (revision " + s.revision() + ", saved " + s.updatedAt() + ")");
                }
                out.println("  run results: " + w.allRuns().size() + ", pinned comparisons: " + w.comparisons().size());
                return 0;
            } catch (WorkspaceException e) {
                return refused(e);
            }
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Re-run a scenario stored in a workspace, headless, with exactly its settings, inputs and seed",
                "(the same numbers as in the app). --json prints the same object as `switchyard simulate --json`."})
    static final class Simulate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the workspace file")
        Path file;

        @Option(names = "--scenario", required = true, paramLabel = "NAME")
        String scenario;

        @Option(names = "--json", description = "Print exactly one JSON object (the simulate contract).")
        boolean json;

        @Option(names = "--full", description = "With --json: also every replication's day-level arrays.")
        boolean full;

        @Option(names = "--store", description = "Store the result in the workspace (seed, engine version, inputs).")
        boolean store;

        @Option(names = "--label", description = "Label for the stored result.")
        String label;

        @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            try (Workspace w = store ? Workspace.open(file) : openForReading(file, json ? null : System.out)) {
                if (!json) {
                    printReport(w.openReport(), System.out);
                }
                Scenario s = w.loadScenario(scenario);
                Simulator sim = threads == null ? Simulator.standard() : Simulator.standard().withThreads(threads);
                SimulationResult r = sim.run(PreparedScenario.of(s), s, RunControl.NONE);
                if (json) {
                    System.out.println(Json.mapper().writeValueAsString(SimulateCommand.toJson(r, full)));
                } else {
                    System.out.printf(Locale.ROOT, "%s: %s%s, %,d requests, seed %d, engine %s%n", s.name(), r.router().displayName(),
                            r.router().reconstructed() ? " [" + r.router().provenance() + "]" : "", r.requests(), r.seed(),
                            r.engineVersion());
                    System.out.printf(Locale.ROOT, "satisfaction %.4f [P10 %.4f, P90 %.4f] vs target %.3f; windows met %.1f%%%n",
                            r.meanSatisfaction().mean(), r.meanSatisfaction().p10(), r.meanSatisfaction().p90(), s.sla().target(),
                            100 * r.windowCompliance().mean());
                    System.out.printf(Locale.ROOT, "spend USD %,.2f [P10 %,.2f, P90 %,.2f], %.4f per 1,000; savings vs best fixed %.1f%%%n",
                            r.totalCost().mean(), r.totalCost().p10(), r.totalCost().p90(), r.costPer1000().mean(),
                            100 * r.savingsVsBestFixed().mean());
                    r.modelShare().forEach((m, share) -> System.out.printf(Locale.ROOT, "  %-32s %6.2f%% of requests%n", m, 100 * share));
                }
                if (store) {
                    RunRecord run = w.recordSimulation(s, r, label);
                    if (!json) {
                        System.out.println("stored run #" + run.id());
                    }
                }
                return 0;
            } catch (WorkspaceException e) {
                return refused(e);
            } catch (dev.switchyard.engine.pricing.CostTable.UnpricedModelsException | IllegalArgumentException e) {
                System.err.println("switchyard: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Open the workspace (recovering after a crash if needed) and run a full integrity check.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try (Workspace w = Workspace.open(file)) {
                printReport(w.openReport(), System.out);
                List<String> problems = w.integrityCheck();
                if (problems.isEmpty()) {
                    System.out.println(w.file().getFileName() + ": ok");
                    return 0;
                }
                problems.forEach(p -> System.out.println("problem: " + p));
                return 1;
            } catch (WorkspaceException e) {
                if (e.backupAvailable()) {
                    System.err.println("switchyard: a backup is available: run `switchyard workspace restore " + file + "`");
                }
                return refused(e);
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace a damaged workspace with its last good backup (the damaged file is kept beside it).")
    static final class Restore implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try (Workspace w = Workspace.restoreFromBackup(file)) {
                w.openReport().messages().forEach(System.out::println);
                return 0;
            } catch (WorkspaceException e) {
                return refused(e);
            }
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = "List stored run results with their seed, engine version and input hashes; optionally as CSV.")
    static final class Runs implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--scenario", description = "only runs of this scenario")
        String scenario;

        @Option(names = "--csv", paramLabel = "OUT", description = "write the table as CSV (spreadsheet-safe) instead of printing it")
        Path csv;

        @Override
        public Integer call() throws Exception {
            Destinations.checkFile("--csv", csv);
            try (Workspace w = openForReading(file, csv == null ? null : System.out)) {
                List<RunRecord> runs = scenario == null ? w.allRuns() : w.runs(scenario);
                CsvTable table = CsvTable.of("id", "scenario", "label", "created_at", "seed", "engine_version",
                        "traffic_sha256", "price_sheet_sha256", "catalog_sha256");
                for (RunRecord r : runs) {
                    table.row(r.id(), r.scenarioName(), r.label(), r.createdAt().toString(), r.seed(), r.engineVersion(),
                            r.inputs().trafficHash(), r.inputs().priceSheetHash(), r.inputs().catalogHash());
                }
                if (csv != null) {
                    table.write(csv);
                    System.out.println("wrote " + runs.size() + " runs to " + csv);
                } else {
                    for (RunRecord r : runs) {
                        System.out.printf("#%d  %s%s  seed %d  engine %s  %s%n", r.id(), r.scenarioName(),
                                r.label() == null ? "" : " [" + r.label() + "]", r.seed(), r.engineVersion(), r.createdAt());
                    }
                }
                return 0;
            } catch (WorkspaceException e) {
                return refused(e);
            }
        }
    }
}
