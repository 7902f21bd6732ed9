package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Common random numbers (decision 0901), the paired-difference API, and the feedback channel's leaks: each leak test
 * fails on the behaviour before the fix (explored answers reported on, explore-all learning only a fraction q).
 */
class CommonRandomNumbersAndFeedbackTest {
    private static final TrafficSample SAMPLE = SyntheticWorkload.sample(3000, 4, 8);

    /** Serves model seq % 4; on every third request also explores model (seq + 1) % 4, or every model. */
    static final class Spy implements Router {
        final boolean explore;
        final boolean exploreAll;
        final Map<Long, Signal> servedSignal = new HashMap<>();
        final Map<Long, Integer> category = new HashMap<>();
        final List<Signal> unservedSignals = new ArrayList<>();
        final List<Signal> exploreAllSignals = new ArrayList<>();
        private boolean lastExploreAll;

        Spy(boolean explore, boolean exploreAll) {
            this.explore = explore;
            this.exploreAll = exploreAll;
        }

        @Override
        public int route(RequestView request, Serving serving) {
            long seq = request.sequence();
            category.put(seq, request.category());
            int served = (int) (seq % request.modelCount());
            lastExploreAll = false;
            if (explore && seq % 3 == 0) {
                serving.explore();
                if (exploreAll) {
                    for (int m = 0; m < request.modelCount(); m++) {
                        serving.call(m);
                    }
                    lastExploreAll = true;
                } else {
                    serving.call((served + 1) % request.modelCount());
                }
            }
            return served;
        }

        @Override
        public void observe(FeedbackEvent e) {
            if (lastExploreAll) {
                exploreAllSignals.add(e.signal());
            }
            if (e.served()) {
                servedSignal.put(e.request().sequence(), e.signal());
            } else {
                unservedSignals.add(e.signal());
            }
        }

        @Override
        public LearnedState exportState() {
            return LearnedState.of("spy", Map.of());
        }
    }

    private static Routers spies(List<Spy> out) {
        List<RouterFactory> factories = new ArrayList<>();
        for (String name : List.of("plain", "explorer", "explore-all")) {
            RouterDescriptor d = new RouterDescriptor(name, name, "Records feedback.", false, "", RouterDescriptor.Role.ONLINE,
                    true, List.of());
            factories.add(new RouterFactory() {
                @Override
                public RouterDescriptor descriptor() {
                    return d;
                }

                @Override
                public Router create(RoutingContext context, RouterParameters parameters) {
                    Spy s = new Spy(!name.equals("plain"), name.equals("explore-all"));
                    out.add(s);
                    return s;
                }
            });
        }
        return Routers.with(List.of(new RoutingProvider() {
            @Override
            public List<RouterFactory> routers() {
                return factories;
            }
        }));
    }

