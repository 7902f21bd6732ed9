package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden results: full SimulationResult JSONs recorded with the engine before the hot-loop
 * optimisations (docs/decisions/0305-hot-loop-layout.md). Every number must stay bit-for-bit the
 * same (Jackson writes doubles in their shortest round-trip form). The scenarios cover delayed
 * one-sided feedback, scaled segments, a mix shift, request windows, SLA tiers, graded scores
 * (truth draws), the text predictor, explore-all, the judge and a hindsight bound.
 *
 * <p>To re-record after an intended change of results: run with {@code -Dgolden.record=<dir>}
 * (the test resources folder) and say why in the commit.
 */
class GoldenResultsTest {

    private static Scenario scenario(String name) throws Exception {
        TrafficSample synthetic = SyntheticWorkload.sample(3000, 12, 7);
        Scenario syn = Scenario.of(synthetic, SyntheticWorkload.prices(12), Catalog.empty(), "slarouter").withTarget(0.85);
        return switch (name) {
            case "slarouter-category-delayed-scaled" -> syn
                    .withFeedback(Scenario.Feedback.oneSided(0.2).withDelay(40))
                    .withVolume(new Scenario.Volume(40_000, 0.1, 2, true))
                    .withScaling(new Scenario.Scaling(10, 9_000))
                    .withMixShift(new Scenario.MixShift(0.5, Map.of("math", 3.0, "chat", 0.2)))
                    .withSla(new Scenario.Sla(0.85, Scenario.Window.REQUESTS, 3_000))
                    .withReplications(2);
            case "slarouter-text-twosided" -> {
                TrafficSample prompts = SyntheticWorkload.sampleWithPrompts(3000, 12, 7);
                Scenario s = Scenario.of(prompts, SyntheticWorkload.prices(12), Catalog.empty(), "slarouter").withTarget(0.85)
                        .withPredictor("text-logistic").withFeedback(Scenario.Feedback.twoSided(0.5))
                        .withVolume(Scenario.Volume.requests(30_000));
                yield s;
            }
            case "sample-slarouter-explore-all" -> sample().withRouter("slarouter", RouterParameters.of("exploration", "all"))
                    .withTarget(0.9).withFeedback(Scenario.Feedback.full()).withVolume(Scenario.Volume.requests(25_000));
            case "sample-slarouter-onesided" -> sample().withTarget(0.9)
                    .withFeedback(Scenario.Feedback.oneSided(0.3)).withVolume(Scenario.Volume.requests(40_000)).withReplications(2);
            case "sample-messplus" -> sample().withRouter("messplus").withTarget(0.85)
                    .withFeedback(Scenario.Feedback.oneSided(0.5).withDelay(7)).withVolume(Scenario.Volume.requests(25_000));
            case "sample-cascade" -> sample().withRouter("cascade").withTarget(0.85)
                    .withFeedback(Scenario.Feedback.oneSided(0.5)).withVolume(Scenario.Volume.requests(20_000));
            case "sample-sla-oracle" -> sample().withRouter("sla-oracle").withTarget(0.9)
                    .withVolume(Scenario.Volume.requests(20_000));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Scenario sample() throws Exception {
        SampleBundle b = SampleData.load(committedDir());
        NamedTraffic t = b.traffic().stream().filter(n -> n.name().equals("support-desk")).findFirst().orElseThrow();
        return Scenario.of(t.sample(), b.priceSheets().get(0), b.catalog(), "slarouter");
    }

    private static Path committedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SampleData.DIR_NAME);
            if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sample-data/manifest.json above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"slarouter-category-delayed-scaled", "slarouter-text-twosided", "sample-slarouter-explore-all",
            "sample-slarouter-onesided", "sample-messplus", "sample-cascade", "sample-sla-oracle"})
    void resultsAreBitForBitTheRecordedOnes(String name) throws Exception {
        Scenario s = scenario(name);
        String actual = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Simulator.standard().withThreads(1).run(s))
                + "\n";
        String file = "golden/" + name + ".json";
        String record = System.getProperty("golden.record");
        if (record != null) {
            Path target = Path.of(record).resolve("dev/switchyard/engine/sim").resolve(file);
            Files.createDirectories(target.getParent());
            AtomicFiles.writeString(target, actual);
            return;
        }
        assertEquals(expected(file), actual, "golden result " + name + " changed");
    }

    private static String expected(String file) throws IOException {
        try (InputStream in = GoldenResultsTest.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + file + " (record with -Dgolden.record=src/test/resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
