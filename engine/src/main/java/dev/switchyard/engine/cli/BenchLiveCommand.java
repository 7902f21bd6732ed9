package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.export.LiveFeedback;
import dev.switchyard.engine.export.LiveRequest;
import dev.switchyard.engine.export.LiveRouter;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.RoutingConfigJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.routing.Signal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchyard bench-live}: decisions per second of a {@link LiveRouter} on one thread (route
 * plus the feedback call, as a service makes them), without JMH: warm-up rounds, then the median of
 * timed rounds, per CPU second of the benchmark thread (as {@code bench} counts per core) and per
 * wall-clock second. On a shared machine compare it as a ratio against another build run alternately.
 */
@Command(name = "bench-live", mixinStandardHelpOptions = true,
        description = "Decisions per second of the live router on one thread (route + observe), median of timed rounds.")
public final class BenchLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Routing configuration.")
    Path config;

    @Option(names = "--requests", defaultValue = "2000000", paramLabel = "N", description = "Requests per round (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "R", description = "Timed rounds after two warm-up rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--cold", description = "Cold start instead of the configuration's learned state.")
    boolean cold;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (requests < 1000 || rounds < 1) {
            err.println("error: --requests must be >= 1000 and --rounds >= 1");
            return 2;
        }
        RoutingConfig cfg;
        try {
            cfg = RoutingConfigJson.read(config);
        } catch (ImportException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        // a fixed request mix: the configuration's categories, token counts up to 4,000, 5% thumbs-down
        int n = 1 << 16;
        LiveRequest[] reqs = new LiveRequest[n];
        boolean[] complain = new boolean[n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            reqs[i] = new LiveRequest(cfg.categories().get(rng.nextInt(cfg.categories().size())), 50 + rng.nextInt(4000), 0,
                    null, null, i, null);
            complain[i] = rng.nextDouble() < 0.05;
        }
        double[] rates = new double[rounds];
        double[] wallRates = new double[rounds];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = -2; round < rounds; round++) {
            LiveRouter live;
            try {
                live = LiveRouter.builder(cfg).warmStart(!cold).build();
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < requests; i++) {
                int k = i & (n - 1);
                LiveRouter.Decision d = live.route(reqs[k]);
                live.observe(new LiveFeedback(d.ticket(), d.model(), true, complain[k] ? Signal.REPORT : Signal.SILENCE,
                        d.expectedCostUsd()));
                sink += d.modelIndex();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            if (round >= 0) {
                // CPU time of this thread: on a shared machine wall time mostly measures the other processes
                rates[round] = requests / cpuSecs;
                wallRates[round] = requests / secs;
            }
        }
        java.util.Arrays.sort(rates);
        java.util.Arrays.sort(wallRates);
        double median = rates[rounds / 2];
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("router", cfg.router().name());
            root.put("predictor", cfg.predictor());
            root.put("decisionsPerSecond", median);
            root.put("minDecisionsPerSecond", rates[0]);
            root.put("maxDecisionsPerSecond", rates[rounds - 1]);
            root.put("wallClockDecisionsPerSecond", wallRates[rounds / 2]);
            root.put("requestsPerRound", requests);
            root.put("rounds", rounds);
            root.put("threads", 1);
            root.put("checksum", sink);
            out.println(Json.mapper().writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "%s (%s predictor): %,.0f decisions per CPU second on one thread (route + observe; median of %d"
                    + " rounds, range %,.0f-%,.0f; %,.0f per wall-clock second)%n", cfg.router().displayName(), cfg.predictor(),
                    median, rounds, rates[0], rates[rounds - 1], wallRates[rounds / 2]);
        }
        out.flush();
        return 0;
    }
}
