package dev.switchyard.engine.sample;

import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Objects;

/**
 * A traffic sample of the bundle with its name, a one-line description for pickers, and the file
 * (relative to the bundle directory) it lives in.
 */
public record NamedTraffic(String name, String description, String file, TrafficSample sample) {
    public NamedTraffic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bundled traffic sample needs a name");
        }
        description = description == null ? "" : description.strip();
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sample, "sample");
    }
}
