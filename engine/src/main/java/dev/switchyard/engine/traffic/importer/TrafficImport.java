package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Objects;

/** An imported sample and the report of how it was imported. */
public record TrafficImport(TrafficSample sample, ImportReport report) {
    public TrafficImport {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(report, "report");
    }
}
