package dev.switchyard.app.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.Fidelity;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.engine.export.HtmlReport;
import dev.switchyard.engine.export.LiteLlmConfig;
import dev.switchyard.engine.export.ResultTables;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
import dev.switchyard.engine.export.RoutingConfigs;

/**
 * {@link Exporter} on the engine's export classes (the same ones {@code switchyard export} uses),
 * fed with the exact engine scenario and result behind the outcome on screen, so an exported file
 * shows the numbers the user saw. Works whether a workspace is open or not.
 */
public final class EngineExporter implements Exporter {
    private final EnginePlanner planner;

    public EngineExporter(EnginePlanner planner) {
        this.planner = Objects.requireNonNull(planner);
    }

    @Override
    public List<Path> write(Artefact what, DataSet data, ScenarioSettings settings, ScenarioOutcome shown, String workspace,
                            Path target, ProgressSink sink) throws Exception {
        EnginePlanner.Completed run = shown == null ? null : planner.completed(shown).orElse(null);
        if (run == null) {
            sink.progress(-1, "running the scenario at full fidelity");
            ScenarioOutcome full = planner.run(data, settings, Fidelity.FULL, sink);
            run = planner.completed(full).orElseThrow(() -> new IllegalStateException("the full run was not kept"));
        }
        sink.checkCancelled();
        Instant now = Instant.now();
        switch (what) {
            case ROUTING_CONFIG -> {
                RoutingConfigJson.write(config(run, workspace, now), target);
                return List.of(target);
            }
            case LITELLM -> {
                LiteLlmConfig.write(config(run, workspace, now), run.result().modelShare(), run.scenario().catalog(), target);
                return List.of(target);
            }
            case REPORT -> {
                // the contract's target and the router's aim stated apart (issue 9)
                HtmlReport.write(run.contract(), run.result(), workspace, now, target);
                return List.of(target);
            }
            case TABLES -> {
                return ResultTables.writeAll(run.result(), target);
            }
            default -> throw new IllegalArgumentException("unknown export " + what);
        }
    }

    private static RoutingConfig config(EnginePlanner.Completed run, String workspace, Instant now) throws Exception {
        // the router keeps the aim it ran with; the file names the contract's target beside it (sla.target, sla.aim)
        return RoutingConfigs.export(run.scenario(), run.result(), workspace, now).withContractTarget(run.contract().sla().target());
    }
}
