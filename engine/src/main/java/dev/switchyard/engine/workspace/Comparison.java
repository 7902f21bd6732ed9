package dev.switchyard.engine.workspace;

import java.time.Instant;
import java.util.List;

/** A pinned comparison: named, ordered run results shown side by side. */
public record Comparison(String name, String note, List<Long> runIds, Instant createdAt) {
    public Comparison {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pinned comparison needs a name");
        }
        name = name.strip();
        runIds = List.copyOf(runIds);
        if (runIds.isEmpty()) {
            throw new IllegalArgumentException("pinned comparison '" + name + "' needs at least one run");
        }
        if (runIds.stream().distinct().count() != runIds.size()) {
            throw new IllegalArgumentException("pinned comparison '" + name + "' lists a run twice");
        }
    }
}
