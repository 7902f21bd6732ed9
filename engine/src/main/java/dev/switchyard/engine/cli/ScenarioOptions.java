package dev.switchyard.engine.cli;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.importer.PriceImporter;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.MissingCellPolicy;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The scenario options {@code simulate} and {@code sweep} share (picocli mixin). */
final class ScenarioOptions {

    @Option(names = "--traffic", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Traffic file(s) (RouterBench, SPROUT-style, RouteLLM, long CSV); several files are merged.")
    List<Path> traffic;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog (native JSON): aliases and quality priors.")
    Path catalog;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "DROP_ROW",
            description = "Empty cells: DROP_ROW (default) or DROP_MODEL.")
    MissingCellPolicy missing;

    @Option(names = "--model", split = ",", paramLabel = "ID", description = "Restrict the model pool (default: every model in the traffic).")
    List<String> pool = new ArrayList<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Router parameter, e.g. --param V=20 --param exploration=all.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--predictor", defaultValue = "category", description = "p_hat predictor for routers that use one (default: ${DEFAULT-VALUE}).")
    String predictor;

    @Option(names = "--feedback", defaultValue = "one-sided", paramLabel = "KIND",
            description = "Feedback channel: one-sided (default), two-sided or full.")
    String feedbackKind;

    @Option(names = "--false-report-rate", defaultValue = "0", paramLabel = "F", description = "One-sided: report rate after a good answer.")
    double falseReportRate;

    @Option(names = "--assumed-feedback-rate", paramLabel = "Q", description = "The q the router is told (default: the true q).")
    Double assumedRate;

    @Option(names = "--feedback-delay", defaultValue = "0", paramLabel = "N", description = "Requests before feedback arrives.")
    long delay;

    @Option(names = "--window", defaultValue = "day", paramLabel = "W",
            description = "SLA window: day (default), week, month, or a number of requests.")
    String window;

    @ArgGroup(exclusive = true)
    VolumeOptions volume = new VolumeOptions();

    static final class VolumeOptions {
        @Option(names = "--requests", paramLabel = "N", description = "Requests to simulate (one month; default 1,000,000).")
        Long requests;

        @ArgGroup(exclusive = false)
        Monthly monthly;
    }

    static final class Monthly {
        @Option(names = "--monthly-volume", required = true, paramLabel = "V", description = "Requests per month.")
        long perMonth;

        @Option(names = "--months", required = true, paramLabel = "K", description = "Horizon in months.")
        int months;

        @Option(names = "--growth", defaultValue = "0", paramLabel = "G", description = "Monthly growth, e.g. 0.05.")
        double growth;
    }

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replications", defaultValue = "1", description = "Independent replications (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--calibration-fraction", defaultValue = "0.3",
            description = "Share of the sample held out as the labelled calibration split (default ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--exact-days", defaultValue = "14", description = "Days simulated request by request before subsampling.")
    int exactDays;

    @Option(names = "--max-simulated-per-month", defaultValue = "5000000",
            description = "After the exact days, simulate at most this many requests per month and scale up.")
    long maxPerMonth;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @picocli.CommandLine.Mixin
    CsvDialectOptions csvDialect = new CsvDialectOptions();

    /** A price sheet read with this command's CSV dialect (JSON sheets ignore it). */
    PriceSheet prices(Path file) throws ImportException, IOException {
        return file == null ? null : PriceImporter.importFile(file, csvDialect.dialect());
    }

    @Option(names = "--judge-error-rate", defaultValue = "0.1", paramLabel = "E",
            description = "Cascade: chance the judge's verdict is wrong, either way (default ${DEFAULT-VALUE}).")
    double judgeErrorRate;

    @Option(names = "--judge-cost", paramLabel = "USD",
            description = "Cascade: price of one judge call in USD (default: the cheapest model's mean cost per request).")
    Double judgeCost;

    @Option(names = "--latency-target-ms", paramLabel = "L",
            description = "Latency term of the SLA: the percentile of the latency metric must stay at or below L ms per window.")
    String latencyTargetMs;

    @Option(names = "--latency-percentile", paramLabel = "P", defaultValue = "95",
            description = "Percentile the latency target constrains, in percent (default ${DEFAULT-VALUE}).")
    String latencyPercentile;

    @Option(names = "--tier-latency", paramLabel = "TIER=L",
            description = "Per-tier latency target in ms, repeatable, e.g. --tier-latency gold=2000.")
    List<String> tierLatency = new ArrayList<>();

    @Option(names = "--latency-metric", paramLabel = "METRIC", defaultValue = "ttft",
            description = "Latency the target constrains: ttft (time to first token, default) or total.")
    String latencyMetric;

