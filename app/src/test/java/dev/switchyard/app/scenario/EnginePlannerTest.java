package dev.switchyard.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.engine.sample.SampleDataGenerator;

/** The adapter on the real simulator, on a generated sample (the same generator as the bundled data). */
class EnginePlannerTest {
    private static DataSet data;
    private static final EnginePlanner planner = new EnginePlanner();

    @BeforeAll
    static void generate() {
        var g = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults().withQueryScale(0.25));
        data = new DataSet(g.catalog(), g.priceSheets(), g.traffic().get(0).sample(), "generated");
    }

    static ScenarioSettings settings(String router, double target) {
        return new ScenarioSettings(data.traffic().models(), router, Map.of(), target, SlaWindow.WEEK, 0.2, 1_000_000,
                0.03, 12, data.priceSheets().get(data.priceSheets().size() - 1).label(), 4, 7L);
    }

    @Test
    void listsTheEnginesRoutersWithBadgesAndParameters() {
        List<RouterChoice> routers = planner.routers();
        RouterChoice sla = routers.stream().filter(r -> r.name().equals("slarouter")).findFirst().orElseThrow();
        assertTrue(sla.reconstructed());
        assertFalse(sla.description().isBlank());
        assertFalse(sla.parameters().isEmpty());
        assertTrue(routers.stream().anyMatch(RouterChoice::bound), "the oracles are listed as bounds");
        assertEquals("slarouter", planner.defaultRouter());
    }

    @Test
    void anOutcomeCarriesEveryFigureTheScreenShows() throws Exception {
        long t0 = System.nanoTime();
        ScenarioOutcome o = planner.run(data, settings("slarouter", 0.9), Fidelity.FULL, ProgressSink.NONE);
        System.out.printf("slarouter run: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(12, o.months().size());
        assertTrue(o.monthlySpend() > 0);
        assertTrue(o.costPer1k() > 0);
        assertTrue(o.satisfaction() > 0.5 && o.satisfaction() <= 1);
        assertTrue(o.breachProbability() >= 0 && o.breachProbability() <= 1);
        for (ScenarioOutcome.Month m : o.months()) {
            assertTrue(m.spendP10() <= m.spendMean() + 1e-9 && m.spendMean() <= m.spendP90() + 1e-9);
        }
        assertTrue(o.months().get(11).requests() > o.months().get(0).requests(), "3% monthly growth");
        assertFalse(o.windows().isEmpty());
        assertEquals(data.traffic().modelCount(), o.requestShareByMonth()[0].length);
        double share = 0;
        for (double v : o.requestShareByMonth()[5]) {
            share += v;
        }
        assertEquals(1.0, share, 1e-6);
        assertFalse(o.trace().isEmpty());
        long t1 = System.nanoTime();
        ScenarioOutcome again = planner.run(data, settings("slarouter", 0.9), Fidelity.FULL, ProgressSink.NONE);
        System.out.printf("slarouter re-run (prepared cached): %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        assertEquals(o.monthlySpend(), again.monthlySpend(), 0.0, "same settings, same numbers");
    }

    @Test
    void everyCompleteWeekOfATwelveMonthScaledRunIsDrawnAndThePartialOneApart() throws Exception {
        // 1M requests a month: past the first exact days every month is simulated scaled (issue 9/11: only the
        // exact weeks used to be drawn)
        ScenarioOutcome o = planner.run(data, settings("cheapest", 0.9), Fidelity.FULL, ProgressSink.NONE);
        int days = 12 * dev.switchyard.engine.sim.Scenario.Volume.DAYS_PER_MONTH;
        assertEquals(days / 7, o.windows().size(), "every complete week of the horizon");
        for (int i = 0; i < o.windows().size(); i++) {
            assertEquals(i + 1, o.windows().get(i).index());
            assertTrue(o.windows().get(i).satisfaction() > 0 && o.windows().get(i).satisfaction() <= 1);
        }
        ScenarioOutcome.PartialWindow partial = o.partialWindow();
        assertTrue(partial != null, "a 360-day horizon ends in a partial week");
        assertEquals(days / 7 + 1, partial.index());
        assertEquals((days % 7) / 7.0, partial.share(), 1e-9);
        assertTrue(Double.isNaN(partial.satisfaction()) || partial.satisfaction() > 0 && partial.satisfaction() <= 1);
        // the breach tile counts exactly these windows (pooled over the replications)
        assertEquals(4 * (days / 7), o.judgement().windows());
    }

    @Test
    void aLatencyTargetReachesTheEngineAndItsFiguresComeBack() throws Exception {
        ScenarioOutcome off = planner.run(data, settings("cheapest", 0.9), Fidelity.PREVIEW, ProgressSink.NONE);
        assertTrue(off.latency() != null && !off.latency().hasTarget(), "latency is reported, with no target by default");
        assertTrue(off.latency().p95Ms() > 0);
        ScenarioOutcome on = planner.run(data, settings("cheapest", 0.9).withLatency(new LatencyGoal(2000, 0.95)),
                Fidelity.PREVIEW, ProgressSink.NONE);
        ScenarioOutcome.Latency l = on.latency();
        assertEquals(2000, l.targetMs(), 0.0);
        assertEquals(0.95, l.percentile(), 0.0);
        assertTrue(l.windowCompliance() >= 0 && l.windowCompliance() <= 1, "share of windows keeping L: " + l.windowCompliance());
        assertFalse(l.windowPercentiles().isEmpty());
        // a window keeps the target only when every tier does: no tier keeps it less often than all of them together
        assertTrue(!l.hasWorstTier() || l.worstTierCompliance() >= l.windowCompliance() - 1e-9,
                "worst tier " + l.worstTier() + " " + l.worstTierCompliance() + " vs all tiers " + l.windowCompliance());
        assertEquals(off.latency().p95Ms(), l.p95Ms(), 1e-9, "a fixed rule's latency does not depend on the target (paired draws)");
    }

    @Test
    void aHigherTargetCostsMore() throws Exception {
        ScenarioOutcome low = planner.run(data, settings("sla-oracle", 0.80), Fidelity.FULL, ProgressSink.NONE);
        ScenarioOutcome high = planner.run(data, settings("sla-oracle", 0.95), Fidelity.FULL, ProgressSink.NONE);
        assertTrue(high.monthlySpend() > low.monthlySpend(), low.monthlySpend() + " vs " + high.monthlySpend());
    }

    @Test
    void cancellationStopsTheRun() {
        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(ProgressSink.CancelledException.class, () -> planner.run(data, settings("slarouter", 0.9), Fidelity.FULL, cancelled));
    }
}
