package dev.switchyard.engine.cli;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.plan.PlanOptions;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.plan.Timelines;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the planner commands ({@code recommend}, {@code negotiate}, {@code budget}) and the timeline flags. */
final class PlanCliOptions {

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price sheet; optional when the traffic records per-query costs (then those are used).")
    Path prices;

    @Option(names = "--feedback-rate", defaultValue = "0.2", paramLabel = "Q", description = "Feedback rate q (default ${DEFAULT-VALUE}).")
    double feedbackRate;

    @Option(names = "--max-breach", defaultValue = "0.05", paramLabel = "P",
            description = "Accepted chance that a contract window ends below target (default ${DEFAULT-VALUE}).")
    double maxBreach;

    @Option(names = "--tier-target", paramLabel = "TIER=T",
            description = "A tier's own target, e.g. --tier-target gold=0.95 (repeatable); that tier must keep it too.")
    Map<String, Double> tierTargets = new LinkedHashMap<>();

    @Option(names = "--routers", split = ",", paramLabel = "R",
            description = "Routers to consider (default: every deployable router). Bounds such as sla-oracle are shown as the floor.")
    List<String> routers = new ArrayList<>();

    @picocli.CommandLine.Mixin
    TimelineOptions timeline = new TimelineOptions();

    /** The planner's options; the scaling is the planner's own unless --exact-days or --max-simulated-per-month is given. */
    PlanOptions planOptions(CommandSpec spec, ScenarioOptions scenario, Scenario base) throws ImportException, IOException {
        PlanOptions o = PlanOptions.defaults().withMaxBreach(maxBreach).withTierTargets(tierTargets).withRouters(routers)
                .withEvents(timeline.events(base)).withThreads(scenario.threads());
        boolean ownScaling = spec.commandLine().getParseResult().hasMatchedOption("--exact-days")
                || spec.commandLine().getParseResult().hasMatchedOption("--max-simulated-per-month");
        if (ownScaling) {
            o = o.withScaling(base.scaling());
        }
        return o;
    }

    /** Loads traffic, catalog and prices and builds the base scenario at {@code target}. */
    Scenario base(ScenarioOptions options, double target) throws ImportException, IOException {
        Catalog cat = options.loadCatalog();
        TrafficSample sample = options.loadTraffic(cat);
        PriceSheet sheet = null;
        if (prices != null) {
            sheet = ScenarioOptions.loadPrices(prices);
        } else if (!sample.hasRecordedCosts()) {
            throw new IllegalArgumentException(String.join(", ", sample.sources())
                    + " records no per-query costs; pass --prices FILE so each query can be priced from its tokens");
        }
        return options.scenario(sample, cat, sheet, "slarouter", target, feedbackRate);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
