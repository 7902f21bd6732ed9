package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RoutingProvider;
import dev.switchyard.engine.routing.Serving;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits and the declared fallback (decision 1403) against a hand count. The stream: 432,000 requests in a
 * 30-day month without a daily rhythm (the sample has no timestamps), so exactly 10 requests fall in every minute;
 * every request has 1,000 input and 100 output tokens, so every call of a model costs the same; "mini" is always
 * wrong, "mid" and "max" always right; the router always sends to mini (the cheapest).
 */
class RateLimitTest {
    private static final List<String> MODELS = List.of("mini", "mid", "max");
    private static final long N = 432_000;
    private static final double MINI = (1000 * 0.1 + 100 * 0.4) / 1e6;
    private static final double MID = (1000 * 1.0 + 100 * 4.0) / 1e6;
    private static final double MAX = (1000 * 10.0 + 100 * 40.0) / 1e6;

    private static TrafficSample traffic() {
        TrafficSample.Builder b = TrafficSample.builder("limits", MODELS).source("limits.csv");
        for (int q = 0; q < 200; q++) {
            b.add(new QueryRecord("q" + q, q % 2 == 0 ? "chat" : "code", null, null, null, null, 1000, 0,
                    new float[] {0f, 1f, 1f}, new int[] {100, 100, 100}, null, null));
        }
        return b.build();
    }

    private static ModelInfo model(String id, double ttftMs, RateLimit limit) {
        return new ModelInfo(id, null, "p", "f", "t", List.of(), 0, 0, new LatencyProfile(ttftMs, ttftMs, 1000),
                Map.of(), null, "test", limit);
    }

    private static SimulationResult run(RateLimit mini, RateLimit mid, Scenario.Scaling scaling) throws Exception {
        Catalog catalog = new Catalog("c", List.of(model("mini", 100, mini), model("mid", 400, mid), model("max", 1000, null)));
        PriceSheet prices = PriceSheet.of("list", List.of(ModelPrice.flat("mini", 0.1, 0.4), ModelPrice.flat("mid", 1, 4),
                ModelPrice.flat("max", 10, 40)));
        Scenario s = Scenario.of(traffic(), prices, catalog, "cheapest").withTarget(0.5).withCalibrationFraction(0)
                .withVolume(Scenario.Volume.requests(N)).withScaling(scaling).withReplications(1);
        return Simulator.standard().withThreads(1).run(s);
    }

    @Test
    void requestsBeyondTheLimitGoToTheFallbackAndArePaidAndScoredAsIt() throws Exception {
        // mini takes 6 of every minute's 10 requests; the other 4 go to max
        SimulationResult r = run(new RateLimit(6, 0, "max", "test"), null, Scenario.Scaling.exact());
        assertEquals(0.4, r.latency().rateLimitedShare().mean(), 1e-12);
        assertEquals(0.0, r.latency().overLimitShare().mean(), 1e-12);
        assertEquals(0.6, r.modelShare().get("mini"), 1e-12);
        assertEquals(0.4, r.modelShare().get("max"), 1e-12);
        assertEquals(N * (0.6 * MINI + 0.4 * MAX), r.totalCost().mean(), 1e-6 * r.totalCost().mean()); // costs are stored as floats
        assertEquals(0.4, r.meanSatisfaction().mean(), 1e-12, "the fallback's outcome counts");
        // the fallback's latency: 60% at 100 ms, 40% at 1,000 ms
        assertEquals(100, r.latency().run().ttftP50(), 100 * 0.004);
        assertEquals(1000, r.latency().run().ttftP95(), 1000 * 0.004);
        assertTrue(r.latency().notes().stream().anyMatch(n -> n.contains("rate limits")), r.latency().notes().toString());
    }

    @Test
    void tokensPerMinuteLimitWholeRequests() throws Exception {
        // 1,100 tokens a request; 6,000 tokens a minute hold 5 whole requests (5,500), the 6th would not fit
        SimulationResult r = run(new RateLimit(0, 6_000, "max", ""), null, Scenario.Scaling.exact());
        assertEquals(0.5, r.latency().rateLimitedShare().mean(), 1e-12);
        assertEquals(N * (0.5 * MINI + 0.5 * MAX), r.totalCost().mean(), 1e-6 * r.totalCost().mean()); // costs are stored as floats
    }

