package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BoundsAndMonotonicityTest {
    private static Scenario base;
    private static PreparedScenario prepared;

    @BeforeAll
    static void prepare() throws Exception {
        base = Scenario.of(SyntheticWorkload.sample(10_000, 8, 77), SyntheticWorkload.prices(8), Catalog.empty(), "slarouter")
                .withVolume(Scenario.Volume.requests(60_000)).withReplications(2).withSeed(5);
        prepared = PreparedScenario.of(base);
    }

    private static SimulationResult run(Scenario s) {
        return Simulator.standard().run(prepared, s, RunControl.NONE);
    }

    @Test
    void slaOracleIsNeverMoreExpensiveThanARouterReachingTheSameSatisfaction() {
        double ceiling = run(base.withRouter("oracle")).meanSatisfaction().mean();
        for (String router : List.of("slarouter", "messplus", "best-fixed", "cheapest", "cheapest-meeting-target", "random-mix",
                "cascade")) {
            SimulationResult r = run(base.withRouter(router).withTarget(0.85));
            double reached = r.meanSatisfaction().mean();
            if (reached >= ceiling - 1e-6 || reached <= 0) {
                continue;
            }
            SimulationResult bound = run(base.withRouter("sla-oracle").withTarget(reached));
            assertTrue(bound.meanSatisfaction().mean() >= reached - 0.01, router + ": oracle reached " + bound.meanSatisfaction());
            assertTrue(bound.costPerRequest().mean() <= r.costPerRequest().mean(),
                    router + " costs " + r.costPerRequest().mean() + " per request at satisfaction " + reached
                            + " but the SLA oracle costs " + bound.costPerRequest().mean());
            assertTrue(r.ratioToSlaOracle().mean() >= 1 - 1e-9 || reached < 0.85, router + " ratio " + r.ratioToSlaOracle());
        }
    }

    @Test
    void costAndSatisfactionRiseWithTheTarget() {
        for (String router : List.of("slarouter", "random-mix", "sla-oracle")) {
            double prevCost = 0;
            double prevSat = 0;
            for (double tau : new double[] {0.75, 0.80, 0.85, 0.90}) {
                SimulationResult r = run(base.withRouter(router).withTarget(tau).withFeedback(Scenario.Feedback.oneSided(0.2)));
                double cost = r.costPerRequest().mean();
                double sat = r.meanSatisfaction().mean();
                assertTrue(cost >= prevCost * 0.98, router + " cost fell from " + prevCost + " to " + cost + " at tau " + tau);
                assertTrue(sat >= prevSat - 0.005, router + " satisfaction fell from " + prevSat + " to " + sat + " at tau " + tau);
                prevCost = cost;
                prevSat = sat;
            }
        }
    }

    @Test
    void boundsAreMarkedAndBestFixedSavesNothing() {
        SimulationResult oracle = run(base.withRouter("sla-oracle"));
        assertTrue(oracle.bound());
        assertTrue(oracle.router().isBound());
        SimulationResult best = run(base.withRouter("best-fixed"));
        assertTrue(Math.abs(best.savingsVsBestFixed().mean()) < 1e-9, "best fixed saves " + best.savingsVsBestFixed());
        assertTrue(best.modelShare().get(prepared.bestFixedModel()) > 0.999);
    }
}
