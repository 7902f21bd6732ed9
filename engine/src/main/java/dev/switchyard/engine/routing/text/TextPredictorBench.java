package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.traffic.Dictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Throughput benchmark of the {@code text-logistic} predictor inside SLARouter, one-sided feedback
 * on every request included: route, draw the outcome, report or stay silent, learn. Requests come
 * from a pool of synthetic prompts of {@code words} words hashed by the default extractor. Measures
 * one thread in thread CPU time, so the figure is per core; {@link #main} reports the best of three
 * rounds after a warm-up. Not a test: the bench command and {@link #main} run it.
 */
public final class TextPredictorBench {

    /**
     * @param models pool size
     * @param meanNonZeros mean hashed features per request
     * @param requestsPerSecond requests routed and learned from per second, one thread
     */
    public record Result(String router, String predictor, int models, double meanNonZeros, long requests,
                         double requestsPerSecond) {
        public String summary() {
            return String.format(Locale.ROOT, "%s + %s, %d models, %.0f features/request: %,.0f requests/s/core",
                    router, predictor, models, meanNonZeros, requestsPerSecond);
        }
    }

    private TextPredictorBench() {
    }

    public static void main(String[] args) {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        run(models, 30, requests / 5, 1); // warm-up: let the JIT compile the hot loop
        Result best = null;
        for (int round = 0; round < 3; round++) {
            Result r = run(models, 30, requests, 2 + round);
            best = best == null || r.requestsPerSecond() > best.requestsPerSecond() ? r : best;
        }
        System.out.println(best.summary());
    }

    /** Runs {@code requests} requests through SLARouter with the text predictor. */
    public static Result run(int models, int words, long requests, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TextFeaturizer extractor = TextFeaturizer.defaults();
        int poolSize = 4096;
        int cats = 8;
        FeatureVector[] feats = new FeatureVector[poolSize];
        int[] cat = new int[poolSize];
        int[] tokens = new int[poolSize];
        double[] success = new double[poolSize * models];
        double nnz = 0;
        for (int i = 0; i < poolSize; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < words; k++) {
                sb.append("w").append(rng.nextInt(5000)).append(' ');
            }
            feats[i] = extractor.extract(sb.toString());
            nnz += feats[i].size();
            cat[i] = rng.nextInt(cats);
            tokens[i] = 50 + rng.nextInt(1000);
            for (int m = 0; m < models; m++) {
                success[i * models + m] = Math.min(0.99, 0.4 + 0.55 * m / Math.max(1, models - 1) + 0.1 * rng.nextDouble() - 0.05);
            }
        }
        double[] price = new double[models];
        for (int m = 0; m < models; m++) {
            price[m] = Math.pow(100, (double) m / Math.max(1, models - 1));
        }
        List<String> ids = new ArrayList<>();
        List<String> catNames = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ids.add("model-" + m);
        }
        for (int c = 0; c < cats; c++) {
            catNames.add("category-" + c);
        }
        double[][] prior = new double[cats][models];
        for (int c = 0; c < cats; c++) {
            for (int m = 0; m < models; m++) {
                prior[c][m] = 0.4 + 0.55 * m / Math.max(1, models - 1);
            }
        }
        double q = 0.2;
        RoutingContext ctx = new RoutingContext(ids, Dictionary.of(catNames), Dictionary.of(List.of()), Dictionary.of(List.of()),
                new CostScale(price, "bench prices"), new QualityPriors(prior, 10, "bench"), 0.85,
                new FeedbackAssumptions(FeedbackKind.ONE_SIDED, q, 0), Optional.empty(), Optional.of(extractor),
                TextLogisticPredictor.NAME, new SplittableRandom(seed + 1), Routers.standard().predictors());
        Router router = Routers.standard().create("slarouter", ctx, RouterParameters.of("predictor", TextLogisticPredictor.NAME));

        View view = new View(models, price);
        Event event = new Event(view);
        NoServing serving = new NoServing();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
        long start = cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        long sink = 0;
        for (long t = 0; t < requests; t++) {
            int i = (int) (t & (poolSize - 1));
            view.set(t, cat[i], tokens[i], feats[i]);
            int m = router.route(view, serving);
            boolean ok = rng.nextDouble() < success[i * models + m];
            event.set(m, !ok && rng.nextDouble() < q ? Signal.REPORT : Signal.SILENCE, price[m]);
            router.observe(event);
            sink += m;
        }
        // CPU time of this thread: "per core" even when the machine is shared with other work
        double seconds = ((cpuTime ? cpu.getCurrentThreadCpuTime() : System.nanoTime()) - start) / 1e9;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return new Result("slarouter", TextLogisticPredictor.NAME, models, nnz / poolSize, requests, requests / seconds);
    }

    private static final class View implements RequestView {
        private final int models;
        private final double[] price;
        private long seq;
        private int category;
        private int tokens;
        private FeatureVector features;

        View(int models, double[] price) {
            this.models = models;
            this.price = price;
        }

        void set(long seq, int category, int tokens, FeatureVector features) {
            this.seq = seq;
            this.category = category;
            this.tokens = tokens;
            this.features = features;
        }

        @Override public long sequence() { return seq; }
        @Override public int category() { return category; }
        @Override public int inputTokens() { return tokens; }
        @Override public int cachedInputTokens() { return 0; }
        @Override public int tenant() { return -1; }
        @Override public int slaTier() { return -1; }
        @Override public long timeMillis() { return 0; }
        @Override public int modelCount() { return models; }
        @Override public double expectedCost(int model) { return price[model]; }
        @Override public double normalisedCost(int model) { return price[model] / price[models - 1]; }
        @Override public FeatureVector textFeatures() { return features; }
    }

    private static final class Event implements FeedbackEvent {
        private final View view;
        private int model;
        private Signal signal;
        private double cost;

        Event(View view) {
            this.view = view;
        }

        void set(int model, Signal signal, double cost) {
            this.model = model;
            this.signal = signal;
            this.cost = cost;
        }

        @Override public RequestView request() { return view; }
        @Override public int model() { return model; }
        @Override public boolean served() { return true; }
        @Override public Signal signal() { return signal; }
        @Override public double costPaid() { return cost; }
        @Override public double normalisedCostPaid() { return cost / view.price[view.models - 1]; }
        @Override public long delayRequests() { return 0; }
    }

    private static final class NoServing implements Serving {
        @Override public double call(int model) { return 0; }
        @Override public boolean judge(int model, double errorRate) { return true; }
        @Override public void explore() { }
        @Override public int calls() { return 0; }
    }
}
