package dev.switchyard.engine.sample;

import java.util.List;
import java.util.Map;

/**
 * {@code sample-data/manifest.json}: what the bundle holds and how it was made. File paths are
 * relative to the manifest's directory and use forward slashes.
 *
 * @param defaultTraffic the traffic sample the app opens on (null: the first one)
 */
public record SampleManifest(
        String format,
        int formatVersion,
        String generator,
        String generatorVersion,
        long seed,
        String generatedOn,
        Map<String, Object> parameters,
        String catalog,
        List<PriceSheetEntry> priceSheets,
        List<TrafficEntry> traffic,
        String defaultTraffic,
        String readme) {

    public static final String FORMAT = "switchyard-sample-manifest";
    public static final int FORMAT_VERSION = 1;

    public SampleManifest {
        priceSheets = priceSheets == null ? List.of() : List.copyOf(priceSheets);
        traffic = traffic == null ? List.of() : List.copyOf(traffic);
    }

    public record PriceSheetEntry(String name, String file, String effectiveFrom) {
    }

    /**
     * @param expectedCeiling the generator's expected best-possible satisfaction for a router that
     *     knew each query's true difficulty (see {@link SampleDataGenerator.GeneratedSample})
     */
    public record TrafficEntry(String name, String file, String description, int queries, List<String> models,
                               Double expectedCeiling) {
    }
}
