package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.sim.Sweep;
import dev.switchyard.engine.sim.SyntheticWorkload;
import dev.switchyard.engine.traffic.TrafficSample;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchyard bench}: routing throughput per core (feedback simulation and metrics included,
 * measured in thread CPU time on one thread after a warm-up) on a 12-model synthetic IRT workload,
 * and the time of the reference sweep (11 targets x 4 feedback rates x 10 routers x 3 seeds at
 * 200K requests each) on all cores.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput benchmark: requests per second per core for each router, and the reference sweep's wall time.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"results\":[{router, predictor, models, requestsPerSecondPerCore}...], ...}.")
    boolean json;

    @Option(names = "--requests", defaultValue = "20000000", description = "Requests per throughput measurement (default ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--sample-queries", defaultValue = "20000", description = "Queries in the synthetic sample (default ${DEFAULT-VALUE}).")
    int sampleQueries;

    @Option(names = "--only", paramLabel = "ROUTER", description = "Measure only this router's throughput.")
    String only;

    @Option(names = "--no-sweep", description = "Skip the sweep benchmark.")
    boolean noSweep;

    @Option(names = "--sweep-requests", defaultValue = "200000", description = "Requests per sweep point and seed (default ${DEFAULT-VALUE}).")
    long sweepRequests;

    record Config(String router, String predictor, RouterParameters params) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int models = 12;
        Routers registry = Routers.standard();
        TrafficSample sample = SyntheticWorkload.sample(sampleQueries, models, 1);
        PriceSheet prices = SyntheticWorkload.prices(models);
        Scenario base = Scenario.of(sample, prices, Catalog.empty(), "slarouter").withTarget(0.85)
                .withFeedback(Scenario.Feedback.oneSided(0.2)).withScaling(Scenario.Scaling.exact());
        PreparedScenario prepared = PreparedScenario.of(base);
        List<Config> configs = new ArrayList<>();
        configs.add(new Config("slarouter", "category", RouterParameters.none()));
        if (registry.predictor("text-logistic").isPresent() && !registry.textFeatureExtractors().isEmpty()) {
            configs.add(new Config("slarouter", "text-logistic", RouterParameters.none()));
        }
        configs.add(new Config("slarouter", "category", RouterParameters.of("exploration", "all")));
        for (String name : List.of("messplus", "best-fixed", "random-mix", "cascade", "sla-oracle", "proteus", "omnirouter", "threshold")) {
            if (registry.descriptor(name).available()) {
                configs.add(new Config(name, "category", RouterParameters.none()));
            }
        }
        Simulator one = new Simulator(registry, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode results = root.putArray("results");
        if (!json) {
            out.printf(Locale.ROOT, "engine %s, %d cores, %d models, %,d requests per measurement (one thread, CPU time)%n",
                    EngineInfo.version(), Runtime.getRuntime().availableProcessors(), models, requests);
            out.printf(Locale.ROOT, "synthetic IRT sample of %,d queries (evaluation pool %,d)%n", sampleQueries, prepared.evaluationRows());
        }
        if (only != null) {
            configs.removeIf(c -> !c.router().equals(only));
        }
        for (Config c : configs) {
            PreparedScenario p = prepared;
            Scenario s = base.withRouter(c.router(), c.params()).withPredictor(c.predictor());
            if (c.predictor().equals("text-logistic")) {
                TrafficSample withPrompts = SyntheticWorkload.sampleWithPrompts(sampleQueries, models, 1);
                s = new Scenario(s.name(), withPrompts, s.catalog(), s.prices(), s.modelPool(), s.router(), s.routerParameters(),
                        s.predictor(), null, s.sla(), s.feedback(), s.volume(), s.mixShift(), s.seed(), s.replications(),
                        s.calibrationFraction(), s.scaling());
                p = PreparedScenario.of(s);
            }
            one.run(p, s.withVolume(Scenario.Volume.requests(Math.max(100_000, requests / 10))), RunControl.NONE); // warm-up
            long cpu0 = threads.getCurrentThreadCpuTime();
            SimulationResult r = one.run(p, s.withVolume(Scenario.Volume.requests(requests)), RunControl.NONE);
            double seconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double rate = r.simulatedRequests() / seconds;
            String label = c.router() + (c.params().values().isEmpty() ? "" : " " + c.params().values());
            results.addObject().put("router", label).put("predictor", c.predictor()).put("models", models)
                    .put("requestsPerSecondPerCore", Math.round(rate)).put("meanSatisfaction", r.meanSatisfaction().mean())
                    .put("costPerRequest", r.costPerRequest().mean());
            if (!json) {
                out.printf(Locale.ROOT, "  %-34s %-14s %,14.0f requests/s/core%n", label, c.predictor(), rate);
                out.flush();
            }
        }
        if (!noSweep) {
            List<String> sweepRouters = new ArrayList<>();
            for (RouterDescriptor d : registry.available()) {
                if (sweepRouters.size() < 10) {
                    sweepRouters.add(d.name());
                }
            }
            List<Double> taus = new ArrayList<>();
            for (int i = 0; i <= 10; i++) {
                taus.add(Math.round((0.80 + 0.01 * i) * 100) / 100.0);
            }
            Scenario sweepBase = base.withVolume(Scenario.Volume.requests(sweepRequests)).withReplications(3);
            int cores = Runtime.getRuntime().availableProcessors();
            Sweep.Result sr = Sweep.run(new Sweep.Grid(sweepBase, List.of(), sweepRouters, taus, List.of(1.0, 0.5, 0.2, 0.05)),
                    registry == Routers.standard() ? Simulator.standard() : new Simulator(registry, cores), cores, RunControl.NONE);
            long totalRequests = (long) sr.points().size() * 3 * sweepRequests;
            ObjectNode sweep = root.putObject("sweep");
            sweep.put("targets", taus.size()).put("feedbackRates", 4).put("routers", sweepRouters.size()).put("seeds", 3)
                    .put("requestsPerRun", sweepRequests).put("runs", sr.points().size() * 3).put("seconds", sr.seconds())
                    .put("threads", sr.threads()).put("requestsPerSecond", Math.round(totalRequests / sr.seconds()));
            sweep.set("routerNames", Json.mapper().valueToTree(sweepRouters));
            if (!json) {
                out.printf(Locale.ROOT, "sweep %d targets x 4 rates x %d routers %s x 3 seeds at %,d requests: %.1f s on %d threads%n",
                        taus.size(), sweepRouters.size(), sweepRouters, sweepRequests, sr.seconds(), sr.threads());
            }
        }
        root.put("engineVersion", EngineInfo.version());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        if (json) {
            out.println(Json.mapper().writeValueAsString(root));
        }
        out.flush();
        return 0;
    }
}
