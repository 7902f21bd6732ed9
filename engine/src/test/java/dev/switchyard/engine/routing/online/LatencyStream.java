package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.SlaWindow;
import dev.switchyard.engine.traffic.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A synthetic stream for the latency term, fed to a router directly: three models (cheap and fast,
 * middling and fast, strong with a slow prefill), short chat prompts and long document prompts (where the
 * cheap models are weak), one-sided feedback at rate q, log-normal time to first token. The strong model
 * exceeds a few-second L on every long prompt, so a latency target binds exactly where the quality
 * target wants the strong model.
 */
final class LatencyStream {
    static final List<String> MODELS = List.of("fast-cheap", "fast-mid", "strong-slow");
    /** Satisfaction by category (chat: short prompts; documents: long prompts) and model. */
    static final double[][] QUALITY = {{0.85, 0.92, 0.98}, {0.30, 0.40, 0.97}};
    /** Price per request (output-dominated: the same for a short and a long prompt). */
    static final double[] PRICE_PER_REQUEST = {0.001, 0.01, 0.05};
    static final double[] TTFT_P50 = {250, 400, 700};
    static final double[] TTFT_P95 = {450, 700, 1200};
    static final double[] PREFILL_PER_KTOK = {20, 40, 1500};
    static final double SIGMA = Math.log(1200.0 / 700) / 1.6448536269514722;
    static final int SHORT = 300;
    static final int LONG = 4000;
    static final double LONG_SHARE = 0.1;
    static final List<String> TIERS = List.of("gold", "bronze");

    record Outcome(double satisfaction, double costPerRequest, double exceedShare, double[] windowExceedShare,
            double[] windowSatisfaction, double[] tierExceedShare, int[] choices) {
    }

    static LatencyPriors priors() {
        return new LatencyPriors(TTFT_P50, TTFT_P95, PREFILL_PER_KTOK, new double[] {100, 80, 40});
    }

    static RoutingContext context(double tau, double q, long seed, LatencyTarget latency, SlaWindow window, boolean tiers) {
        double[] mean = PRICE_PER_REQUEST.clone();
        FeedbackAssumptions fb = new FeedbackAssumptions(FeedbackKind.ONE_SIDED, q, 0);
        return new RoutingContext(MODELS, Dictionary.of(List.of("chat", "documents")), Dictionary.of(List.of()),
                Dictionary.of(tiers ? TIERS : List.of()), new CostScale(mean, "synthetic"), QualityPriors.neutral(2, 3), tau, fb,
                Optional.empty(), Optional.empty(), "category", new SplittableRandom(seed), Routers.standard().predictors(),
                window, latency, priors());
    }

    /** Runs {@code n} requests; latencies are fed to the router when {@code feedLatency}; windows of {@code windowLength} requests. */
    static Outcome run(Router router, int n, double q, long seed, double targetMs, boolean tiers, double goldMs,
            boolean feedLatency, int windowLength) {
        SplittableRandom world = new SplittableRandom(seed * 7919 + 13);
        View view = new View();
        Event event = new Event();
        NoServing serving = new NoServing();
        int windows = (n + windowLength - 1) / windowLength;
        double[] winExceed = new double[windows];
        double[] winSat = new double[windows];
        double[] winCount = new double[windows];
        double[] tierExceed = new double[2];
        double[] tierCount = new double[2];
        int[] choices = new int[n];
        double sat = 0;
        double cost = 0;
        double exceed = 0;
        for (int i = 0; i < n; i++) {
            view.seq = i;
            view.tokens = world.nextDouble() < LONG_SHARE ? LONG : SHORT;
            view.tier = tiers ? (world.nextDouble() < 0.5 ? 0 : 1) : -1;
            int m = router.route(view, serving);
            choices[i] = m;
            double ttft = (TTFT_P50[m] + PREFILL_PER_KTOK[m] * view.tokens / 1000.0) * Math.exp(SIGMA * gaussian(world));
            int s = world.nextDouble() < QUALITY[view.tokens == LONG ? 1 : 0][m] ? 1 : 0;
            boolean report = s == 0 && world.nextDouble() < q;
            double l = tiers && view.tier == 0 ? goldMs : targetMs;
            int e = ttft > l ? 1 : 0;
            int w = i / windowLength;
            winExceed[w] += e;
            winSat[w] += s;
            winCount[w]++;
            if (tiers) {
                tierExceed[view.tier] += e;
                tierCount[view.tier]++;
            }
            sat += s;
            exceed += e;
            cost += view.normalisedCost(m);
            if (feedLatency) {
                router.observeLatency(view, m, ttft, ttft + 500);
            }
            event.model = m;
            event.served = true;
            event.signal = report ? Signal.REPORT : Signal.SILENCE;
            router.observe(event.of(view));
            for (int other = 0; other < 3; other++) {
                if (serving.called[other] && other != m) {
                    boolean bad = world.nextDouble() >= QUALITY[view.tokens == LONG ? 1 : 0][other];
                    event.model = other;
                    event.served = false;
                    event.signal = bad && world.nextDouble() < q ? Signal.REPORT : Signal.SILENCE;
                    router.observe(event);
                }
            }
            serving.reset();
        }
        for (int w = 0; w < windows; w++) {
            winExceed[w] /= winCount[w];
            winSat[w] /= winCount[w];
        }
        return new Outcome(sat / n, cost / n, exceed / n, winExceed, winSat,
                tiers ? new double[] {tierExceed[0] / tierCount[0], tierExceed[1] / tierCount[1]} : new double[0], choices);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static final class View implements RequestView {
        long seq;
        int tokens;
        int tier;

        @Override public long sequence() { return seq; }
        @Override public int category() { return tokens == LONG ? 1 : 0; }
        @Override public int inputTokens() { return tokens; }
        @Override public int cachedInputTokens() { return 0; }
        @Override public int tenant() { return -1; }
        @Override public int slaTier() { return tier; }
        @Override public long timeMillis() { return 0; }
        @Override public int modelCount() { return 3; }
        @Override public double expectedCost(int model) { return PRICE_PER_REQUEST[model]; }
        @Override public double normalisedCost(int model) { return PRICE_PER_REQUEST[model] / PRICE_PER_REQUEST[2]; }
        @Override public FeatureVector textFeatures() { return FeatureVector.EMPTY; }
    }

    static final class Event implements FeedbackEvent {
        RequestView request;
        int model;
        Signal signal;
        boolean served = true;

        Event of(RequestView r) {
            this.request = r;
            return this;
        }

        @Override public RequestView request() { return request; }
        @Override public int model() { return model; }
        @Override public boolean served() { return served; }
        @Override public Signal signal() { return signal; }
        @Override public double costPaid() { return request.expectedCost(model); }
        @Override public double normalisedCostPaid() { return request.normalisedCost(model); }
        @Override public long delayRequests() { return 0; }
    }

    /** Records the extra calls of explore-all, whose answers the stream then labels through the same channel. */
    static final class NoServing implements Serving {
        final boolean[] called = new boolean[3];
        int calls;

        @Override public double call(int model) {
            if (!called[model]) {
                called[model] = true;
                calls++;
            }
            return 0;
        }
        @Override public boolean judge(int model, double errorRate) { return true; }
        @Override public void explore() { }
        @Override public int calls() { return calls; }

        void reset() {
            java.util.Arrays.fill(called, false);
            calls = 0;
        }
    }
}
