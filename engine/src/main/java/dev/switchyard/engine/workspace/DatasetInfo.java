package dev.switchyard.engine.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored input (catalog, price sheet or traffic sample). Inputs are immutable and identified
 * by {@link #hash()} (SHA-256 of their canonical content): results and scenarios reference that
 * hash, so a number can always be traced to the exact bytes it came from.
 *
 * @param originalFile the file name the user imported it from (no folder), or null
 * @param encoding how the payload is stored ("json" or "sytr-1+deflate")
 * @param storedBytes payload size in the workspace
 */
public record DatasetInfo(String hash, DatasetKind kind, String name, String originalFile, String encoding,
                          long storedBytes, Instant importedAt) {
    public DatasetInfo {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
