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
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.TextFeatureExtractor;

import dev.switchyard.engine.routing.WarmState;
import dev.switchyard.engine.routing.proteus.ProteusRouter;
import dev.switchyard.engine.catalog.RateBudget;
import dev.switchyard.engine.traffic.Dictionary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The routing configuration, live: a small, stable API a Java service embeds to route production
 * requests with the router the planner simulated. It needs the engine jar and Jackson only.
 *
 * <pre>{@code
 * LiveRouter router = LiveRouter.load(Path.of("routing-config.json"));          // warm start by default
 * LiveRouter.Decision d = router.route(new LiveRequest("code", 1200, 0, "acme", "gold", now, prompt));
 * // call d.model() (and d.alsoCall() when the router explores by calling every model) ...
 * router.observe(new LiveFeedback(d.ticket(), d.model(), true, thumbsDown ? Signal.REPORT : Signal.SILENCE, costUsd));
 * router.route(request, 0.95);                                                  // PROTEUS: tau per request
 * }</pre>
 *
 * <p><b>Same decisions as the simulation.</b> The router is rebuilt exactly as the simulator built
 * it for replication 0 (same context, parameters and generator seed), from the configuration alone:
 * offline routers and baselines from their exported trained state (correctness-predictor weights,
 * PROTEUS's policy, theta, OmniRouter's multipliers, the baselines' choices), online routers from
 * their parameters plus, by default, the learned state at the end of the simulation (warm start;
 * {@link Builder#coldStart()} for a cold one). Expected costs are computed as the simulator did
 * (input tokens at the assumed prices plus the category's mean output tokens).
 *
 * <p><b>Rate limits.</b> When the configuration carries the catalog's per-model rate limits, a request its routed
 * model has no room for in this minute goes to the declared fallback, exactly as in the simulation (decision 1420);
 * {@link Decision#model()} is then the fallback and {@link Decision#routedModel()} the router's choice.
 *
 * <p><b>Thread-safe</b>: calls are serialised on the instance (a router's state is one sequence of
 * decisions and feedback; that is what makes it reproducible). <b>Bounded</b>: the last
 * {@code pendingLimit} requests are remembered for feedback; older tickets are dropped and counted
 * ({@link #droppedTickets()}). Oracles are refused with the reason (they read the hidden truth).
 */
public final class LiveRouter {
    /** Requests remembered for feedback; older tickets are forgotten. */
    public static final int DEFAULT_PENDING_LIMIT = 200_000;

    /**
     * The cascade's judge, implemented by the embedding service (for instance with the embedding
     * or grading service it already runs): called inside {@link #route} with the model whose answer
     * the service has just obtained; true accepts it, false escalates to the next model.
     */
    @FunctionalInterface
    public interface Judge {
        boolean accept(LiveRequest request, String model);
    }

    private final RoutingConfig config;
    private final Routers registry;
    private final RoutingContext context;
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
    private final List<String> modelIds;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final View[] pending;
    private final boolean[] answered;
    private final LiveServing serving;
    private final Judge judge;
    private final Map<String, Double> tenantTargets;
    private final Map<Double, Router> perTarget = new HashMap<>();
    private final boolean warm;
    private final Limiter limiter;
    private long sequence;
    private long dropped;

    /**
     * What to do with a request.
     *
     * @param model the model to serve it with: the router's choice, or the declared fallback when the choice has no
     *     room left in this minute (report its feedback and latency under this model)
     * @param expectedCostUsd the expected cost of serving it with {@code model} as the router saw it
     *     (input tokens at the configuration's prices plus the category's mean output tokens)
     * @param routedModel the router's choice before the rate limits
     * @param rateLimited true when the request goes to a fallback because {@code routedModel} is at its limit
     * @param overLimit true when no model of the fallback chain has room: {@code model} is the routed model, over its
     *     declared limit (the simulation counts these in {@code overLimitShare})
     */
    public record Decision(long ticket, String model, int modelIndex, boolean explored, List<String> alsoCall,
                           double expectedCostUsd, String routedModel, boolean rateLimited, boolean overLimit) {
        public Decision {
            alsoCall = List.copyOf(alsoCall);
        }

        /** A decision no rate limit changed. */
        public Decision(long ticket, String model, int modelIndex, boolean explored, List<String> alsoCall,
                        double expectedCostUsd) {
            this(ticket, model, modelIndex, explored, alsoCall, expectedCostUsd, model, false, false);
        }
    }

    /** Options for {@link #builder}. */
    public static final class Builder {
        private final RoutingConfig config;
        private Routers registry = Routers.standard();
        private int pendingLimit = DEFAULT_PENDING_LIMIT;
        private boolean warm = true;
        private Judge judge;
        private final Map<String, Double> tenantTargets = new LinkedHashMap<>();

        private Builder(RoutingConfig config) {
            this.config = config;
        }

        /** Starts online routers from their parameters, ignoring the learned state. */
        public Builder coldStart() {
            this.warm = false;
            return this;
        }

        public Builder warmStart(boolean on) {
            this.warm = on;
            return this;
        }

        public Builder pendingLimit(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("pending limit must be >= 1, got " + n);
            }
            this.pendingLimit = n;
            return this;
        }

        public Builder registry(Routers r) {
            this.registry = r;
            return this;
        }

        /** The cascade's judge (required for the cascade router). */
        public Builder judge(Judge j) {
            this.judge = j;
            return this;
        }

        /** A satisfaction target per tenant (PROTEUS only: it serves any target without retraining). */
        public Builder tenantTarget(String tenant, double tau) {
            if (!(tau > 0 && tau < 1)) {
                throw new IllegalArgumentException("target of tenant '" + tenant + "' must be in (0,1), got " + tau);
            }
            tenantTargets.put(tenant, tau);
            return this;
        }

        public LiveRouter build() {
            return new LiveRouter(this);
        }
    }

    public static Builder builder(RoutingConfig config) {
        return new Builder(config);
    }

    private LiveRouter(Builder b) {
        this.config = b.config;
        this.registry = b.registry;
        this.descriptor = registry.descriptor(config.router().name());
        String refusal = ConfiguredRouters.refusal(descriptor);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
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
        this.serving = new LiveServing(m);
        this.modelIds = config.modelIds();
        for (int j = 0; j < m; j++) {
            modelIndex.put(modelIds.get(j), j);
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
        this.context = new RoutingContext(config.modelIds(), categories, tenants, tiers, scale,
                new QualityPriors(config.priors().means(), config.priors().strength(), config.priors().source()),
                config.sla().routerTarget(), fa, Optional.empty(), extractor, config.predictor(),
                new SplittableRandom(config.routerSeed()), registry.predictors(),
                config.sla().window() == null ? null : dev.switchyard.engine.routing.SlaWindow.of(config.sla().window(),
                        config.sla().windowRequests(), dev.switchyard.engine.routing.SlaWindow.FIRST_REQUEST))
                .withLatency(config.latency() == null ? null : config.latency().toTarget(),
                        config.latency() == null ? null : config.latency().toPriors(config.modelIds()));
        this.warm = b.warm;
        try {
            this.router = ConfiguredRouters.build(config, context, registry, warm);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("router '" + descriptor.name() + "' cannot be rebuilt from this configuration: "
                    + e.getMessage(), e);
        }
        this.judge = b.judge;
        if (!b.tenantTargets.isEmpty()) {
            requireTargetAtRunTime();
            for (String t : b.tenantTargets.keySet()) {
                index(tenants, t, "tenant");
            }
        }
        this.tenantTargets = Map.copyOf(b.tenantTargets);
        this.pending = new View[b.pendingLimit];
        this.answered = new boolean[b.pendingLimit];
        this.limiter = config.hasRateLimits() ? new Limiter() : null;
    }

    /** Loads a configuration file written by the planner; warm start. */
    public static LiveRouter load(Path file) throws ImportException, IOException {
        return load(file, true);
    }

    /** Loads a configuration file; {@code warm} restores the learned state (false: cold start). */
    public static LiveRouter load(Path file, boolean warm) throws ImportException, IOException {
        RoutingConfig config = RoutingConfigJson.read(file);
        try {
            return builder(config).warmStart(warm).build();
        } catch (IllegalArgumentException e) {
            throw new ImportException(dev.switchyard.engine.io.SourceLocation.ofFile(file.getFileName().toString()), e.getMessage(), e);
        }
    }

    public static LiveRouter of(RoutingConfig config) {
        return builder(config).build();
    }

    public static LiveRouter of(RoutingConfig config, Routers registry, int pendingLimit) {
        return builder(config).registry(registry).pendingLimit(pendingLimit).build();
    }

    public RoutingConfig config() {
        return config;
    }

    public List<String> models() {
        return modelIds;
    }

    /** True when the learned state was restored (warm start). */
    public boolean warmStarted() {
        return warm && config.warmState() != null;
    }

    /** Chooses the model for a request, at the tenant's target when one was set, else the configuration's. */
    public synchronized Decision route(LiveRequest request) {
        Double tau = request.tenant() == null ? null : tenantTargets.get(request.tenant());
        return decide(request, tau == null ? router : routerFor(tau));
    }

    /**
     * Chooses the model for a request at target {@code tau}: PROTEUS only (one trained policy serves
     * any target; the others learned or calibrated their state for the configured target).
     */
    public synchronized Decision route(LiveRequest request, double tau) {
        return decide(request, routerFor(tau));
    }

    private void requireTargetAtRunTime() {
        if (!(router instanceof ProteusRouter)) {
            throw new IllegalArgumentException("router '" + descriptor.name() + "' cannot change its target at run time: it "
                    + (descriptor.role() == RouterDescriptor.Role.ONLINE ? "learned its queue and estimates" : "was calibrated")
                    + " for target " + config.sla().routerTarget() + "; only PROTEUS serves any target from one trained policy");
        }
    }

    private Router routerFor(double tau) {
        requireTargetAtRunTime();
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        if (tau == config.sla().routerTarget()) {
            return router;
        }
        return perTarget.computeIfAbsent(tau, t -> new ProteusRouter(((ProteusRouter) router).policy(), t));
    }

    private Decision decide(LiveRequest request, Router r) {
        int c = categories.indexOf(request.category());
        if (c < 0) {
            throw new IllegalArgumentException("category '" + request.category() + "' is not one the router was configured for: "
                    + categories.values());
        }
        long ticket = sequence++;
        int slot = (int) (ticket % pending.length);
        View old = pending[slot];
        if (old != null && !answered[slot]) {
            dropped++;
        }
        View view = new View(ticket, c, request, index(tenants, request.tenant(), "tenant"),
                index(tiers, request.slaTier(), "SLA tier"));
        pending[slot] = view;
        answered[slot] = false;
        serving.reset(view);
        int choice = r.route(view, serving);
        if (choice < 0 || choice >= prices.length) {
            throw new IllegalStateException("router '" + descriptor.name() + "' returned model index " + choice);
        }
        List<String> also = List.of();
        if (serving.calledCount > 0) {
            List<String> a = new ArrayList<>(serving.calledCount);
            for (int k = 0; k < serving.calledCount; k++) {
                int j = serving.called[k];
                if (j != choice) {
                    a.add(modelIds.get(j));
                }
            }
            also = a;
        }
        if (limiter == null) {
            return new Decision(ticket, modelIds.get(choice), choice, serving.explored, also, view.expected[choice]);
        }
        long overBefore = limiter.overLimit();
        int served = limiter.serve(choice, view, serving);
        return new Decision(ticket, modelIds.get(served), served, serving.explored, also, view.expected[served],
                modelIds.get(choice), served != choice, limiter.overLimit() != overBefore);
    }

    /** Requests sent to a declared fallback because the routed model was at its rate limit. */
    public synchronized long rateLimitedRequests() {
        return limiter == null ? 0 : limiter.rateLimited();
    }

    /** Requests no model of the fallback chain had room for (served by the routed model over its limit). */
    public synchronized long overLimitRequests() {
        return limiter == null ? 0 : limiter.overLimit();
    }

    /** Reports feedback about an earlier decision. */
    public synchronized void observe(LiveFeedback feedback) {
        long ticket = feedback.ticket();
        int slot = ticket < 0 ? -1 : (int) (ticket % pending.length);
        View view = slot < 0 ? null : pending[slot];
        if (view == null || view.sequence != ticket) {
            throw new IllegalArgumentException("feedback for request #" + ticket + " arrived after it was forgotten"
                    + " (or it was never routed here); only the last " + pending.length + " requests are kept");
        }
        Integer model = modelIndex.get(feedback.model());
        if (model == null) {
            throw new IllegalArgumentException("model '" + feedback.model() + "' is not in the routing pool " + modelIds);
        }
        answered[slot] = true;
        router.observe(new Event(view, model, feedback, normaliser, sequence - 1 - view.sequence));
    }

    /**
     * Reports the observed latency of an answer served for an earlier decision, as soon as it completes
     * (before its satisfaction feedback, if any). Routers with a latency term learn from it; the others
     * ignore it. Thread-safe like {@link #observe}.
     *
     * @param ttftMs time to first token in ms
     * @param totalMs time to the last token in ms
     */
    public synchronized void observeLatency(long ticket, String model, double ttftMs, double totalMs) {
        int slot = ticket < 0 ? -1 : (int) (ticket % pending.length);
        View view = slot < 0 ? null : pending[slot];
        if (view == null || view.sequence != ticket) {
            throw new IllegalArgumentException("latency for request #" + ticket + " arrived after it was forgotten"
                    + " (or it was never routed here); only the last " + pending.length + " requests are kept");
        }
        Integer index = modelIndex.get(model);
        if (index == null) {
            throw new IllegalArgumentException("model '" + model + "' is not in the routing pool " + modelIds);
        }
        if (!(ttftMs >= 0) || !(totalMs >= ttftMs) || Double.isInfinite(totalMs)) {
            throw new IllegalArgumentException("latency of request #" + ticket + " must be 0 <= ttftMs <= totalMs (finite), got "
                    + ttftMs + " and " + totalMs);
        }
        router.observeLatency(view, index, ttftMs, totalMs);
    }

    /** The latency term the router holds, {@link dev.switchyard.engine.routing.LatencyTarget#none()} when none. */
    public dev.switchyard.engine.routing.LatencyTarget latencyTarget() {
        return context.latency();
    }

    /** Tickets forgotten before any feedback arrived for them (the pending table is bounded). */
    public synchronized long droppedTickets() {
        return dropped;
    }

    /** Requests routed so far. */
    public synchronized long routed() {
        return sequence;
    }

    /** The router's current multiplier (lambda, or Q/V), NaN when it has none. */
    public synchronized double multiplier() {
        return router.multiplier();
    }

    /** What the router has learned, for people (dashboards, logs). */
    public synchronized LearnedState state() {
        return router.exportState();
    }

    /** The state to resume from, for a new configuration file (null when the router has none). */
    public synchronized WarmState warmState() {
        return router.warmState();
    }

    /** This configuration with the router's current learned state as its warm state (to hand over to a restart). */
    public synchronized RoutingConfig snapshot() {
        WarmState w = router.warmState();
        return config.withWarmState(w == null ? config.warmState() : RoutingConfig.StateDoc.of(w));
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
        FeatureVector features;

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
            // extracted on first use: routers that never read the prompt (category predictors) do not pay for it
            if (features == null) {
                features = extractor.isEmpty() ? FeatureVector.EMPTY
                        : extractor.get().extract(request.prompt() == null ? "" : request.prompt());
            }
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

    /**
     * The configuration's rate limits, live (decision 1420): per minute of the requests' arrival clock, the requests and
     * tokens each model was sent, and the simulation's rule for a request its routed model has no room for (sim/RateLimiter,
     * decision 1403): down the declared fallback chain to the first model with room, else the routed model over its
     * limit; an answer the router already called for itself (exploration, a cascade step) is served as is and counted.
     * A live request is one real request. Its tokens are its input tokens plus the category's mean output tokens of the
     * model (what the expected cost assumes): the output is not known when the request must be sent, and providers
     * count a request against the token limit when they admit it.
     */
    private final class Limiter {
        private final RateBudget budget;
        private long minute = Long.MIN_VALUE;

        Limiter() {
            int m = modelIds.size();
            long[] rpm = new long[m];
            long[] tpm = new long[m];
            int[] fallback = new int[m];
            for (int j = 0; j < m; j++) {
                RoutingConfig.ModelRateLimit limit = config.models().get(j).rateLimit();
                rpm[j] = limit == null ? 0 : limit.requestsPerMinute();
                tpm[j] = limit == null ? 0 : limit.tokensPerMinute();
                fallback[j] = limit == null || !limit.hasFallback() ? -1 : modelIndex.get(limit.fallback());
            }
            budget = new RateBudget(rpm, tpm, fallback);
        }

        int serve(int routed, View view, LiveServing calls) {
            // a request stamped earlier than the current minute (clocks of several front ends) counts in the current one
            long now = Math.floorDiv(view.request.timeMillis(), 60_000L);
            if (now > minute) {
                minute = now;
                budget.newMinute();
            }
            double input = view.request.inputTokens();
            double[] output = outMean[view.category];
            for (int k = 0; k < calls.calledCount; k++) {
                if (calls.called[k] == routed) {
                    budget.useProduced(routed, input, output);
                    return routed;
                }
            }
            return budget.serveOne(routed, input, output);
        }

        long rateLimited() {
            return budget.servedByFallback();
        }

        long overLimit() {
            return budget.servedOverLimit();
        }
    }

    /** In production the caller makes the calls; the router only says which (the cascade asks the service's judge). */
    private final class LiveServing implements Serving {
        View view;
        boolean explored;
        final int[] called;
        int calledCount;

        LiveServing(int models) {
            called = new int[models];
        }

        void reset(View v) {
            view = v;
            explored = false;
            calledCount = 0;
        }

        @Override
        public double call(int model) {
            for (int k = 0; k < calledCount; k++) {
                if (called[k] == model) {
                    return view.expectedCost(model);
                }
            }
            called[calledCount++] = model;
            return view.expectedCost(model); // the realised cost is reported with the feedback
        }

        @Override
        public boolean judge(int model, double errorRate) {
            if (judge == null) {
                throw new IllegalStateException("router '" + descriptor.name() + "' asks a judge whether to accept each answer;"
                        + " give LiveRouter one (LiveRouter.builder(config).judge(...), e.g. SimulatedJudge in tests)");
            }
            return judge.accept(view.request, modelIds.get(model));
        }

        @Override
        public void explore() {
            explored = true;
        }

        @Override
        public int calls() {
            return calledCount;
        }
    }
}
