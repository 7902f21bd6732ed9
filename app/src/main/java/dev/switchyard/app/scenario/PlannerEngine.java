package dev.switchyard.app.scenario;

import java.util.List;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;

/**
 * The simulator as the planner uses it: which routers exist, and run one scenario. The app's
 * implementation calls the engine's simulator ({@link EnginePlanner}); view-model tests may pass a
 * double. {@link #run} is slow and only ever called off the FX thread; it stops early (throwing
 * {@link ProgressSink.CancelledException}) when the sink is cancelled.
 */
public interface PlannerEngine {

    List<RouterChoice> routers();

    /** The router the scenario screen opens on. */
    String defaultRouter();

    ScenarioOutcome run(DataSet data, ScenarioSettings settings, Fidelity fidelity, ProgressSink sink) throws Exception;

    /**
     * True when the full run of these settings is already computed (the planner ran that very setting), so a
     * screen can skip the preview and show the full figures at once. Cheap; callable on the FX thread.
     */
    default boolean isReady(DataSet data, ScenarioSettings settings) {
        return false;
    }
}
