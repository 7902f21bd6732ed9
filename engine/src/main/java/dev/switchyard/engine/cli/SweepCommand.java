package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.sim.Sweep;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchyard sweep}: a grid of tau x feedback rate x router (x price sheet), in parallel, to CSV or JSON. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of scenarios (targets x feedback rates x routers x price sheets) on all cores and write",
            "one row per grid point (CSV or JSON), plus, in JSON, floor compliance and tau-response correlation per router."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--prices", arity = "1..*", paramLabel = "FILE", description = "Price sheet(s) to sweep over; optional with recorded costs.")
    List<Path> prices = new ArrayList<>();

    @Option(names = "--routers", split = ",", required = true, paramLabel = "NAME", description = "Routers, comma-separated.")
    List<String> routers;

    @Option(names = "--targets", split = ",", paramLabel = "T", description = "Targets, e.g. 0.8,0.85,0.9.")
    List<Double> targets;

    @Option(names = "--target-range", paramLabel = "FROM:TO:STEP", description = "Targets as a range, e.g. 0.80:0.90:0.01.")
    String targetRange;

    @Option(names = "--feedback-rates", split = ",", defaultValue = "0.2", paramLabel = "Q", description = "Feedback rates, comma-separated.")
    List<Double> rates;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (.csv or .json); default: CSV on standard output.")
    Path outFile;

    @Option(names = "--format", paramLabel = "csv|json", description = "Output format (default: from --out's extension, else csv).")
    String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Destinations.checkFile("--out", outFile); // before the sweep runs
        try {
            List<Double> taus = targets(targets, targetRange);
            Catalog cat = options.loadCatalog();
            TrafficSample sample = options.loadTraffic(cat);
            List<PriceSheet> sheets = new ArrayList<>();
            for (Path p : prices) {
                sheets.add(ScenarioOptions.loadPrices(p));
            }
            if (sheets.isEmpty() && !sample.hasRecordedCosts()) {
                err.println("error: " + String.join(", ", sample.sources())
                        + " records no per-query costs; pass --prices FILE so each query can be priced from its tokens");
                return 2;
            }
            Scenario base = options.scenario(sample, cat, sheets.isEmpty() ? null : sheets.get(0), routers.get(0), taus.get(0),
                    rates.get(0));
            Sweep.Grid grid = new Sweep.Grid(base, sheets, routers, taus, rates);
            Sweep.Result result = Sweep.run(grid, Simulator.standard(), options.threads(), RunControl.NONE);
            String fmt = format != null ? format.toLowerCase(Locale.ROOT)
                    : outFile != null && outFile.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
            String text = switch (fmt) {
                case "csv" -> csv(result);
                case "json" -> Json.mapper().writeValueAsString(json(result, base));
                default -> throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
            };
            if (outFile == null) {
                out.print(text);
            } else {
                AtomicFiles.writeString(outFile, text);
                out.printf(Locale.ROOT, "wrote %d grid points to %s in %.1f s on %d threads%n", result.points().size(), outFile,
                        result.seconds(), result.threads());
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

    static List<Double> targets(List<Double> list, String range) {
        if (list != null && range != null) {
            throw new IllegalArgumentException("give either --targets or --target-range, not both");
        }
        if (range != null) {
            String[] parts = range.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--target-range must be FROM:TO:STEP, got '" + range + "'");
            }
            double from = Double.parseDouble(parts[0]);
            double to = Double.parseDouble(parts[1]);
            double step = Double.parseDouble(parts[2]);
            if (!(step > 0) || to < from) {
                throw new IllegalArgumentException("--target-range needs FROM <= TO and STEP > 0, got '" + range + "'");
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0; from + i * step <= to + 1e-9; i++) {
                out.add(Math.round((from + i * step) * 1e9) / 1e9);
            }
            return out;
        }
        return list == null || list.isEmpty() ? List.of(0.9) : list;
    }

    static final String CSV_HEADER = "priceSheet,router,target,feedbackRate,requests,meanSatisfaction,meanSatisfactionP10,"
            + "meanSatisfactionP90,costPerRequest,costPerRequestP10,costPerRequestP90,totalCost,savingsVsBestFixed,ratioToSlaOracle,"
            + "cumulativeComplianceRate,windowCompliance,worstWindow,explorationShare,estimatedSatisfaction,bound,reconstructed,scaled,seed";

    static String csv(Sweep.Result result) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Sweep.Point p : result.points()) {
            SimulationResult r = p.result();
            sb.append(quote(p.priceSheet())).append(',').append(p.router()).append(',').append(p.target()).append(',')
                    .append(p.feedbackRate()).append(',').append(r.requests());
            for (double v : new double[] {r.meanSatisfaction().mean(), r.meanSatisfaction().p10(), r.meanSatisfaction().p90(),
                    r.costPerRequest().mean(), r.costPerRequest().p10(), r.costPerRequest().p90(), r.totalCost().mean(),
                    r.savingsVsBestFixed().mean(), r.ratioToSlaOracle().mean(), r.cumulativeComplianceRate(),
                    r.windowCompliance().mean(), r.worstWindow().mean(), r.explorationShare().mean(),
                    r.estimatedSatisfaction().mean()}) {
                sb.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            sb.append(',').append(r.bound()).append(',').append(r.router().reconstructed()).append(',').append(r.scaled())
                    .append(',').append(r.seed()).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static ObjectNode json(Sweep.Result result, Scenario base) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("engineVersion", EngineInfo.version());
        root.put("seed", base.seed());
        root.put("replications", base.replications());
        root.put("seconds", result.seconds());
        root.put("threads", result.threads());
        ArrayNode points = root.putArray("points");
        for (Sweep.Point p : result.points()) {
            ObjectNode o = points.addObject();
            o.put("priceSheet", p.priceSheet()).put("router", p.router()).put("target", p.target()).put("feedbackRate", p.feedbackRate());
            o.set("result", Json.mapper().valueToTree(p.result()));
        }
        root.set("targetResponse", Json.mapper().valueToTree(result.targetResponses()));
        return root;
    }
}
