package dev.switchyard.engine.export;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import dev.switchyard.engine.traffic.Dictionary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The routing configuration, live: a small, stable API a Java service embeds to route production
 * requests with the router the planner simulated.
 *
 * <pre>{@code
 * LiveRouter router = LiveRouter.load(Path.of("routing-config.json"));
 * LiveRouter.Decision d = router.route(new LiveRequest("code", 1200, 0, null, null, System.currentTimeMillis(), null));
 * // call d.model() (and d.alsoCall() when the router explores by calling every model) ...
 * router.observe(new LiveFeedback(d.ticket(), d.model(), true, userReported ? Signal.REPORT : Signal.SILENCE, cost));
 * }</pre>
 *
 * <p>The router is rebuilt exactly as the simulator built it for replication 0 (same context, same
 * parameters, same generator seed) and computes a request's expected costs the way the simulator
 * did (input tokens at the assumed prices plus the category's mean output tokens), so given the
 * same requests and feedback it makes the same decisions as the simulation. It starts from the
 * router's initial state; the configuration's learned state is carried for inspection (routers do
 * not yet offer a warm-start hook). Thread-safe: calls are serialised.
 *
 * <p>Routers that need the labelled calibration split (offline routers such as PROTEUS, baselines
 * fitted on it) or a judge (cascade) cannot be rebuilt from a configuration; {@link #load} says so.
 */
public final class LiveRouter {
    /** Requests remembered for feedback; older tickets are forgotten. */
    public static final int DEFAULT_PENDING_LIMIT = 200_000;

    private final RoutingConfig config;
    private final Router router;
    private final RouterDescriptor descriptor;
    private final Dictionary categories;
    private final Dictionary tenants;
    private final Dictionary tiers;
    private final ModelPrice[] prices;
    private final double[][] outMean;
    private final double[][] recMean;
    private final double normaliser;
    private final Optional<TextFeatureExtractor> extractor;
    private final Map<Long, View> pending;
    private final LiveServing serving = new LiveServing();
    private long sequence;

    /** What to do with a request. */
    public record Decision(long ticket, String model, int modelIndex, boolean explored, List<String> alsoCall) {
        public Decision {
            alsoCall = List.copyOf(alsoCall);
        }
    }

    private LiveRouter(RoutingConfig config, Routers registry, int pendingLimit) {
        this.config = config;
        this.descriptor = registry.descriptor(config.router().name());
        if (descriptor.isBound()) {
            throw new IllegalArgumentException("'" + descriptor.name() + "' is a hindsight bound (it reads the answers' true"
                    + " quality), not a deployable router");
        }
        if (descriptor.needsCalibration()) {
            throw new IllegalArgumentException("router '" + descriptor.name() + "' is trained on the labelled calibration"
                    + " split, which a configuration does not carry; it cannot be rebuilt live from this file yet");
        }
        int m = config.models().size();
        this.categories = Dictionary.of(config.categories());
        this.tenants = Dictionary.of(config.tenants());
        this.tiers = Dictionary.of(config.slaTiers());
        this.prices = new ModelPrice[m];
        double[] meanExpected = new double[m];
        for (int j = 0; j < m; j++) {
            prices[j] = config.models().get(j).price();
            meanExpected[j] = config.models().get(j).meanExpectedCostUsd();
        }
        this.outMean = config.meanOutputTokens();
        this.recMean = config.meanRecordedCostUsd();
        CostScale scale = new CostScale(meanExpected, config.costs().basis());
        this.normaliser = scale.normaliser();
        if (Double.compare(normaliser, config.costs().normaliserUsd()) != 0) {
            throw new IllegalArgumentException("field 'costs.normaliserUsd' (" + config.costs().normaliserUsd()
                    + ") does not match the models' mean expected costs (largest " + normaliser + "); the file was edited");
        }
        this.extractor = config.textFeatures() == null ? Optional.empty()
                : Optional.of(registry.textFeatureExtractor(config.textFeatures()).orElseThrow(() -> new IllegalArgumentException(
                        "field 'textFeatures' names extractor '" + config.textFeatures() + "', which this build does not have")));
        FeedbackAssumptions fa = new FeedbackAssumptions(FeedbackKind.valueOf(config.feedback().kind()),
                config.feedback().assumedRate(), config.feedback().assumedFalseReportRate());
        RoutingContext context = new RoutingContext(config.modelIds(), categories, tenants, tiers, scale,
                new QualityPriors(config.priors().means(), config.priors().strength(), config.priors().source()),
                config.sla().target(), fa, Optional.empty(), extractor, config.predictor(),
                new SplittableRandom(config.routerSeed()), registry.predictors(),
                config.sla().window() == null ? null : dev.switchyard.engine.routing.SlaWindow.of(config.sla().window(),
                        config.sla().windowRequests(), dev.switchyard.engine.routing.SlaWindow.FIRST_REQUEST));
        try {
            this.router = registry.create(descriptor.name(), context, new RouterParameters(config.parameters()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("router '" + descriptor.name() + "' cannot be rebuilt from this configuration: "
                    + e.getMessage(), e);
        }
        int limit = pendingLimit;
        this.pending = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, View> eldest) {
                return size() > limit;
            }
        };
    }

    /** Loads a configuration file written by the planner. */
    public static LiveRouter load(Path file) throws ImportException, IOException {
        RoutingConfig config = RoutingConfigJson.read(file);
        try {
            return of(config);
        } catch (IllegalArgumentException e) {
            throw new ImportException(dev.switchyard.engine.io.SourceLocation.ofFile(file.getFileName().toString()), e.getMessage(), e);
        }
    }

    public static LiveRouter of(RoutingConfig config) {
        return new LiveRouter(config, Routers.standard(), DEFAULT_PENDING_LIMIT);
    }

    public static LiveRouter of(RoutingConfig config, Routers registry, int pendingLimit) {
        return new LiveRouter(config, registry, pendingLimit);
    }

    public RoutingConfig config() {
        return config;
    }

    public List<String> models() {
        return config.modelIds();
    }

    /** Chooses the model for a request. Keep the ticket to report feedback. */
    public synchronized Decision route(LiveRequest request) {
        int c = categories.indexOf(request.category());
        if (c < 0) {
            throw new IllegalArgumentException("category '" + request.category() + "' is not one the router was configured for: "
                    + categories.values());
        }
        View view = new View(sequence++, c, request, index(tenants, request.tenant(), "tenant"),
                index(tiers, request.slaTier(), "SLA tier"));
        serving.reset(view);
        int choice = router.route(view, serving);
        if (choice < 0 || choice >= prices.length) {
            throw new IllegalStateException("router '" + descriptor.name() + "' returned model index " + choice);
        }
        pending.put(view.sequence, view);
        List<String> also = new ArrayList<>();
        for (int j : serving.called) {
            if (j != choice) {
                also.add(config.modelIds().get(j));
            }
        }
        return new Decision(view.sequence, config.modelIds().get(choice), choice, serving.explored, also);
    }

    /** Reports feedback about an earlier decision. */
    public synchronized void observe(LiveFeedback feedback) {
        View view = pending.get(feedback.ticket());
        if (view == null) {
            throw new IllegalArgumentException("feedback for request #" + feedback.ticket() + " arrived after it was forgotten"
                    + " (or it was never routed here); only the last " + DEFAULT_PENDING_LIMIT + " requests are kept");
        }
        int model = config.modelIds().indexOf(feedback.model());
        if (model < 0) {
            throw new IllegalArgumentException("model '" + feedback.model() + "' is not in the routing pool " + config.modelIds());
        }
        router.observe(new Event(view, model, feedback, normaliser, sequence - 1 - view.sequence));
    }

    /** The router's current multiplier (lambda, or Q/V), NaN when it has none. */
    public synchronized double multiplier() {
        return router.multiplier();
    }

    public synchronized LearnedState state() {
        return router.exportState();
    }

    private static int index(Dictionary dict, String value, String what) {
        if (value == null || dict.size() == 0) {
            return -1;
        }
        int i = dict.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException(what + " '" + value + "' is not one the router was configured for: " + dict.values());
        }
        return i;
    }

    /** A request as the router sees it; kept until its feedback arrives. */
    private final class View implements RequestView {
        final long sequence;
        final int category;
        final LiveRequest request;
        final int tenant;
        final int tier;
        final double[] expected;
        final FeatureVector features;

        View(long sequence, int category, LiveRequest request, int tenant, int tier) {
            this.sequence = sequence;
            this.category = category;
            this.request = request;
            this.tenant = tenant;
            this.tier = tier;
            int m = prices.length;
            this.expected = new double[m];
            for (int j = 0; j < m; j++) {
                // exactly the simulator's expected cost (PreparedScenario, decision 0300)
                if (prices[j] != null) {
                    long in = request.inputTokens();
                    long cached = request.cachedInputTokens();
                    double base = prices[j].cost(in, cached, 0);
                    double perOut = (prices[j].cost(in, cached, 1_000_000) - base) / 1_000_000.0;
                    expected[j] = base + outMean[category][j] * perOut;
                } else {
                    expected[j] = recMean[category][j];
                }
            }
            this.features = extractor.map(e -> e.extract(request.prompt() == null ? "" : request.prompt())).orElse(FeatureVector.EMPTY);
        }

        @Override
        public long sequence() {
            return sequence;
        }

        @Override
        public int category() {
            return category;
        }

        @Override
        public int inputTokens() {
            return request.inputTokens();
        }

        @Override
        public int cachedInputTokens() {
            return request.cachedInputTokens();
        }

        @Override
        public int tenant() {
            return tenant;
        }

        @Override
        public int slaTier() {
            return tier;
        }

        @Override
        public long timeMillis() {
            return request.timeMillis();
        }

        @Override
        public int modelCount() {
            return expected.length;
        }

        @Override
        public double expectedCost(int model) {
            return expected[model];
        }

        @Override
        public double normalisedCost(int model) {
            return expected[model] / normaliser;
        }

        @Override
        public FeatureVector textFeatures() {
            return features;
        }
    }

    private record Event(View request, int model, LiveFeedback feedback, double normaliser, long delay) implements FeedbackEvent {
        @Override
        public boolean served() {
            return feedback.served();
        }

        @Override
        public Signal signal() {
            return feedback.signal();
        }

        @Override
        public double costPaid() {
            return feedback.costPaidUsd();
        }

        @Override
        public double normalisedCostPaid() {
            return feedback.costPaidUsd() / normaliser;
        }

        @Override
        public long delayRequests() {
            return delay;
        }
    }

    /** In production the caller makes the calls; the router only says which. */
    private final class LiveServing implements Serving {
        View view;
        boolean explored;
        final List<Integer> called = new ArrayList<>();

        void reset(View v) {
            view = v;
            explored = false;
            called.clear();
        }

        @Override
        public double call(int model) {
            if (!called.contains(model)) {
                called.add(model);
            }
            return view.expectedCost(model); // the realised cost is reported with the feedback
        }

        @Override
        public boolean judge(int model, double errorRate) {
            throw new UnsupportedOperationException("router '" + descriptor.name() + "' needs a judge inside the serving"
                    + " loop (cascade); LiveRouter cannot run it");
        }

        @Override
        public void explore() {
            explored = true;
        }

        @Override
        public int calls() {
            return called.size();
        }
    }
}
