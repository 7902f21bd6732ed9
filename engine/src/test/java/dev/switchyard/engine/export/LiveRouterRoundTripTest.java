package dev.switchyard.engine.export;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.FeedbackEvent;
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
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export config -> load -> same decisions: the simulator runs SLARouter wrapped in a recorder; the
 * configuration exported for that scenario is loaded into a {@link LiveRouter}, which is fed the
 * recorded requests and feedback and must choose the same model every time.
 */
class LiveRouterRoundTripTest {
    @TempDir
    Path dir;

    /** Synthetic traffic: four categories, three models of rising quality and price. */
    static TrafficSample traffic() {
        SplittableRandom rng = new SplittableRandom(5);
        List<String> models = List.of("mini", "mid", "max");
        TrafficSample.Builder b = TrafficSample.builder("synthetic", models).source("synthetic.csv");
        String[] cats = {"math", "code", "chat", "legal"};
        double[][] skill = {{0.45, 0.7, 0.9}, {0.5, 0.75, 0.92}, {0.85, 0.9, 0.95}, {0.4, 0.6, 0.88}};
        for (int q = 0; q < 3000; q++) {
            int c = rng.nextInt(cats.length);
            float[] scores = new float[3];
            int[] out = new int[3];
            for (int m = 0; m < 3; m++) {
                scores[m] = rng.nextDouble() < skill[c][m] ? 1f : 0f;
                out[m] = 50 + rng.nextInt(600);
            }
            b.add(new QueryRecord("q" + q, cats[c], null, null, null, null, 100 + rng.nextInt(3000), 0, scores, out, null, null));
        }
        return b.build();
    }

    static PriceSheet prices() {
        return PriceSheet.of("list", List.of(ModelPrice.flat("mini", 0.1, 0.4), ModelPrice.flat("mid", 1, 4),
                ModelPrice.flat("max", 10, 40)));
    }

    sealed interface Step permits Routed, Observed {
    }

    record Routed(long seq, String category, int in, int cached, long time, int model) implements Step {
    }

    record Observed(long seq, String model, boolean served, Signal signal, double cost) implements Step {
    }

    /** Wraps the real SLARouter and records everything it saw and chose. */
    static final class Recorder implements Router {
        final Router inner;
        final RoutingContext ctx;
        final List<Step> steps;

        Recorder(Router inner, RoutingContext ctx, List<Step> steps) {
            this.inner = inner;
            this.ctx = ctx;
            this.steps = steps;
        }

        @Override
        public int route(RequestView r, Serving s) {
            int choice = inner.route(r, s);
            steps.add(new Routed(r.sequence(), ctx.categories().get(r.category()), r.inputTokens(), r.cachedInputTokens(),
                    r.timeMillis(), choice));
            return choice;
        }

        @Override
        public void observe(FeedbackEvent e) {
            steps.add(new Observed(e.request().sequence(), ctx.models().get(e.model()), e.served(), e.signal(), e.costPaid()));
            inner.observe(e);
        }

        @Override
        public double multiplier() {
            return inner.multiplier();
        }

        @Override
        public LearnedState exportState() {
            return inner.exportState();
        }
    }

