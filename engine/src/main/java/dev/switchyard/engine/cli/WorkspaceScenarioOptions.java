package dev.switchyard.engine.cli;

import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.workspace.RunRecord;
import dev.switchyard.engine.workspace.Workspace;
import dev.switchyard.engine.workspace.WorkspaceException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --workspace FILE --scenario NAME} for any command that runs a scenario (a picocli mixin:
 * {@code @Mixin WorkspaceScenarioOptions workspace;}), so a scenario built in the app can be re-run
 * headless with exactly its settings, inputs and seed. {@code simulate} can take it and use
 * {@link #load()} instead of building the scenario from --traffic/--prices when {@link #isSet()}.
 */
public final class WorkspaceScenarioOptions {
    @Option(names = "--workspace", paramLabel = "FILE", description = "Run a scenario stored in this workspace (.switchyard).")
    Path workspace;

    @Option(names = "--scenario", paramLabel = "NAME", description = "With --workspace: the scenario's name.")
    String scenario;

    @Option(names = "--store-result", description = "With --workspace: store the result in the workspace (seed, engine version, inputs).")
    boolean storeResult;

    public boolean isSet() {
        return workspace != null;
    }

    /**
     * The stored scenario, with its traffic, catalog and price sheet, or empty without --workspace.
     *
     * @throws IllegalArgumentException for --scenario without --workspace or the reverse
     * @throws WorkspaceException when the workspace is refused or has no such scenario (message for the user)
     */
    public Optional<Scenario> load() throws WorkspaceException {
        if (workspace == null) {
            if (scenario != null) {
                throw new IllegalArgumentException("--scenario needs --workspace FILE");
            }
            return Optional.empty();
        }
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("--workspace needs --scenario NAME (see `switchyard workspace info "
                    + workspace + "`)");
        }
        try (Workspace w = WorkspaceCommand.openForReading(workspace, null)) { // also while the app has it open
            return Optional.of(w.loadScenario(scenario));
        }
    }

    /** Stores the result when --store-result was given; returns the stored run. */
    public Optional<RunRecord> storeIfAsked(Scenario s, SimulationResult result, String label) throws WorkspaceException {
        if (!storeResult || workspace == null) {
            return Optional.empty();
        }
        try (Workspace w = Workspace.open(workspace)) {
            return Optional.of(w.recordSimulation(s, result, label));
        }
    }

    public Path workspace() {
        return workspace;
    }
}
