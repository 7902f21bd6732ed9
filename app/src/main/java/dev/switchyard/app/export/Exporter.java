package dev.switchyard.app.export;

import java.nio.file.Path;
import java.util.List;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;

/**
 * Writes the engine's export artefacts for one scenario. Slow (may re-run the scenario) and only
 * called off the FX thread. The app's implementation is {@link EngineExporter}; view-model tests may
 * pass a double.
 */
public interface Exporter {

    /**
     * @param shown the full outcome on screen, when there is one: its run is exported as is (same numbers);
     *     null to run the scenario at full fidelity first
     * @param workspace the open workspace's file name for provenance, or null
     * @param target a file, or a folder for {@link Artefact#TABLES}
     * @return the files written
     */
    List<Path> write(Artefact what, DataSet data, ScenarioSettings settings, ScenarioOutcome shown, String workspace,
                     Path target, ProgressSink sink) throws Exception;
}
