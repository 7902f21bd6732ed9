package dev.switchyard.engine.cli;

import dev.switchyard.engine.sample.SampleBundleWriter;
import dev.switchyard.engine.sample.SampleDataGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchyard generate-sample}: writes the bundled sample data from its seeded generator. */
@Command(
        name = "generate-sample",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the synthetic sample data (catalog, two dated price sheets, traffic samples, README, manifest).",
            "Same seed and parameters, same bytes. The defaults reproduce the committed sample-data/ folder."
        })
public final class GenerateSampleCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write to (created if missing), e.g. sample-data.")
    Path out;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleDataGenerator.DEFAULT_SEED;

    @Option(names = "--generated-on", description = "Date recorded as the generation date, YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
    LocalDate generatedOn = SampleDataGenerator.Parameters.defaults().generatedOn();

    @Option(names = "--traffic-start", description = "First UTC day of the traffic, YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
    LocalDate trafficStart = SampleDataGenerator.Parameters.defaults().trafficStart();

    @Option(names = "--days", description = "Days of traffic, at least 7 (default: ${DEFAULT-VALUE}).")
    int days = SampleDataGenerator.Parameters.defaults().days();

    @Option(names = "--scale", description = "Multiplies every sample's query count, in (0, 10] (default: ${DEFAULT-VALUE}).")
    double scale = 1.0;

    @Override
    public Integer call() throws Exception {
        SampleDataGenerator.Parameters params;
        try {
            params = new SampleDataGenerator.Parameters(seed, generatedOn, trafficStart, days, scale);
        } catch (IllegalArgumentException e) {
            System.err.println("generate-sample: " + e.getMessage());
            return 2;
        }
        Destinations.checkFolder("--out", out);
        SampleDataGenerator.GeneratedSample generated = SampleDataGenerator.generate(params);
        List<String> files = SampleBundleWriter.write(generated, out);
        System.out.println("Wrote " + files.size() + " files to " + out.toAbsolutePath().normalize() + " (seed " + seed + "):");
        for (String f : files) {
            System.out.println("  " + f);
        }
        return 0;
    }
}