    @Test
    void loadedConfigMakesTheSameDecisionsAsTheSimulation() throws Exception {
        List<Step> steps = new ArrayList<>();
        RouterDescriptor sla = Routers.standard().descriptor("slarouter");
        RouterDescriptor rec = new RouterDescriptor("recording-slarouter", "Recorder", "records SLARouter", false, "",
                sla.role(), true, sla.parameters());
        RoutingProvider provider = new RoutingProvider() {
            @Override
            public List<RouterFactory> routers() {
                return List.of(new RouterFactory() {
                    @Override
                    public RouterDescriptor descriptor() {
                        return rec;
                    }

                    @Override
                    public Router create(RoutingContext context, RouterParameters parameters) {
                        return new Recorder(Routers.standard().create("slarouter", context, parameters), context, steps);
                    }
                });
            }
        };
        RouterParameters params = RouterParameters.of("V", "20");
        Scenario scenario = Scenario.of(traffic(), prices(), null, "slarouter")
                .withRouter("slarouter", params)
                .withTarget(0.8)
                .withFeedback(Scenario.Feedback.oneSided(0.3).withDelay(5))
                .withVolume(Scenario.Volume.requests(20_000))
                .withScaling(Scenario.Scaling.exact())
                .withCalibrationFraction(0)
                .withSeed(99);
        SimulationResult result = new Simulator(Routers.with(List.of(provider)), 1)
                .run(scenario.withRouter("recording-slarouter", params));
        SimulationResult plain = Simulator.standard().withThreads(1).run(scenario);
        assertEquals(plain.totalCost().mean(), result.totalCost().mean(), 1e-9, "the recorder does not change the run");

        Path file = dir.resolve("routing-config.json");
        RoutingConfigJson.write(RoutingConfigs.export(scenario, plain, "plan.switchyard", Instant.parse("2026-11-22T12:00:00Z")), file);
        LiveRouter live = LiveRouter.load(file);
        assertEquals("slarouter", live.config().router().name());
        assertTrue(live.config().router().reconstructed());
        assertEquals(plain.learnedState().scalars(), live.config().learnedState().scalars());

        Map<Long, Long> tickets = new HashMap<>();
        int routed = 0;
        int explored = 0;
        for (Step step : steps) {
            if (step instanceof Routed r) {
                LiveRouter.Decision d = live.route(new LiveRequest(r.category(), r.in(), r.cached(), null, null, r.time(), null));
                assertEquals(r.model(), d.modelIndex(), "decision " + routed + " differs");
                tickets.put(r.seq(), d.ticket());
                routed++;
                explored += d.explored() ? 1 : 0;
            } else if (step instanceof Observed o) {
                live.observe(new LiveFeedback(tickets.get(o.seq()), o.model(), o.served(), o.signal(), o.cost()));
            }
        }
        assertEquals(20_000, routed);
        assertTrue(explored > 0 && explored < routed, "both exploration and exploitation were compared");
        assertEquals(plain.learnedState().scalars().get("Q"), live.state().scalars().get("Q"), 1e-12,
                "after the same stream the live router has learned what the simulated one did");
    }

    @Test
    void hostileConfigsAreRefusedWithTheField() throws Exception {
        Scenario scenario = Scenario.of(traffic(), prices(), null, "slarouter").withCalibrationFraction(0)
                .withVolume(Scenario.Volume.requests(2000)).withScaling(Scenario.Scaling.exact());
        String json = new String(RoutingConfigJson.toBytes(RoutingConfigs.export(scenario, null, null, Instant.EPOCH)),
                java.nio.charset.StandardCharsets.UTF_8);
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, json);
        LiveRouter.load(ok);

        ImportException unknown = load(json.replaceFirst("\"predictor\"", "\"surprise\" : true,\n  \"predictor\""));
        assertTrue(unknown.getMessage().contains("surprise"), unknown.getMessage());
        ImportException version = load(json.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        assertTrue(version.getMessage().contains("newer Switchyard"), version.getMessage());
        ImportException schema = load(json.replace("switchyard-routing-config", "switchyard-catalog"));
        assertTrue(schema.getMessage().contains("not a Switchyard routing configuration"), schema.getMessage());
        ImportException target = load(json.replace("\"target\" : 0.9", "\"target\" : 1.2"));
        assertTrue(target.getMessage().contains("sla.target"), target.getMessage());
        ImportException edited = load(json.replaceFirst("\"normaliserUsd\" : [0-9.E-]+", "\"normaliserUsd\" : 123.0"));
        assertTrue(edited.getMessage().contains("normaliserUsd"), edited.getMessage());
        assertTrue(load("{\"schema\": ").getMessage().contains("bad.json"));
    }

    private ImportException load(String text) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text);
        return assertThrows(ImportException.class, () -> LiveRouter.load(bad));
    }
}
