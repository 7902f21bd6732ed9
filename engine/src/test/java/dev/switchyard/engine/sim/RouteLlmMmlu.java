package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.SharedData;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real RouteLLM MMLU rows from ../shared/data (never copied into the repo), read with the
 * importers' TrafficImporter; prices are the two models' public list prices of the time.
 */
final class RouteLlmMmlu {
    static final String MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String GPT4 = "gpt-4-1106-preview";

    private RouteLlmMmlu() {
    }

    static Optional<Path> locate() {
        try {
            return Optional.of(SharedData.routeLlm().resolve("mmlu"));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** All 57 subject files through the importers' TrafficImporter (format auto-detected, merged). */
    static TrafficSample load(Path dir) throws IOException, ImportException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        return TrafficImporter.importFiles(files, ImportOptions.defaults()).sample();
    }

    static PriceSheet prices() {
        return PriceSheet.of("routellm-era", List.of(ModelPrice.flat(MIXTRAL, 0.60, 0.60), ModelPrice.flat(GPT4, 10.0, 30.0)));
    }
}
