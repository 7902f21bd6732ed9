package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.catalog.Catalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under a mix shift the SLA oracle is refitted to the post-shift mix, so it still meets tau exactly (in
 * expectation) on the traffic it then serves: it stays a bound. Fitted on the old mix it misses tau.
 */
class SlaOracleMixShiftTest {

    @Test
    void slaOracleMeetsTauAfterTheShiftToo() throws Exception {
        double tau = 0.85;
        // chat (easy, 70% of the sample) almost vanishes after the shift: the hard categories dominate
        Scenario s = Scenario.of(ReferenceFiguresTest.traffic(), ReferenceFiguresTest.prices(), Catalog.empty(), "sla-oracle")
                .withTarget(tau).withVolume(new Scenario.Volume(150_000, 0, 2, true)).withScaling(Scenario.Scaling.exact())
                .withMixShift(new Scenario.MixShift(0.5, Map.of("chat", 0.05)));
        SimulationResult r = Simulator.standard().withThreads(1).run(s);
        double before = r.months().get(0).satisfaction().mean();
        double after = r.months().get(1).satisfaction().mean();
        // 150,000 requests a month: one standard error is sqrt(0.85 * 0.15 / 150000) ~ 0.0009
        assertEquals(tau, before, 0.005, "before the shift: the old mix's lambda");
        assertEquals(tau, after, 0.005, "after the shift: refitted to the new mix");
        assertEquals(1.0, r.ratioToSlaOracle().mean(), 1e-8, "the regret reference is the same refitted oracle");
    }
}
