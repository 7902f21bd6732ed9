package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchyard simulate}: one scenario, metrics on the hidden truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate a router on traffic drawn from a sample.",
            "Reports spend, satisfaction on the hidden truth, SLA compliance and model mix. Routers: slarouter, messplus,"
                    + " proteus, omnirouter, best-fixed, cheapest, cheapest-meeting-target, random-mix, threshold, cascade,"
                    + " oracle, sla-oracle (the last two are bounds, not deployable)."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Mixin
    TimelineOptions timeline;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price sheet; optional when the traffic records per-query costs (then those are used).")
    Path prices;

    @Option(names = "--router", required = true, paramLabel = "NAME", description = "Router to simulate.")
    String router;

    @Option(names = "--target", defaultValue = "0.9", paramLabel = "T", description = "SLA target tau (default ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--feedback-rate", defaultValue = "0.2", paramLabel = "Q", description = "Feedback rate q (default ${DEFAULT-VALUE}).")
    double feedbackRate;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Option(names = "--full", description = "With --json: also every replication's day-level arrays.")
    boolean full;

    @Option(names = "--adaptive", description = {"Add replications until the 90%% intervals of P(breached month), window",
        "compliance and savings are within --max-half-width, or --time-budget is spent (the result says which)."})
    boolean adaptive;

    @Option(names = "--max-half-width", defaultValue = "0.02", paramLabel = "H",
            description = "With --adaptive: widest 90%% interval half-width allowed (default ${DEFAULT-VALUE} = 2 points).")
    double maxHalfWidth;

    @Option(names = "--time-budget", defaultValue = "30", paramLabel = "SECONDS",
            description = "With --adaptive: wall-clock budget in seconds (default ${DEFAULT-VALUE}).")
    double timeBudgetSeconds;

    @Option(names = "--export-config", paramLabel = "FILE",
            description = "Also write the routing configuration of the simulated router (trained and learned state included),"
                    + " for LiveRouter and 'replay'. Oracles are refused.")
    Path exportConfig;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exportConfig != null) {
            Destinations.checkFile("--export-config", exportConfig); // before the simulation runs
        }
        try {
            Catalog cat = options.loadCatalog();
            TrafficSample sample = options.loadTraffic(cat);
            PriceSheet sheet = null;
            if (prices != null) {
                sheet = options.prices(prices);
            } else if (!sample.hasRecordedCosts()) {
                err.println("error: " + String.join(", ", sample.sources())
                        + " records no per-query costs; pass --prices FILE so each query can be priced from its tokens");
                return 2;
            }
            Scenario scenario = options.scenario(sample, cat, sheet, router, target, feedbackRate);
            Simulator sim = Simulator.standard().withThreads(options.threads());
            // price changes on the timeline switch costs month by month (pool changes: recommend/negotiate)
            java.util.List<dev.switchyard.engine.plan.TimelineEvent> events = timeline.events(scenario);
            PreparedScenario prepared = events.isEmpty() ? PreparedScenario.of(scenario)
                    : dev.switchyard.engine.plan.Timelines.preparedWithPrices(scenario, events);
            SimulationResult result;
            if (exportConfig != null) {
                dev.switchyard.engine.export.CapturedRun run = dev.switchyard.engine.export.CapturedRun.simulate(scenario, prepared,
                        options.threads(), RunControl.NONE);
                result = run.result();
                dev.switchyard.engine.export.RoutingConfigJson.write(run.config(scenario, prepared, null, java.time.Instant.now()),
                        exportConfig);
                if (!json) {
                    out.println("wrote routing configuration " + exportConfig);
                }
            } else {
                result = adaptive
                        ? sim.runAdaptive(prepared, scenario, RunControl.NONE, new Simulator.Adaptive(maxHalfWidth,
                                java.time.Duration.ofMillis(Math.max(1, Math.round(timeBudgetSeconds * 1000))),
                                Simulator.Adaptive.standard().maxReplications()))
                        : sim.run(prepared, scenario, RunControl.NONE);
            }
            java.util.Optional<String> singleNote = singleModelNote(sim, prepared, scenario, result);
            result.warnings().forEach(w -> err.println("warning: " + w));
            if (json) {
                ObjectNode node = toJson(result, full);
                singleNote.ifPresent(n -> node.put("singleModelNote", n));
                if (!events.isEmpty()) {
                    com.fasterxml.jackson.databind.node.ArrayNode ev = node.putArray("events");
                    for (dev.switchyard.engine.plan.TimelineEvent e : events) {
                        ev.addObject().put("fromMonth", e.fromMonth()).put("description", e.describe());
                    }
                }
                out.println(Json.mapper().writeValueAsString(node));
            } else {
                printText(out, result);
                out.printf(java.util.Locale.ROOT, "window breach probability %.3f; first window costs %.6f USD/request (later windows %.6f)%n",
                        dev.switchyard.engine.sim.WindowContract.windowBreachProbability(result),
                        dev.switchyard.engine.sim.WindowContract.firstWindowCost(result),
                        dev.switchyard.engine.sim.WindowContract.laterWindowsCost(result));
                singleNote.ifPresent(n -> out.println("note: " + n));
            }
            out.flush();
            return 0;
        } catch (ImportException | CostTable.UnpricedModelsException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UnsupportedOperationException e) {
            err.println("error: " + e.getMessage());
            return 3;
        }
    }

    /**
     * For learning routers: the cheapest-meeting-target baseline on the same scenario, and a note when it
     * met the target for no more than the router paid (issue: say when category routing cannot beat one model).
     */
    static java.util.Optional<String> singleModelNote(Simulator sim, PreparedScenario p, Scenario s, SimulationResult r) {
        if (r.bound() || r.router().role() != dev.switchyard.engine.routing.RouterDescriptor.Role.ONLINE
                || s.calibrationFraction() <= 0) {
            return java.util.Optional.empty();
        }
        SimulationResult single = sim.run(p, s.withRouter("cheapest-meeting-target"), RunControl.NONE);
        return dev.switchyard.engine.sim.WindowContract.singleModelNote(r, single);
    }

    /** The contract fields first (router, target, requests, meanSatisfaction...), then everything else. */
    static ObjectNode toJson(SimulationResult r, boolean full) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("router", r.scenario().router());
        root.put("target", r.scenario().target());
        root.put("requests", r.requests());
        root.put("meanSatisfaction", r.meanSatisfaction().mean());
        root.put("costPerRequest", r.costPerRequest().mean());
        root.put("totalCost", r.totalCost().mean());
        root.put("savingsVsBestFixed", r.savingsVsBestFixed().mean());
        root.put("cumulativeCompliant", r.cumulativeCompliant());
        root.put("windowCompliance", r.windowCompliance().mean());
        root.put("windowBreachProbability", dev.switchyard.engine.sim.WindowContract.windowBreachProbability(r));
        root.put("firstWindowCost", dev.switchyard.engine.sim.WindowContract.firstWindowCost(r));
        root.put("laterWindowsCost", dev.switchyard.engine.sim.WindowContract.laterWindowsCost(r));
        ObjectNode share = root.putObject("modelShare");
        for (Map.Entry<String, Double> e : r.modelShare().entrySet()) {
            share.put(e.getKey(), e.getValue());
        }
        root.put("reconstructed", r.router().reconstructed());
        root.put("provenance", r.router().provenance());
        root.put("bound", r.bound());
        root.put("feedbackRate", r.scenario().feedbackRate());
        root.put("estimatedSatisfaction", r.estimatedSatisfaction().mean());
        root.put("costPer1000", r.costPer1000().mean());
        root.put("explorationShare", r.explorationShare().mean());
        root.put("ratioToSlaOracle", r.ratioToSlaOracle().mean());
        root.put("finalMargin", r.finalMargin().mean());
        root.put("worstWindow", r.worstWindow().mean());
        root.put("firstRequestStayingAbove", r.firstRequestStayingAbove().mean());
        root.put("bestFixedModel", r.bestFixedModel());
        root.put("scaled", r.scaled());
        root.put("simulatedRequests", r.simulatedRequests());
        root.put("seed", r.seed());
        root.put("engineVersion", r.engineVersion());
        root.put("monthlyBreachProbability", r.monthlyBreachProbability());
        root.putArray("monthlyBreachProbabilityInterval").add(r.monthlyBreachProbabilityInterval().low())
                .add(r.monthlyBreachProbabilityInterval().high());
        root.put("repeatFactor", r.repeatFactor());
        root.put("replicationStop", r.replicationStop());
        // decision 0308: savings against the cheapest single model meeting tau (null when none does)
        putNumberOrNull(root, "savingsVsCheapestMeetingTarget", r.savingsVsCheapestMeetingTarget().mean());
        if (r.cheapestMeetingTargetModel() == null) {
            root.putNull("cheapestMeetingTargetModel");
        } else {
            root.put("cheapestMeetingTargetModel", r.cheapestMeetingTargetModel());
        }
        root.put("monthlySpend", r.monthlySpend().mean());
        putNumberOrNull(root, "partialWindowSatisfaction", r.partialWindow().mean());
        putLatency(root, r.latency());
        r.warnings().forEach(root.putArray("warnings")::add);
        SimulationResult shown = full ? r : withoutReplications(r);
        JsonNode detail = Json.mapper().valueToTree(shown);
        root.set("result", detail);
        return root;
    }

    /**
     * The latency fields (issue 14; the first four are contracts): {@code latencyP95Ms} is the p95 of the constrained
     * metric (TTFT unless --latency-metric total) over the run, {@code latencyTargetMs} null without a target.
     */
    static void putLatency(ObjectNode root, dev.switchyard.engine.sim.LatencyStats l) {
        if (l == null) {
            return;
        }
        putNumberOrNull(root, "latencyP95Ms", l.latencyP95Ms().mean());
        putNumberOrNull(root, "latencyTargetMs", l.targetMs());
        putNumberOrNull(root, "latencyWindowCompliance", l.windowCompliance().mean());
        root.put("rateLimitedShare", l.rateLimitedShare().mean());
        root.put("overLimitShare", l.overLimitShare().mean());
        root.put("latencyMetric", l.metric());
        root.put("latencyPercentile", l.percentile());
        putNumberOrNull(root, "latencyPercentileMs", l.percentileMs().mean());
        putNumberOrNull(root, "latencyOverTargetShare", l.overTargetShare().mean());
        putNumberOrNull(root, "ttftP50Ms", l.run().ttftP50());
        putNumberOrNull(root, "ttftP95Ms", l.run().ttftP95());
        putNumberOrNull(root, "ttftP99Ms", l.run().ttftP99());
        putNumberOrNull(root, "totalLatencyP50Ms", l.run().totalP50());
        putNumberOrNull(root, "totalLatencyP95Ms", l.run().totalP95());
        putNumberOrNull(root, "totalLatencyP99Ms", l.run().totalP99());
        ObjectNode tiers = root.putObject("latencyTiers");
        for (dev.switchyard.engine.sim.LatencyStats.TierLatency t : l.tiers()) {
            ObjectNode n = tiers.putObject(t.tier());
            putNumberOrNull(n, "targetMs", t.targetMs());
            putNumberOrNull(n, "ttftP95Ms", t.latency().ttftP95());
            putNumberOrNull(n, "totalLatencyP95Ms", t.latency().totalP95());
            putNumberOrNull(n, "windowCompliance", t.windowCompliance());
        }
    }

    private static void putNumberOrNull(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    private static SimulationResult withoutReplications(SimulationResult r) {
        return r.withoutReplications();
    }

    private static void printText(PrintWriter out, SimulationResult r) {
        SimulationResult.ScenarioInfo s = r.scenario();
        out.printf(Locale.ROOT, "%s%s on %s (%,d evaluation queries, %,d held out for calibration)%n", r.router().displayName(),
                r.bound() ? " [BOUND, not deployable]" : r.router().reconstructed() ? " [" + r.router().provenance() + "]" : "",
                s.sample(), s.evaluationQueries(), s.calibrationQueries());
        out.printf(Locale.ROOT, "target %.3f per %s, feedback %s q=%.3f, %,d requests, seed %d, %d replication(s), engine %s%n",
                s.target(), s.window(), s.feedbackKind(), s.feedbackRate(), r.requests(), r.seed(), s.replications(), r.engineVersion());
        out.println(r.scalingNote());
        double own = r.estimatedSatisfaction().mean();
        out.printf(Locale.ROOT, "%nsatisfaction (hidden truth) %.4f  [P10 %.4f, P90 %.4f]   router's own estimate %s%n",
                r.meanSatisfaction().mean(), r.meanSatisfaction().p10(), r.meanSatisfaction().p90(),
                Double.isNaN(own) ? "n/a (it keeps none)" : String.format(Locale.ROOT, "%.4f", own));
        out.printf(Locale.ROOT, "cumulative: %s (margin %+.4f); windows at or above target %.1f%%, worst window %.4f%n",
                r.cumulativeCompliant() ? "COMPLIANT" : "BREACHED", r.finalMargin().mean(), 100 * r.windowCompliance().mean(),
                r.worstWindow().mean());
        out.printf(Locale.ROOT, "P(breached month) %.1f%% [90%% interval %.1f%%, %.1f%%]; %s; repeat factor %.1f%n",
                100 * r.monthlyBreachProbability(), 100 * r.monthlyBreachProbabilityInterval().low(),
                100 * r.monthlyBreachProbabilityInterval().high(), r.replicationStop(), r.repeatFactor());
        for (String w : r.warnings()) {
            out.println("warning: " + w);
        }
        out.printf(Locale.ROOT, "spend USD %,.2f total, %.6f per request, %.4f per 1,000; exploration %.1f%% of spend%n",
                r.totalCost().mean(), r.costPerRequest().mean(), r.costPer1000().mean(), 100 * r.explorationShare().mean());
        out.printf(Locale.ROOT, "savings vs best fixed (%s) %.1f%%; cost / SLA-oracle cost %.2fx%n", r.bestFixedModel(),
                100 * r.savingsVsBestFixed().mean(), r.ratioToSlaOracle().mean());
        out.println(r.cheapestMeetingTargetModel() == null ? "no single model meets the target on its own"
                : String.format(Locale.ROOT, "savings vs the cheapest model meeting the target (%s) %.1f%%",
                        r.cheapestMeetingTargetModel(), 100 * r.savingsVsCheapestMeetingTarget().mean()));
        dev.switchyard.engine.sim.LatencyStats lat = r.latency();
        if (lat != null) {
            out.printf(Locale.ROOT, "latency: TTFT p50 %.0f / p95 %.0f / p99 %.0f ms, total p50 %.0f / p95 %.0f / p99 %.0f ms%n",
                    lat.run().ttftP50(), lat.run().ttftP95(), lat.run().ttftP99(), lat.run().totalP50(), lat.run().totalP95(),
                    lat.run().totalP99());
            if (lat.hasTarget()) {
                out.printf(Locale.ROOT, "latency target: p%.0f %s <= %s; windows meeting it %.1f%%, requests above their L %.2f%%%n",
                        100 * lat.percentile(), lat.metric(), Double.isFinite(lat.targetMs())
                                ? String.format(Locale.ROOT, "%.0f ms", lat.targetMs()) : "(per tier only)",
                        100 * lat.windowCompliance().mean(), 100 * lat.overTargetShare().mean());
            }
            if (lat.rateLimitedShare().mean() > 0) {
                out.printf(Locale.ROOT, "rate limits sent %.2f%% of requests to a fallback model%n", 100 * lat.rateLimitedShare().mean());
            }
            if (lat.overLimitShare().mean() > 0) {
                out.printf(Locale.ROOT, "%.2f%% of requests were served over a rate limit (every fallback was full)%n",
                        100 * lat.overLimitShare().mean());
            }
            lat.notes().forEach(n -> out.println("latency: " + n));
        }
        out.printf(Locale.ROOT, "%nmodel mix:%n");
        for (SimulationResult.ModelStats m : r.models()) {
            out.printf(Locale.ROOT, "  %-40s %6.2f%% of requests %6.2f%% of spend%n", m.model(), 100 * m.requestShare().mean(),
                    100 * m.spendShare().mean());
        }
        if (r.months().size() > 1) {
            out.printf(Locale.ROOT, "%nmonth  requests        cost USD   satisfaction  P(breach)%n");
            for (SimulationResult.MonthStats m : r.months()) {
                out.printf(Locale.ROOT, "%5d  %,12.0f  %,12.2f  %12.4f  %8.2f%n", m.month(), m.requests(), m.cost().mean(),
                        m.satisfaction().mean(), m.breachProbability());
            }
        }
        for (SimulationResult.TierStats t : r.tiers()) {
            out.printf(Locale.ROOT, "tier %-10s %5.1f%% of traffic, satisfaction %.4f, USD %.6f per request, days met %.0f%%%n",
                    t.tier(), 100 * t.requestShare(), t.satisfaction().mean(), t.costPerRequest().mean(),
                    100 * t.dailyCompliance().mean());
        }
    }
}
