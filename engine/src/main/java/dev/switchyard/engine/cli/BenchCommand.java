package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    @Option(names = "--iterations", defaultValue = "5",
            description = "Measured runs per router, after a warm-up; the median is reported (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--in-process", description = "Measure every router in this JVM, one after another (for profiling); "
            + "by default each is measured in a fresh JVM of its own (decision 1005).")
    boolean inProcess;

    // the child side of the default mode: measure configuration INDEX of the list and print one JSON object
    @Option(names = "--fork-config", hidden = true, defaultValue = "-1")
    int forkConfig;

    /**
     * One throughput measurement: the per-iteration rates (requests/s on one core, thread CPU time) and the last
     * run's figures.
     */
    record Measured(double[] rates, double meanSatisfaction, double costPerRequest, int warmupRuns) {
        double median() {
            double[] r = rates.clone();
            Arrays.sort(r);
            int n = r.length;
            return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
        }

        double min() {
            return Arrays.stream(rates).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(rates).max().orElse(Double.NaN);
        }
    }

    /** The workload every measurement uses, built the same way in the parent and in each forked JVM. */
    private record Workload(Routers registry, Scenario base, PreparedScenario prepared, List<Config> configs) {
    }

    private Workload workload(int models) throws Exception {
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
        return new Workload(registry, base, prepared, configs);
    }

    /** Warm-up run, then {@link #iterations} measured runs of {@code requests / iterations} requests each. */
    private Measured measure(Workload w, Config c, int models) throws Exception {
        PreparedScenario p = w.prepared();
        Scenario s = w.base().withRouter(c.router(), c.params()).withPredictor(c.predictor());
        if (c.predictor().equals("text-logistic")) {
            TrafficSample withPrompts = SyntheticWorkload.sampleWithPrompts(sampleQueries, models, 1);
            s = new Scenario(s.name(), withPrompts, s.catalog(), s.prices(), s.modelPool(), s.router(), s.routerParameters(),
                    s.predictor(), null, s.sla(), s.feedback(), s.volume(), s.mixShift(), s.seed(), s.replications(),
                    s.calibrationFraction(), s.scaling());
            p = PreparedScenario.of(s);
        }
        Simulator one = new Simulator(w.registry(), 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long perRun = Math.max(100_000, requests / iterations);
        one.run(p, s.withVolume(Scenario.Volume.requests(Math.max(100_000, requests / 10))), RunControl.NONE); // warm-up
        // then warm-up runs of the measured size until two in a row agree within SETTLED (the JIT has compiled the loop
        // it keeps: its first compilations are replaced within the first runs, decision 1020), at most MAX_WARMUP_RUNS
        int warmups = 0;
        double previous = Double.NaN;
        while (warmups < MAX_WARMUP_RUNS) {
            double rate = timedRun(one, p, s, perRun, threads).rate();
            warmups++;
            if (Math.abs(rate - previous) <= SETTLED * previous) {
                break;
            }
            previous = rate;
        }
        double[] rates = new double[iterations];
        SimulationResult r = null;
        for (int i = 0; i < iterations; i++) {
            Timed t = timedRun(one, p, s, perRun, threads);
            r = t.result();
            rates[i] = t.rate();
        }
        return new Measured(rates, r.meanSatisfaction().mean(), r.costPerRequest().mean(), warmups);
    }

    /** Warm-up runs of the measured size stop when two in a row are this close (relative). */
    static final double SETTLED = 0.05;
    static final int MAX_WARMUP_RUNS = 6;

    private record Timed(SimulationResult result, double rate) {
    }

    /** One run of {@code perRun} requests, in requests per second of this thread's CPU time. */
    private static Timed timedRun(Simulator one, PreparedScenario p, Scenario s, long perRun, ThreadMXBean threads) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        SimulationResult r = one.run(p, s.withVolume(Scenario.Volume.requests(perRun)), RunControl.NONE);
        double seconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Timed(r, r.simulatedRequests() / seconds);
    }

    /** Runs this command in a fresh JVM (same java, class path and heap options) for configuration {@code index}. */
    private Measured forked(int index) throws Exception {
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a profiler or debugger attached to this JVM is not carried into the measured one
            if (!a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-XX:FlightRecorderOptions")
                    && !a.startsWith("-agentlib") && !a.startsWith("-agentpath") && !a.startsWith("-javaagent")
                    && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SwitchyardCli.class.getName(), "bench",
                "--fork-config", Integer.toString(index), "--requests", Long.toString(requests), "--sample-queries",
                Integer.toString(sampleQueries), "--iterations", Integer.toString(iterations)));
        Path err = Files.createTempFile("switchyard-bench", ".err");
        try {
            Process proc = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            proc.getOutputStream().close();
            String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = proc.waitFor();
            if (exit != 0) {
                List<String> lines = Files.readAllLines(err);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
                throw new IllegalStateException("bench: the measuring JVM for configuration " + index + " exited with "
                        + exit + (tail.isBlank() ? "" : ": " + tail));
            }
            JsonNode j = Json.mapper().readTree(text);
            JsonNode rs = j.get("rates");
            double[] rates = new double[rs.size()];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = rs.get(i).asDouble();
            }
            return new Measured(rates, j.get("meanSatisfaction").asDouble(), j.get("costPerRequest").asDouble(),
                    j.path("warmupRuns").asInt(0));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (iterations < 1 || iterations > 100) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--iterations must be between 1 and 100, got " + iterations);
        }
        int models = 12;
        Workload w = workload(models);
        Routers registry = w.registry();
        Scenario base = w.base();
        PreparedScenario prepared = w.prepared();
        List<Config> configs = w.configs();
        if (forkConfig >= 0) {
            if (forkConfig >= configs.size()) {
                throw new IllegalArgumentException("no bench configuration #" + forkConfig);
            }
            Measured m = measure(w, configs.get(forkConfig), models);
            ObjectNode o = Json.mapper().createObjectNode();
            ArrayNode rs = o.putArray("rates");
            for (double r : m.rates()) {
                rs.add(r);
            }
            o.put("meanSatisfaction", m.meanSatisfaction()).put("costPerRequest", m.costPerRequest())
                    .put("warmupRuns", m.warmupRuns());
            out.println(Json.mapper().writeValueAsString(o));
            out.flush();
            return 0;
        }
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode results = root.putArray("results");
        long perRun = Math.max(100_000, requests / iterations);
        if (!json) {
            out.printf(Locale.ROOT, "engine %s, %d cores, %d models; per router: a warm-up (then runs of the measured size"
                    + " until two agree within %.0f%%, at most %d), then %d runs of %,d requests,"
                    + " median [min - max] (one thread, CPU time, %s)%n", EngineInfo.version(),
                    Runtime.getRuntime().availableProcessors(), models, SETTLED * 100, MAX_WARMUP_RUNS, iterations, perRun,
                    inProcess ? "all routers in this JVM" : "each router in a fresh JVM");
            out.printf(Locale.ROOT, "synthetic IRT sample of %,d queries (evaluation pool %,d)%n", sampleQueries, prepared.evaluationRows());
        }
        for (int index = 0; index < configs.size(); index++) {
            Config c = configs.get(index);
            if (only != null && !c.router().equals(only)) {
                continue;
            }
            Measured m = inProcess ? measure(w, c, models) : forked(index);
            String label = c.router() + (c.params().values().isEmpty() ? "" : " " + c.params().values());
            results.addObject().put("router", label).put("predictor", c.predictor()).put("models", models)
                    .put("requestsPerSecondPerCore", Math.round(m.median()))
                    .put("requestsPerSecondPerCoreMin", Math.round(m.min()))
                    .put("requestsPerSecondPerCoreMax", Math.round(m.max()))
                    .put("iterations", m.rates().length).put("requestsPerIteration", perRun)
                    .put("warmupRuns", m.warmupRuns())
                    .put("isolation", inProcess ? "in-process" : "fork")
                    .put("meanSatisfaction", m.meanSatisfaction()).put("costPerRequest", m.costPerRequest());
            if (!json) {
                out.printf(Locale.ROOT, "  %-34s %-14s %,14.0f requests/s/core  [%,.0f - %,.0f]%n", label, c.predictor(),
                        m.median(), m.min(), m.max());
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
