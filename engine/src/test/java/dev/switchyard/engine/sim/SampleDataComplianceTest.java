package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SLARouter holds tau cumulatively on the hidden truth of the bundled sample data (support-desk,
 * where category routing can reach 0.93; the main assistant-platform sample tops out at 0.79 for
 * category routing, so targets of 0.80 and above there need the prompt-text predictor).
 */
class SampleDataComplianceTest {
    private static Scenario base;
    private static PreparedScenario prepared;

    @BeforeAll
    static void load() throws Exception {
        SampleBundle bundle = SampleData.load();
        NamedTraffic desk = bundle.traffic().stream().filter(t -> t.name().equals("support-desk")).findFirst().orElseThrow();
        base = Scenario.of(desk.sample(), bundle.priceSheets().get(0), bundle.catalog(), "slarouter")
                .withVolume(Scenario.Volume.requests(150_000)).withReplications(3).withSeed(11);
        prepared = PreparedScenario.of(base);
    }

    @ParameterizedTest(name = "support-desk tau={0} q={1}")
    @CsvSource({"0.80,1.0", "0.80,0.2", "0.80,0.05", "0.85,1.0", "0.85,0.2", "0.85,0.05", "0.90,1.0", "0.90,0.2", "0.90,0.05"})
    void slaRouterHoldsTheTargetOnTheBundledSupportDesk(double tau, double q) {
        Scenario s = base.withTarget(tau).withFeedback(Scenario.Feedback.oneSided(q));
        SimulationResult r = Simulator.standard().run(prepared, s, RunControl.NONE);
        for (ReplicationResult rep : r.replications()) {
            assertTrue(rep.meanSatisfaction() >= tau, "support-desk replication " + rep.replication() + " ended at "
                    + rep.meanSatisfaction() + " < tau " + tau + " (q=" + q + "), cost/request " + rep.costPerRequest());
        }
        assertTrue(r.savingsVsBestFixed().mean() > 0, "savings " + r.savingsVsBestFixed());
        assertTrue(!r.tiers().isEmpty(), "the sample has SLA tiers; results must report them");
    }
}
