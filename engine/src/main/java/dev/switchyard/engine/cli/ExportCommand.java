package dev.switchyard.engine.cli;

import dev.switchyard.engine.export.HtmlReport;
import dev.switchyard.engine.export.LiteLlmConfig;
import dev.switchyard.engine.export.ResultTables;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
import dev.switchyard.engine.export.RoutingConfigs;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.workspace.RunRecord;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code switchyard export --workspace FILE --scenario NAME ...}: re-runs a scenario built in the
 * app, headless, and writes what production and customers use: the routing configuration JSON,
 * a LiteLLM config.yaml, the HTML report and the CSV tables. Same scenario and seed, same numbers
 * as in the app.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Re-run a workspace scenario and export the routing configuration, a LiteLLM config.yaml, "
                + "the HTML report and/or CSV tables.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "the workspace file (.switchyard)")
    Path workspace;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "scenario name in the workspace")
    String scenario;

    @Option(names = "--config", paramLabel = "OUT.json", description = "routing configuration (JSON) for LiveRouter")
    Path config;

    @Option(names = "--litellm", paramLabel = "OUT.yaml", description = "LiteLLM proxy config.yaml approximating the policy")
    Path litellm;

    @Option(names = "--report", paramLabel = "OUT.html", description = "self-contained, printable HTML report")
    Path report;

    @Option(names = "--tables", paramLabel = "DIR", description = "folder for the result tables as CSV")
    Path tables;

    @Option(names = "--store-run", description = "also store the result in the workspace (with seed and engine version)")
    boolean storeRun;

    @Option(names = "--label", description = "label for the stored run")
    String label;

    @Option(names = "--threads", description = "simulation threads (results do not depend on it); default: all cores")
    Integer threads;

    @picocli.CommandLine.Option(names = "--no-plan",
            description = "The report without the planner's recommendation and negotiation table (faster).")
    boolean noPlan;

    @Override
    public Integer call() throws Exception {
        if (config == null && litellm == null && report == null && tables == null && !storeRun) {
            System.err.println("switchyard export: nothing to do; give --config, --litellm, --report, --tables or --store-run");
            return 2;
        }
        // Before the simulation: a destination that cannot be written fails now, not after the run.
        Destinations.checkFile("--config", config);
        Destinations.checkFile("--litellm", litellm);
        Destinations.checkFile("--report", report);
        Destinations.checkFolder("--tables", tables);
        // Exporting only reads: it works while the app has the workspace open (--store-run needs it to itself).
        try (Workspace w = storeRun ? Workspace.open(workspace) : WorkspaceCommand.openForReading(workspace, System.out)) {
            WorkspaceCommand.printReport(w.openReport(), System.out);
            Scenario contract = w.loadScenario(scenario);
            // the router runs at its stored aim (the planner's margin) and the files state the contract's target (issue 9)
            double aim = w.loadAim(scenario);
            Scenario s = Double.isNaN(aim) ? contract : contract.withTarget(aim);
            PreparedScenario prepared;
            try {
                prepared = PreparedScenario.of(s);
            } catch (CostTable.UnpricedModelsException e) {
                System.err.println("switchyard export: " + e.getMessage());
                return 1;
            }
            Simulator sim = threads == null ? Simulator.standard() : Simulator.standard().withThreads(threads);
            // with a configuration to write, keep replication 0's router for its trained and learned state (decision 1200)
            dev.switchyard.engine.export.CapturedRun captured = (config != null || litellm != null)
                    && dev.switchyard.engine.export.ConfiguredRouters.refusal(
                            dev.switchyard.engine.routing.Routers.standard().descriptor(s.router())) == null
                    ? dev.switchyard.engine.export.CapturedRun.simulate(s, prepared,
                            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                            dev.switchyard.engine.sim.RunControl.NONE) : null;
            SimulationResult r = captured != null ? captured.result() : sim.run(prepared, s, dev.switchyard.engine.sim.RunControl.NONE);
            Instant now = Instant.now();
            String wsName = w.file().getFileName().toString();
            System.out.printf(Locale.ROOT, "%s: %s, %,d requests, spend $%,.2f (P10-P90 $%,.2f-$%,.2f), satisfaction %.2f%% "
                            + "(target %.2f%%), seed %d%n", s.name(), r.router().displayName(), r.requests(), r.totalCost().mean(),
                    r.totalCost().p10(), r.totalCost().p90(), 100 * r.meanSatisfaction().mean(), 100 * contract.sla().target(), r.seed());
            if (config != null || litellm != null) {
                RoutingConfig rc = (captured != null ? captured.config(s, prepared, wsName, now)
                        : RoutingConfigs.export(s, prepared, r, wsName, now)).withContractTarget(contract.sla().target());
                if (config != null) {
                    RoutingConfigJson.write(rc, config);
                    System.out.println("wrote routing configuration " + config);
                }
                if (litellm != null) {
                    LiteLlmConfig.write(rc, r, s.catalog(), litellm);
                    System.out.println("wrote LiteLLM config " + litellm);
                }
            }
            if (report != null) {
                if (noPlan) {
                    HtmlReport.write(contract, r, wsName, now, report);
                } else {
                    try {
                        dev.switchyard.engine.export.PlanReport plan = dev.switchyard.engine.export.PlanReport.compute(contract,
                                java.util.List.of(0.90, 0.95, 0.99), 4);
                        HtmlReport.write(contract, r, plan, wsName, now, report);
                    } catch (CostTable.UnpricedModelsException e) {
                        System.err.println("switchyard export: " + e.getMessage());
                        return 1;
                    }
                }
                System.out.println("wrote report " + report);
            }
            if (tables != null) {
                for (Path p : ResultTables.writeAll(r, tables)) {
                    System.out.println("wrote " + p);
                }
            }
            if (storeRun) {
                RunRecord run = w.recordSimulation(contract, aim, r, label);
                System.out.println("stored run #" + run.id() + " in " + wsName);
            }
            return 0;
        } catch (WorkspaceException e) {
            return WorkspaceCommand.refused(e);
        } catch (IllegalArgumentException e) {
            System.err.println("switchyard export: " + e.getMessage());
            return 1;
        }
    }
}
