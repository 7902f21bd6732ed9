package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
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
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingAndFeedbackTest {
    private static final TrafficSample SAMPLE = SyntheticWorkload.sample(3000, 4, 8);

    @Test
    void largeVolumesAreSubsampledAfterTheExactPeriodAndSaySo() throws Exception {
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "slarouter")
                .withVolume(new Scenario.Volume(3_000_000, 0.10, 3, true)).withScaling(new Scenario.Scaling(7, 100_000))
                .withTarget(0.8);
        SimulationResult r = Simulator.standard().run(s);
        long total = 3_000_000 + 3_300_000 + 3_630_000;
        assertEquals(total, r.requests());
        assertTrue(r.scaled());
        assertTrue(r.scalingNote().contains("scaled"), r.scalingNote());
        // exact first 7 days (700K) plus at most 100K per month afterwards
        assertEquals(700_000 + 3 * 100_000, r.simulatedRequests());
        assertTrue(r.totalCostSamplingError().mean() > 0);
        assertTrue(r.satisfactionSamplingError().mean() > 0 && r.satisfactionSamplingError().mean() < 0.01);
        assertEquals(3, r.months().size());
        assertEquals(3_300_000, r.months().get(1).requests(), 1e-6);
        double monthSum = r.months().stream().mapToDouble(m -> m.cost().mean()).sum();
        assertEquals(r.totalCost().mean(), monthSum, 1e-6 * r.totalCost().mean());
    }

    @Test
    void smallRunsAreExact() throws Exception {
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "cheapest")
                .withVolume(Scenario.Volume.requests(20_000));
        SimulationResult r = Simulator.standard().run(s);
        assertFalse(r.scaled());
        assertEquals(20_000, r.simulatedRequests());
        assertEquals(0.0, r.totalCostSamplingError().mean());
        assertEquals(30, r.replications().get(0).daily().windows());
        assertEquals(4, r.replications().get(0).weekly().windows()); // the 2-day stub is reported apart (decision 0308)
    }

    /** A router plugged in through the provider SPI that records what feedback reaches it. */
    static final class Spy implements Router {
        final List<long[]> seen = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();

        @Override
        public int route(RequestView request, Serving serving) {
            return (int) (request.sequence() % request.modelCount());
        }

        @Override
        public void observe(FeedbackEvent e) {
            seen.add(new long[] {e.request().sequence(), e.delayRequests(), e.model()});
            signals.add(e.signal());
        }

        @Override
        public LearnedState exportState() {
            return LearnedState.of("spy", Map.of());
        }
    }

    private static Routers withSpy(List<Spy> spies) {
        RouterDescriptor d = new RouterDescriptor("spy", "Spy", "Records feedback.", false, "", RouterDescriptor.Role.ONLINE,
                true, List.of());
        RouterFactory f = new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                Spy s = new Spy();
                spies.add(s);
                return s;
            }
        };
        return Routers.with(List.of(new RoutingProvider() {
            @Override
            public List<RouterFactory> routers() {
                return List.of(f);
            }
        }));
    }

    @Test
    void delayedFeedbackArrivesLaterAndDescribesTheRequestAsItWasSeen() throws Exception {
        List<Spy> spies = new ArrayList<>();
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "spy")
                .withVolume(Scenario.Volume.requests(5_000)).withFeedback(Scenario.Feedback.full().withDelay(100));
        new Simulator(withSpy(spies), 1).run(s);
        Spy spy = spies.get(0);
        assertEquals(5_000 - 100, spy.seen.size(), "the last 100 answers' feedback has not arrived when the run ends");
        for (int i = 0; i < spy.seen.size(); i++) {
            long[] e = spy.seen.get(i);
            assertEquals(i, e[0]);
            assertEquals(100, e[1]);
            assertEquals(i % 4, e[2]);
        }
    }

    @Test
    void oneSidedFeedbackIsReportsAndSilenceOnlyAndTwoSidedIsSparse() throws Exception {
        List<Spy> spies = new ArrayList<>();
        Routers reg = withSpy(spies);
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "spy").withVolume(Scenario.Volume.requests(20_000));
        new Simulator(reg, 1).run(s.withFeedback(Scenario.Feedback.oneSided(0.2)));
        assertTrue(spies.get(0).signals.stream().allMatch(x -> x == Signal.REPORT || x == Signal.SILENCE));
        long reports = spies.get(0).signals.stream().filter(x -> x == Signal.REPORT).count();
        assertTrue(reports > 0 && reports < 20_000 * 0.2, "reports " + reports);
        new Simulator(reg, 1).run(s.withFeedback(Scenario.Feedback.twoSided(0.2)));
        long labels = spies.get(1).signals.stream().filter(Signal::isLabel).count();
        assertEquals(0.2, labels / 20_000.0, 0.02);
    }

    @Test
    void badScenariosAreRejectedWithActionableMessages() {
        IllegalArgumentException noPrices = assertThrows(IllegalArgumentException.class,
                () -> Scenario.of(SAMPLE, null, Catalog.empty(), "slarouter"));
        assertTrue(noPrices.getMessage().contains("--prices"));
        assertThrows(IllegalArgumentException.class, () -> new Scenario.Sla(1.2, Scenario.Window.DAY, 0));
        assertThrows(IllegalArgumentException.class, () -> Scenario.Feedback.oneSided(0));
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class, () -> Scenario.of(SAMPLE,
                SyntheticWorkload.prices(4), Catalog.empty(), "slarouter").withModelPool(List.of("model-z")));
        assertTrue(pool.getMessage().contains("model-z"));
    }
}
