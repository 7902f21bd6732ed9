package dev.switchyard.engine.cli;

import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.replay.LogFormat;
import dev.switchyard.engine.replay.LogReplay;
import dev.switchyard.engine.replay.ReplayReport;
import dev.switchyard.engine.replay.TrafficReplay;
import dev.switchyard.engine.sim.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchyard replay}: a routing configuration run, without serving, over a production log or a simulated stream. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Shadow replay of a routing configuration over a production log or a traffic sample.",
            "Runs a routing configuration (from 'simulate --export-config' or 'export --config') over",
            "a production usage log (--log) and report what it would have done, or over the simulator's stream for a traffic",
            "sample (--traffic): the same requests, truth and feedback the simulation drew, so the decisions can be compared."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Routing configuration (JSON).")
    Path config;

    @Option(names = "--log", paramLabel = "FILE", description = "Production usage log to replay.")
    Path log;

    @Option(names = "--format", paramLabel = "F", defaultValue = "auto",
            description = "Log format: auto (default), usage-log, litellm, langfuse, helicone.")
    String format;

    @Option(names = "--column", paramLabel = "FIELD=HEADER",
            description = "Usage-log column mapping, e.g. --column model=llm --column category=route (fields: "
                    + "requestId, timestamp, model, category, tenant, tier, inputTokens, cachedInputTokens, outputTokens, cost,"
                    + " satisfied, reported).")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--default-category", paramLabel = "NAME",
            description = "Category for log rows that carry none (default: the configuration's first category).")
    String defaultCategory;

    @Option(names = "--traffic", arity = "1..*", paramLabel = "FILE",
            description = "Traffic sample(s): replay the simulator's stream for them instead of a log.")
    List<Path> traffic;

    @Option(names = "--catalog", paramLabel = "FILE", description = "With --traffic: the catalog the simulation used, for"
            + " its latency profiles and rate limits (default: the configuration's latency priors and rate limits).")
    Path catalog;

    @Option(names = "--requests", paramLabel = "N", description = "With --traffic: requests (default: the simulation's volume).")
    Long requests;

    @Option(names = "--seed", paramLabel = "S", description = "With --traffic: scenario seed (default: the simulation's).")
    Long seed;

    @Option(names = "--warm", description = "With --traffic: start from the configuration's learned state instead of the"
            + " simulation's starting point (the decisions then differ from the simulation's).")
    boolean warm;

    @Option(names = "--cold", description = "With --log: start online routers cold instead of from the learned state.")
    boolean cold;

    @Option(names = "--threads", paramLabel = "N", description = "With --traffic: simulator threads (results do not depend on it).")
    Integer threads;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (log != null) {
            requireReadableFile("--log", log);
        }
        if (traffic != null) {
            for (Path t : traffic) {
                requireReadableFile("--traffic", t);
            }
        }
        requireReadableFile("--config", config);
        if (catalog != null) {
            requireReadableFile("--catalog", catalog);
        }
        if ((log == null) == (traffic == null || traffic.isEmpty())) {
            err.println("error: give either --log FILE (a production log) or --traffic FILE... (the simulator's stream)");
            return 2;
        }
        try {
            RoutingConfig cfg = RoutingConfigJson.read(config);
            if (traffic != null && !traffic.isEmpty()) {
                long s = seed != null ? seed : cfg.provenance().seed();
                int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
                SimulationResult r = TrafficReplay.run(cfg, traffic, requests, s, warm, t,
                        catalog == null ? null : dev.switchyard.engine.catalog.CatalogJson.read(catalog));
                if (json) {
                    var root = SimulateCommand.toJson(r, false);
                    root.put("replayOf", config.getFileName().toString());
                    root.put("warmStart", warm);
                    out.println(Json.mapper().writeValueAsString(root));
                } else {
                    out.printf(java.util.Locale.ROOT, "replayed %s (%s) on the simulator's stream: %,d requests, seed %d%s%n",
                            config.getFileName(), r.router().displayName(), r.requests(), s, warm ? ", warm start" : "");
                    for (Map.Entry<String, Double> e : r.modelShare().entrySet()) {
                        out.printf(java.util.Locale.ROOT, "  %-40s %6.2f%%%n", e.getKey(), 100 * e.getValue());
                    }
                    out.printf(java.util.Locale.ROOT, "satisfaction (hidden truth) %.4f, USD %.6f per request%n",
                            r.meanSatisfaction().mean(), r.costPerRequest().mean());
                }
                out.flush();
                return 0;
            }
            LogFormat f = LogFormat.named(format, log, columns);
            ReplayReport report = LogReplay.run(cfg, log, f, defaultCategory, !cold);
            if (json) {
                out.println(Json.mapper().writeValueAsString(report));
            } else {
                report.print(out);
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

    /** Input files are checked before anything is read, so the error names the file at fault. */
    private static void requireReadableFile(String option, Path p) {
        if (!java.nio.file.Files.exists(p)) {
            throw BadInputException.of(p, "no such file (" + option + ")");
        }
        if (java.nio.file.Files.isDirectory(p)) {
            throw BadInputException.of(p, "is a folder; " + option + " needs a file");
        }
        if (!java.nio.file.Files.isReadable(p)) {
            throw BadInputException.of(p, "cannot be read (permission denied) (" + option + ")");
        }
    }
}
