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
        description = {"Simulate a router on traffic drawn from a sample: spend, satisfaction on the hidden truth, SLA compliance,",
            "model mix. Routers: slarouter, messplus, proteus, omnirouter, best-fixed, cheapest, cheapest-meeting-target,",
            "random-mix, threshold, cascade, oracle, sla-oracle (the last two are bounds, not deployable)."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

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

    @Option(names = "--adaptive", description = {"Add replications until the 90% intervals of P(breached month), window",
        "compliance and savings are within --max-half-width, or --time-budget is spent (the result says which)."})
    boolean adaptive;

    @Option(names = "--max-half-width", defaultValue = "0.02", paramLabel = "H",
            description = "With --adaptive: widest 90% interval half-width allowed (default ${DEFAULT-VALUE} = 2 points).")
    double maxHalfWidth;

    @Option(names = "--time-budget", defaultValue = "30", paramLabel = "SECONDS",
            description = "With --adaptive: wall-clock budget in seconds (default ${DEFAULT-VALUE}).")
    double timeBudgetSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Catalog cat = options.loadCatalog();
            TrafficSample sample = options.loadTraffic(cat);
            PriceSheet sheet = null;
            if (prices != null) {
                sheet = ScenarioOptions.loadPrices(prices);
            } else if (!sample.hasRecordedCosts()) {
                err.println("error: " + String.join(", ", sample.sources())
                        + " records no per-query costs; pass --prices FILE so each query can be priced from its tokens");
                return 2;
            }
            Scenario scenario = options.scenario(sample, cat, sheet, router, target, feedbackRate);
            Simulator sim = Simulator.standard().withThreads(options.threads());
            SimulationResult result = adaptive
                    ? sim.runAdaptive(PreparedScenario.of(scenario), scenario, RunControl.NONE, new Simulator.Adaptive(maxHalfWidth,
                            java.time.Duration.ofMillis(Math.max(1, Math.round(timeBudgetSeconds * 1000))),
                            Simulator.Adaptive.standard().maxReplications()))
                    : sim.run(PreparedScenario.of(scenario), scenario, RunControl.NONE);
            if (json) {
                out.println(Json.mapper().writeValueAsString(toJson(result, full)));
            } else {
                printText(out, result);
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
        root.putPOJO("warnings", r.warnings());
        SimulationResult shown = full ? r : withoutReplications(r);
        JsonNode detail = Json.mapper().valueToTree(shown);
        root.set("result", detail);
        return root;
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
        out.printf(Locale.ROOT, "%nsatisfaction (hidden truth) %.4f  [P10 %.4f, P90 %.4f]   router's own estimate %.4f%n",
                r.meanSatisfaction().mean(), r.meanSatisfaction().p10(), r.meanSatisfaction().p90(), r.estimatedSatisfaction().mean());
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
