package dev.switchyard.engine.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * A named scenario as the workspace stores it: the scenario itself as JSON (the simulator's
 * scenario type serialised with {@code Json.mapper()}; the store does not interpret it, so the
 * scenario model can grow without a schema change) plus the inputs it uses.
 *
 * @param revision increases by one on every save; 0 for a document not yet saved
 * @param updatedAt null for a document not yet saved
 */
public record ScenarioDocument(String name, String json, InputRefs inputs, long revision, Instant updatedAt) {
    public ScenarioDocument {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("scenario name is longer than 200 characters");
        }
        Objects.requireNonNull(json, "scenario json");
        inputs = inputs == null ? InputRefs.NONE : inputs;
    }

    /** A new, unsaved scenario. */
    public static ScenarioDocument of(String name, String json, InputRefs inputs) {
        return new ScenarioDocument(name, json, inputs, 0, null);
    }
}
