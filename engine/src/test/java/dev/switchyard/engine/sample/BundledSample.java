package dev.switchyard.engine.sample;

import java.nio.file.Files;
import java.nio.file.Path;

/** Shared, lazily generated full-size bundle and the committed sample-data folder, for the tests. */
final class BundledSample {
    private static SampleDataGenerator.GeneratedSample generated;

    private BundledSample() {
    }

    /** The bundle as the default parameters generate it (about 4 s; generated once per test JVM). */
    static synchronized SampleDataGenerator.GeneratedSample generated() {
        if (generated == null) {
            generated = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults());
        }
        return generated;
    }

    /** The repository's committed sample-data folder, found upward from the working directory. */
    static Path committedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SampleData.DIR_NAME);
            if (Files.isRegularFile(candidate.resolve(SampleBundleWriter.MANIFEST))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no committed sample-data/manifest.json above " + Path.of("").toAbsolutePath());
    }
}