    private static Scenario scenario(String router) throws Exception {
        return Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), router)
                .withVolume(Scenario.Volume.requests(20_000)).withFeedback(new Scenario.Feedback(dev.switchyard.engine.routing.FeedbackKind.ONE_SIDED, 0.5, 0.1, 0, Double.NaN, Double.NaN));
    }

    @Test
    void everyRouterFacesTheSameRequestsAndTheSameUserReactions() throws Exception {
        List<Spy> spies = new ArrayList<>();
        Simulator sim = new Simulator(spies(spies), 1);
        sim.run(scenario("plain"));
        sim.run(scenario("explorer").withTarget(0.7));
        Spy plain = spies.get(0);
        Spy explorer = spies.get(1);
        assertEquals(plain.category, explorer.category, "the same queries, request by request");
        // the explorer's extra calls draw no numbers from the served answers' feedback: the same reports, request by
        // request (before common random numbers every extra call shifted the feedback sequence)
        assertEquals(20_000, plain.servedSignal.size());
        assertEquals(plain.servedSignal, explorer.servedSignal);
    }

    @Test
    void anExploredAnswerTheUserNeverSawGetsNoReport() throws Exception {
        List<Spy> spies = new ArrayList<>();
        new Simulator(spies(spies), 1).run(scenario("explorer"));
        Spy s = spies.get(0);
        assertTrue(s.unservedSignals.size() > 6_000, "explored " + s.unservedSignals.size());
        assertTrue(s.unservedSignals.stream().allMatch(x -> x == Signal.UNLABELLED), "an unserved answer was reported on");
    }

    @Test
    void exploreAllLearnsTheLabelOfEveryAnswerItPaidFor() throws Exception {
        List<Spy> spies = new ArrayList<>();
        new Simulator(spies(spies), 1).run(scenario("explore-all"));
        Spy s = spies.get(0);
        // every third request, four answers: all labelled, served or not (MESS+'s setting), none one-sided
        assertEquals(4 * ((20_000 + 2) / 3), s.exploreAllSignals.size());
        assertTrue(s.exploreAllSignals.stream().allMatch(Signal::isLabel), "explore-all learned only a fraction q");
    }

    @Test
    void pairedDifferencesOfIdenticalRoutersAreZeroWithZeroSpread() throws Exception {
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "slarouter").withTarget(0.8)
                .withVolume(Scenario.Volume.requests(60_000)).withReplications(4);
        Simulator sim = Simulator.standard();
        SimulationResult a = sim.run(s);
        SimulationResult b = sim.withThreads(1).run(s);
        PairedComparison pair = PairedComparison.of(a, b);
        for (PairedComparison.Difference d : List.of(pair.totalCost(), pair.meanSatisfaction(), pair.monthlyBreachProbability(),
                pair.windowCompliance())) {
            assertEquals(0.0, d.mean(), d.metric());
            assertEquals(0.0, d.standardError(), d.metric());
            assertEquals(0.0, d.interval().halfWidth(), d.metric());
            assertEquals(4, d.replications());
        }
    }

    @Test
    void pairingRemovesTheTrafficsNoiseFromATargetComparison() throws Exception {
        Scenario s = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "slarouter")
                .withVolume(Scenario.Volume.requests(60_000)).withReplications(6);
        Simulator sim = Simulator.standard();
        SimulationResult hi = sim.run(s.withTarget(0.86));
        SimulationResult lo = sim.run(s.withTarget(0.84));
        PairedComparison.Difference d = PairedComparison.of(hi, lo).meanSatisfaction();
        Interval a = Interval.studentT(Aggregation.values(hi.replications(), ReplicationResult::meanSatisfaction));
        Interval b = Interval.studentT(Aggregation.values(lo.replications(), ReplicationResult::meanSatisfaction));
        double unpaired = Math.hypot(a.halfWidth(), b.halfWidth());
        assertTrue(d.interval().halfWidth() < unpaired, "paired " + d.interval().halfWidth() + " vs unpaired " + unpaired);
        assertTrue(d.surelyPositive(), "a higher target buys more satisfaction: " + d);
        PairedComparison.Difference perPoint = PairedComparison.of(hi, lo).costPerTargetPoint();
        assertEquals(PairedComparison.of(hi, lo).costPerRequest().mean() / 2, perPoint.mean(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(hi, hi).costPerTargetPoint());
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(hi, sim.run(s.withSeed(99))));
        assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(hi, lo.slim()));
    }

    @Test
    void repeatFactorIsReportedAndATextPredictorAboveTwoIsFlaggedOptimistic() throws Exception {
        TrafficSample prompts = SyntheticWorkload.sampleWithPrompts(2000, 4, 3);
        Scenario s = Scenario.of(prompts, SyntheticWorkload.prices(4), Catalog.empty(), "slarouter")
                .withVolume(Scenario.Volume.requests(20_000)).withTarget(0.8).withCalibrationFraction(0);
        SimulationResult category = Simulator.standard().run(s);
        double distinct = 2000 * (1 - Math.pow(1 - 1 / 2000.0, 20_000));
        assertEquals(20_000 / distinct, category.repeatFactor(), 1e-9);
        assertTrue(category.warnings().stream().noneMatch(w -> w.startsWith("optimistic")), category.warnings().toString());
        SimulationResult text = Simulator.standard().run(s.withPredictor("text-logistic"));
        assertTrue(text.repeatFactor() > 2);
        assertTrue(text.warnings().stream().anyMatch(w -> w.startsWith("optimistic")), text.warnings().toString());
    }
}
