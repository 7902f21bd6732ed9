package dev.switchyard.engine.export;

import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runnable example of a Java service embedding {@link LiveRouter}: it loads the configuration
 * the planner exported, routes requests from several request threads at once, calls the chosen
 * model (here: a stand-in), and reports thumbs-down feedback. It also shows PROTEUS serving a
 * target per request and per tenant, and the bounded ticket table.
 */
class EmbeddingExampleTest {
    @TempDir
    Path dir;

    /** The service: everything it needs from Switchyard is this class and a configuration file. */
    static final class ChatService {
        private final LiveRouter router;

        ChatService(Path config) throws Exception {
            this.router = LiveRouter.load(config); // warm start: resumes from what the simulation learned
        }

        /** Handles one user request: route, call the model, learn from the user's reaction. */
        String handle(String category, String prompt, int inputTokens, boolean userComplains) {
            LiveRouter.Decision d = router.route(new LiveRequest(category, inputTokens, 0, null, null,
                    System.currentTimeMillis(), prompt));
            String answer = "answer from " + d.model(); // the service calls d.model() through its own gateway here
            double paid = d.expectedCostUsd();          // ... and reports what the call really cost
            router.observe(new LiveFeedback(d.ticket(), d.model(), true, userComplains ? Signal.REPORT : Signal.SILENCE, paid));
            return answer;
        }
    }

    private Path export(String router, RouterParameters params) throws Exception {
        Scenario s = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, router)
                .withRouter(router, params).withTarget(0.85).withVolume(Scenario.Volume.requests(6000))
                .withScaling(Scenario.Scaling.exact()).withCalibrationFraction(0.3).withSeed(8);
        PreparedScenario p = PreparedScenario.of(s);
        CapturedRun run = CapturedRun.simulate(s, p, 1, RunControl.NONE);
        Path file = dir.resolve(router + ".json");
        RoutingConfigJson.write(run.config(s, p, null, Instant.EPOCH), file);
        return file;
    }

    @Test
    void aServiceRoutesFromManyThreadsAtOnce() throws Exception {
        ChatService service = new ChatService(export("slarouter", RouterParameters.none()));
        String[] cats = {"math", "code", "chat", "legal"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> done = new ArrayList<>();
        Set<String> models = ConcurrentHashMap.newKeySet();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            done.add(pool.submit(() -> {
                SplittableRandom rng = new SplittableRandom(seed);
                for (int i = 0; i < 5000; i++) {
                    models.add(service.handle(cats[rng.nextInt(4)], null, 100 + rng.nextInt(2000), rng.nextDouble() < 0.05));
                }
                return 5000;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(20_000, total);
        assertEquals(20_000, service.router.routed(), "every concurrent call was counted once");
        assertEquals(0, service.router.droppedTickets());
        assertTrue(!models.isEmpty());
        double q = service.router.state().scalars().get("Q");
        assertTrue(Double.isFinite(q) && q >= 0, "the queue stayed a valid number under concurrency: " + q);
    }

    @Test
    void pendingTicketsAreBoundedOldestDroppedAndCounted() throws Exception {
        LiveRouter r = LiveRouter.builder(RoutingConfigJson.read(export("slarouter", RouterParameters.none())))
                .pendingLimit(100).build();
        List<LiveRouter.Decision> ds = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ds.add(r.route(new LiveRequest("code", 500, 0, null, null, i, null)));
        }
        assertEquals(150, r.droppedTickets(), "tickets without feedback pushed out of the table");
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> r.observe(new LiveFeedback(
                ds.get(0).ticket(), ds.get(0).model(), true, Signal.SILENCE, 0.001)));
        assertTrue(late.getMessage().contains("forgotten"), late.getMessage());
        LiveRouter.Decision last = ds.get(249);
        r.observe(new LiveFeedback(last.ticket(), last.model(), true, Signal.SILENCE, 0.001)); // recent ones still work
    }

    @Test
    void proteusTakesTheTargetPerRequestAndPerTenant() throws Exception {
        RoutingConfig cfg = RoutingConfigJson.read(export("proteus", RouterParameters.of("iterations", "300", "hiddenUnits", "8")));
        LiveRouter r = LiveRouter.of(cfg);
        double lowCost = 0;
        double highCost = 0;
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            LiveRequest req = new LiveRequest(new String[] {"math", "code", "chat", "legal"}[rng.nextInt(4)], 200 + rng.nextInt(2000),
                    0, null, null, i, null);
            lowCost += r.route(req, 0.85).expectedCostUsd();
            highCost += r.route(req, 0.95).expectedCostUsd();
        }
        assertTrue(highCost > lowCost, "a higher target buys dearer models from the same policy: " + lowCost + " vs " + highCost);
        LiveRouter perTenant = LiveRouter.builder(cfg).tenantTarget("premium", 0.95).build();
        LiveRouter perRequest = LiveRouter.of(cfg);
        for (int i = 0; i < 200; i++) {
            String cat = new String[] {"math", "code", "chat", "legal"}[i % 4];
            assertEquals(perRequest.route(new LiveRequest(cat, 300 + 7 * i, 0, null, null, i, null), 0.95).model(),
                    perTenant.route(new LiveRequest(cat, 300 + 7 * i, 0, "premium", null, i, null)).model(),
                    "a tenant's target is the per-request target for its requests");
        }
        RoutingConfig sla = RoutingConfigJson.read(export("slarouter", RouterParameters.none()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveRouter.of(sla).route(
                new LiveRequest("code", 100, 0, null, null, 0, null), 0.95));
        assertTrue(e.getMessage().contains("only PROTEUS"), e.getMessage());
    }

    @Test
    void theCascadeAsksTheServicesJudge() throws Exception {
        RoutingConfig cfg = RoutingConfigJson.read(export("cascade", RouterParameters.none()));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> LiveRouter.of(cfg)
                .route(new LiveRequest("code", 100, 0, null, null, 0, null)));
        assertTrue(none.getMessage().contains("judge"), none.getMessage());
        List<String> asked = new ArrayList<>();
        LiveRouter r = LiveRouter.builder(cfg).judge((req, model) -> {
            asked.add(model);
            return false; // rejects everything: the cascade escalates to its last model
        }).build();
        LiveRouter.Decision d = r.route(new LiveRequest("code", 100, 0, null, null, 0, null));
        assertTrue(!asked.isEmpty());
        assertEquals(asked, d.alsoCall(), "every rejected model was called first");
        LiveRouter accepting = LiveRouter.builder(cfg).judge(new SimulatedJudge((req, m) -> true, 0.0, 1)).build();
        assertEquals(asked.get(0), accepting.route(new LiveRequest("code", 100, 0, null, null, 0, null)).model(),
                "an accepting judge keeps the first (cheapest) answer");
    }
}