    @Test
    void aFullFallbackPassesOnDownItsChainAndTheEndOfTheChainIsServedOverTheLimit() throws Exception {
        // mini 6 -> mid 2 -> max: 6, 2, 2 of every 10
        SimulationResult chain = run(new RateLimit(6, 0, "mid", ""), new RateLimit(2, 0, "max", ""), Scenario.Scaling.exact());
        assertEquals(0.6, chain.modelShare().get("mini"), 1e-12);
        assertEquals(0.2, chain.modelShare().get("mid"), 1e-12);
        assertEquals(0.2, chain.modelShare().get("max"), 1e-12);
        assertEquals(0.4, chain.latency().rateLimitedShare().mean(), 1e-12);
        assertEquals(N * (0.6 * MINI + 0.2 * MID + 0.2 * MAX), chain.totalCost().mean(), 1e-6 * chain.totalCost().mean()); // costs are stored as floats
        // mini 6 -> mid 2 and mid declares no fallback: the last 2 of every 10 are served by mini over the limit
        SimulationResult end = run(new RateLimit(6, 0, "mid", ""), new RateLimit(2, 0, "", ""), Scenario.Scaling.exact());
        assertEquals(0.8, end.modelShare().get("mini"), 1e-12);
        assertEquals(0.2, end.modelShare().get("mid"), 1e-12);
        assertEquals(0.2, end.latency().rateLimitedShare().mean(), 1e-12);
        assertEquals(0.2, end.latency().overLimitShare().mean(), 1e-12);
        // a cycle (mid falls back to mini) ends the chain the same way
        SimulationResult cycle = run(new RateLimit(6, 0, "mid", ""), new RateLimit(2, 0, "mini", ""), Scenario.Scaling.exact());
        assertEquals(0.2, cycle.latency().overLimitShare().mean(), 1e-12);
    }

    @Test
    void scaledMonthsCountAtRealVolume() throws Exception {
        // 43,200 simulated requests stand for 432,000: one simulated request per minute, worth 10 real ones; of those
        // 6 fit mini's limit, so 40% of the real volume goes to max however few requests are simulated
        SimulationResult r = run(new RateLimit(6, 0, "max", ""), null, new Scenario.Scaling(0, 43_200));
        assertTrue(r.scaled());
        assertEquals(0.4, r.latency().rateLimitedShare().mean(), 1e-12, "the accounting is in real requests");
        // the simulated request is served by max with probability 0.4: 43,200 draws
        assertEquals(0.4, r.modelShare().get("max"), 0.01);
        assertEquals(r.modelShare().get("max"), r.meanSatisfaction().mean(), 0.01);
    }

    @Test
    void limitsNobodyReachesChangeNothing() throws Exception {
        SimulationResult none = run(null, null, Scenario.Scaling.exact());
        SimulationResult roomy = run(new RateLimit(1_000, 10_000_000, "max", ""), null, Scenario.Scaling.exact());
        assertEquals(none.totalCost().mean(), roomy.totalCost().mean(), 0);
        assertEquals(none.modelShare(), roomy.modelShare());
        assertEquals(none.latency().run(), roomy.latency().run());
        assertEquals(0.0, roomy.latency().rateLimitedShare().mean(), 0);
    }

    /** Always routes to mini; records the served model of every observe() and observeLatency(). */
    static final class Spy implements Router {
        final int[] observedServed = new int[3];
        final int[] latencyObserved = new int[3];

        @Override
        public int route(RequestView request, Serving serving) {
            return 0;
        }

        @Override
        public void observe(FeedbackEvent e) {
            if (e.served()) {
                observedServed[e.model()]++;
            }
        }

        @Override
        public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
            latencyObserved[model]++;
        }

        @Override
        public LearnedState exportState() {
            return LearnedState.of("spy", Map.of());
        }
    }

    @Test
    void aRouterIsToldTheModelThatServed() throws Exception {
        List<Spy> spies = new ArrayList<>();
        RouterDescriptor d = new RouterDescriptor("spy", "Spy", "Records what it observes.", false, "",
                RouterDescriptor.Role.ONLINE, true, List.of());
        RouterFactory f = new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                Spy spy = new Spy();
                spies.add(spy);
                return spy;
            }
        };
        Routers registry = Routers.with(List.of(new RoutingProvider() {
            @Override
            public List<RouterFactory> routers() {
                return List.of(f);
            }
        }));
        Catalog catalog = new Catalog("c", List.of(model("mini", 100, new RateLimit(6, 0, "max", "")),
                model("mid", 400, null), model("max", 1000, null)));
        Scenario s = Scenario.of(traffic(), PriceSheet.of("list", List.of(ModelPrice.flat("mini", 0.1, 0.4),
                        ModelPrice.flat("mid", 1, 4), ModelPrice.flat("max", 10, 40))), catalog, "spy")
                .withTarget(0.5).withCalibrationFraction(0).withVolume(Scenario.Volume.requests(N))
                .withScaling(Scenario.Scaling.exact()).withReplications(1).withFeedback(Scenario.Feedback.full())
                .withLatency(LatencyTarget.of(2000, 0.95));
        new Simulator(registry, 1).run(s);
        Spy spy = spies.get(0);
        assertEquals(N * 6 / 10, spy.observedServed[0]);
        assertEquals(0, spy.observedServed[1]);
        assertEquals(N * 4 / 10, spy.observedServed[2], "feedback names the fallback that served");
        assertEquals(N * 4 / 10, spy.latencyObserved[2], "and so does the observed latency");
    }
}
