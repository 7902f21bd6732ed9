package dev.switchyard.engine.export;

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
import dev.switchyard.engine.routing.WarmState;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warm start: the simulator runs a router for a month; at the first request of day 11 the
 * router's warm state is taken. A {@link LiveRouter} loaded from a configuration file carrying that
 * state is then fed the simulation's requests and feedback from day 11 on, and must choose exactly
 * what the uninterrupted simulated router chose, every time (exploration draws included).
 */
class WarmStartTest {
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    record Routed(long seq, String category, int in, int cached, long time, int model, boolean explored) {
    }

    record Observed(long seq, String model, boolean served, Signal signal, double cost) {
    }

    /** Records the simulated router's requests and feedback from day 11 on, and its warm state at that moment. */
    static final class Recorder implements Router {
        final Router inner;
        final RoutingContext ctx;
        final List<Object> after = new ArrayList<>();
        long firstDay = -1;
        WarmState snapshot;
        long before;

        Recorder(Router inner, RoutingContext ctx) {
            this.inner = inner;
            this.ctx = ctx;
        }

        @Override
        public int route(RequestView r, Serving s) {
            long day = Math.floorDiv(r.timeMillis(), DAY);
            if (firstDay < 0) {
                firstDay = day;
            }
            boolean recording = day - firstDay >= 10;
            if (recording && snapshot == null) {
                snapshot = inner.warmState();
            }
            int calls = s.calls();
            int choice = inner.route(r, s);
            if (recording) {
                after.add(new Routed(r.sequence(), ctx.categories().get(r.category()), r.inputTokens(), r.cachedInputTokens(),
                        r.timeMillis(), choice, s.calls() > calls + 1));
            } else {
                before++;
            }
            return choice;
        }

        @Override
        public void observe(FeedbackEvent e) {
            if (snapshot != null) {
                after.add(new Observed(e.request().sequence(), ctx.models().get(e.model()), e.served(), e.signal(), e.costPaid()));
            }
            inner.observe(e);
        }

        @Override
        public LearnedState exportState() {
            return inner.exportState();
        }
    }

    private void resumesExactly(String router, RouterParameters params, Scenario.Feedback feedback) throws Exception {
        resumesExactly(router, params, feedback, null);
    }

    private void resumesExactly(String router, RouterParameters params, Scenario.Feedback feedback, Scenario.Sla sla)
            throws Exception {
        Recorder[] holder = new Recorder[1];
        RouterDescriptor d = Routers.standard().descriptor(router);
        Routers registry = RouterCapture.registryWith(router, (base, call) -> {
            holder[0] = new Recorder(base.create(call.context(), call.parameters()), call.context());
            return holder[0];
        });
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, router)
                .withRouter(router, params).withTarget(0.8).withFeedback(feedback)
                .withVolume(Scenario.Volume.requests(20_000)).withScaling(Scenario.Scaling.exact())
                .withCalibrationFraction(0).withSeed(17);
        if (sla != null) {
            scenario = scenario.withSla(sla);
        }
        new Simulator(registry, 1).run(scenario);
        Recorder rec = holder[0];
        assertNotNull(rec.snapshot, "the run reached day 11");
        assertTrue(rec.before > 5000, "ten days of learning: " + rec.before + " requests");

        Path file = dir.resolve(router + "-day10.json");
        RoutingConfig base = RoutingConfigs.export(scenario, null, null, Instant.EPOCH);
        RoutingConfigJson.write(base.withWarmState(RoutingConfig.StateDoc.of(rec.snapshot)), file);
        LiveRouter live = LiveRouter.load(file);
        assertTrue(live.warmStarted());
        assertEquals(d.name(), live.config().router().name());

        Map<Long, Long> tickets = new HashMap<>();
        int routed = 0;
        int explored = 0;
        for (Object step : rec.after) {
            if (step instanceof Routed r) {
                LiveRouter.Decision dec = live.route(new LiveRequest(r.category(), r.in(), r.cached(), null, null, r.time(), null));
                assertEquals(r.model(), dec.modelIndex(), router + ": decision " + routed + " from day 11 differs");
                tickets.put(r.seq(), dec.ticket());
                routed++;
                explored += dec.explored() ? 1 : 0;
            } else if (step instanceof Observed o) {
                Long t = tickets.get(o.seq());
                if (t != null) { // feedback for a request of the first ten days arrived after the snapshot: not in the state
                    live.observe(new LiveFeedback(t, o.model(), o.served(), o.signal(), o.cost()));
                }
            }
        }
        assertTrue(routed > 8000, "compared the rest of the month: " + routed);
        assertTrue(explored > 0, router + ": exploration steps after day 10 were compared too");
        assertEquals(holder[0].inner.multiplier(), live.multiplier(), 1e-12, "ends where the simulated router ended");

        // and cold start really is different: the same file without the state diverges
        LiveRouter cold = LiveRouter.load(file, false);
        assertTrue(!cold.warmStarted());
        int differ = 0;
        for (Object step : rec.after) {
            if (step instanceof Routed r && cold.route(new LiveRequest(r.category(), r.in(), r.cached(), null, null, r.time(),
                    null)).modelIndex() != r.model()) {
                differ++;
            }
        }
        assertTrue(differ > 0, router + ": a cold start decides differently");
    }

    @Test
    void slaRouterResumesFromDayTenExactly() throws Exception {
        resumesExactly("slarouter", RouterParameters.of("V", "20"), Scenario.Feedback.oneSided(0.3));
    }

    @Test
    void slaRouterWithUniformExplorationResumesExactly() throws Exception {
        // uniform exploration draws a second number on exploration steps: the restore must replay those too
        resumesExactly("slarouter", RouterParameters.of("exploration", "uniform", "c", "1"), Scenario.Feedback.oneSided(0.3));
    }

    @Test
    void slaRouterWithRequestWindowsResumesExactly() throws Exception {
        // N-request windows go by sequence number, which a LiveRouter starts afresh at 0: the restored
        // router must continue the window it was in (1000-request windows, the snapshot falls mid-window)
        resumesExactly("slarouter", RouterParameters.none(), Scenario.Feedback.oneSided(0.3),
                new Scenario.Sla(0.8, Scenario.Window.REQUESTS, 1000));
    }

    @Test
    void slaRouterWithWeeklyWindowsResumesExactly() throws Exception {
        resumesExactly("slarouter", RouterParameters.of("exploration", "uniform"), Scenario.Feedback.oneSided(0.3),
                new Scenario.Sla(0.8, Scenario.Window.WEEK, 0));
    }

    @Test
    void messPlusResumesFromDayTenExactly() throws Exception {
        resumesExactly("messplus", RouterParameters.none(), Scenario.Feedback.twoSided(0.5));
    }

    @Test
    void aPredictorWithoutRestorableStateIsRefusedWithAColdStartHint() throws Exception {
        Scenario scenario = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, "slarouter")
                .withVolume(Scenario.Volume.requests(2000)).withScaling(Scenario.Scaling.exact()).withCalibrationFraction(0);
        RoutingConfig base = RoutingConfigs.export(scenario, null, null, Instant.EPOCH);
        RoutingConfig wrong = base.withWarmState(RoutingConfig.StateDoc.of(new WarmState("messplus", Map.of("t", 1.0), Map.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveRouter.of(wrong));
        assertTrue(e.getMessage().contains("messplus"), e.getMessage());
        assertTrue(LiveRouter.builder(wrong).coldStart().build().routed() == 0, "a cold start ignores the state");
    }
}
