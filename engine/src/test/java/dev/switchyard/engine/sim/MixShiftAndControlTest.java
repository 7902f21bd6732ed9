package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class MixShiftAndControlTest {
    private static final Scenario BASE = Scenario.of(SyntheticWorkload.sample(6000, 6, 21), SyntheticWorkload.prices(6),
            Catalog.empty(), "slarouter").withTarget(0.8);

    @Test
    void aMixShiftChangesTheCategoryMixFromThePointOnAndTheRouterAdapts() throws Exception {
        Scenario shifted = BASE.withVolume(new Scenario.Volume(200_000, 0, 2, true))
                .withMixShift(new Scenario.MixShift(0.5, Map.of("math", 8.0)));
        SimulationResult r = Simulator.standard().run(shifted);
        SimulationResult plain = Simulator.standard().run(BASE.withVolume(new Scenario.Volume(200_000, 0, 2, true)));
        double mathShare = share(r, "math");
        double plainShare = share(plain, "math");
        // math is 1/6 of the sample; from mid-horizon on it is 8x as likely: (1/6 + 8/13) / 2 over the whole run
        assertEquals(plainShare, 1.0 / 6, 0.01);
        assertTrue(mathShare > 0.35, "math share " + mathShare);
        assertTrue(r.months().get(1).satisfaction().mean() >= 0.8, "second month " + r.months().get(1).satisfaction());
    }

    private static double share(SimulationResult r, String category) {
        return r.categories().stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow().requestShare();
    }

    @Test
    void aRunCanBeCancelledAndReportsProgress() throws Exception {
        Scenario big = BASE.withVolume(Scenario.Volume.requests(20_000_000)).withReplications(2);
        PreparedScenario p = PreparedScenario.of(big);
        RunControl cancelled = new RunControl() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> Simulator.standard().run(p, big, cancelled));
        int[] last = new int[2];
        Simulator.standard().withThreads(1).run(p, BASE.withVolume(Scenario.Volume.requests(10_000)).withReplications(3),
                new RunControl() {
                    @Override
                    public void progress(int done, int total) {
                        last[0] = done;
                        last[1] = total;
                    }
                });
        assertEquals(3, last[0]);
        assertEquals(3, last[1]);
    }

    @Test
    void tiersAreReported() throws Exception {
        SimulationResult r = Simulator.standard().run(BASE.withVolume(Scenario.Volume.requests(30_000)));
        assertEquals(3, r.tiers().size());
        double share = r.tiers().stream().mapToDouble(SimulationResult.TierStats::requestShare).sum();
        assertEquals(1.0, share, 1e-9);
        for (SimulationResult.TierStats t : r.tiers()) {
            assertTrue(t.satisfaction().mean() > 0.5 && t.costPerRequest().mean() > 0, t.toString());
        }
    }
}