    /** The latency term the flags name ({@link LatencyTarget#none()} without --latency-target-ms and --tier-latency). */
    LatencyTarget latencyTarget() {
        LatencyTarget.Metric metric;
        try {
            metric = LatencyTarget.Metric.parse(latencyMetric);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--latency-metric: " + e.getMessage());
        }
        double pct = number("--latency-percentile", latencyPercentile);
        if (!(pct >= 50 && pct < 100)) {
            throw new BadInputException("--latency-percentile must be a percent in [50, 100), e.g. 95; got '" + latencyPercentile + "'");
        }
        double l = Double.POSITIVE_INFINITY;
        if (latencyTargetMs != null) {
            l = number("--latency-target-ms", latencyTargetMs);
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new BadInputException("--latency-target-ms must be a number of milliseconds > 0, got '" + latencyTargetMs + "'");
            }
        }
        Map<String, Double> tiers = new LinkedHashMap<>();
        for (String t : tierLatency) {
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1) {
                throw new BadInputException("--tier-latency must be TIER=L (e.g. gold=2000), got '" + t + "'");
            }
            String tier = t.substring(0, eq).strip();
            double tl = number("--tier-latency " + tier, t.substring(eq + 1));
            if (!(tl > 0) || Double.isInfinite(tl)) {
                throw new BadInputException("--tier-latency " + tier + " must be a number of milliseconds > 0, got '"
                        + t.substring(eq + 1) + "'");
            }
            if (tiers.put(tier, tl) != null) {
                throw new BadInputException("--tier-latency names tier '" + tier + "' twice");
            }
        }
        if (Double.isInfinite(l) && tiers.isEmpty()) {
            return new LatencyTarget(metric, Double.POSITIVE_INFINITY, pct / 100, Map.of());
        }
        return new LatencyTarget(metric, l, pct / 100, tiers);
    }

    private static double number(String flag, String text) {
        try {
            return Double.parseDouble(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new BadInputException(flag + " must be a number, got '" + text + "'");
        }
    }

    Catalog loadCatalog() throws ImportException, IOException {
        return catalog == null ? Catalog.empty() : CatalogJson.read(catalog);
    }

    TrafficSample loadTraffic(Catalog cat) throws ImportException, IOException {
        return TrafficImporter.importFiles(traffic, new ImportOptions(cat, missing, null, null, null)
                .withDialect(csvDialect.dialect())).sample();
    }

    static PriceSheet loadPrices(Path file) throws ImportException, IOException {
        return file == null ? null : PriceImporter.importFile(file);
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    Scenario scenario(TrafficSample sample, Catalog cat, PriceSheet prices, String router, double target, double q) {
        FeedbackKind kind = switch (feedbackKind.toLowerCase(Locale.ROOT)) {
            case "one-sided" -> FeedbackKind.ONE_SIDED;
            case "two-sided" -> FeedbackKind.TWO_SIDED_SPARSE;
            case "full" -> FeedbackKind.FULL;
            default -> throw new IllegalArgumentException("--feedback must be one-sided, two-sided or full, got '" + feedbackKind + "'");
        };
        Scenario.Feedback fb = new Scenario.Feedback(kind, q, falseReportRate, delay, assumedRate == null ? Double.NaN : assumedRate,
                Double.NaN);
        Scenario.Sla sla = switch (window.toLowerCase(Locale.ROOT)) {
            case "day" -> new Scenario.Sla(target, Scenario.Window.DAY, 0);
            case "week" -> new Scenario.Sla(target, Scenario.Window.WEEK, 0);
            case "month" -> new Scenario.Sla(target, Scenario.Window.MONTH, 0);
            default -> {
                long n;
                try {
                    n = Long.parseLong(window.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--window must be day, week, month or a number of requests, got '" + window + "'");
                }
                yield new Scenario.Sla(target, Scenario.Window.REQUESTS, n);
            }
        };
        Scenario.Volume vol;
        if (volume != null && volume.monthly != null) {
            vol = new Scenario.Volume(volume.monthly.perMonth, volume.monthly.growth, volume.monthly.months, true);
        } else {
            vol = Scenario.Volume.requests(volume != null && volume.requests != null ? volume.requests : 1_000_000L);
        }
        return new Scenario(null, sample, cat, prices, pool, router, new RouterParameters(params), predictor, null, sla, fb, vol, null,
                seed, replications, calibrationFraction, new Scenario.Scaling(exactDays, maxPerMonth),
                new Scenario.Judge(judgeErrorRate, judgeCost == null ? Double.NaN : judgeCost), latencyTarget());
    }
}
