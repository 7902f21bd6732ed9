package dev.switchyard.engine.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored simulation result with everything needed to trace and re-run it: the scenario as it
 * was when it ran (a snapshot, so later edits do not rewrite history), the exact inputs by hash,
 * the seed and the engine version.
 *
 * @param id assigned by the workspace; 0 for a record not yet stored
 * @param scenarioName the scenario's name at run time
 * @param scenarioJson the scenario snapshot
 * @param resultJson the result (e.g. the simulator's result serialised with {@code Json.mapper()})
 * @param label optional user label ("baseline", "after price cut"); null for none
 */
public record RunRecord(long id, String scenarioName, String scenarioJson, InputRefs inputs, long seed,
                        String engineVersion, String resultJson, String label, Instant createdAt) {
    public RunRecord {
        if (scenarioName == null || scenarioName.isBlank()) {
            throw new IllegalArgumentException("a run result needs the name of its scenario");
        }
        Objects.requireNonNull(scenarioJson, "scenario snapshot");
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.trafficHash() == null) {
            throw new IllegalArgumentException("run of '" + scenarioName
                    + "' must name the traffic sample it used, so it can be traced and re-run");
        }
        if (engineVersion == null || engineVersion.isBlank()) {
            throw new IllegalArgumentException("a run result needs the engine version that produced it");
        }
        Objects.requireNonNull(resultJson, "result");
        label = label == null || label.isBlank() ? null : label.strip();
    }

    /** A result about to be stored; the workspace assigns id and time. */
    public static RunRecord pending(String scenarioName, String scenarioJson, InputRefs inputs, long seed,
                                    String engineVersion, String resultJson, String label) {
        return new RunRecord(0, scenarioName, scenarioJson, inputs, seed, engineVersion, resultJson, label, null);
    }
}
