package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.StandardNormal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.routing.LatencyTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latency percentiles and window compliance against a hand computation on a small stream (decision 1400). */
class LatencyMetricsTest {

    private static LatencyMetrics.Summary run(double targetMs) {
        LatencyTarget target = Double.isFinite(targetMs) ? LatencyTarget.of(targetMs, 0.95) : LatencyTarget.none();
        LatencyMetrics m = new LatencyMetrics(target, List.of(), 30, 1, new Scenario.Sla(0.9, Scenario.Window.DAY, 0), 40);
        // day 0: TTFT 100, 200, ..., 2000 ms (shuffled order), total = 3 x TTFT; day 1: twenty requests of 50 ms
        int[] order = {7, 3, 19, 0, 12, 5, 16, 9, 1, 14, 18, 2, 11, 6, 15, 4, 17, 8, 13, 10};
        for (int k = 0; k < 20; k++) {
            double v = 100.0 * (order[k] + 1);
            m.record(k, 0, 0, 0, v, 3 * v, 1.0);
        }
        for (int k = 0; k < 20; k++) {
            m.record(20 + k, 1, 0, 0, 50, 150, 1.0);
        }
        return m.summary(List.of());
    }

    @Test
    void nearestRankPercentilesMatchTheHandComputation() {
        LatencyMetrics.Summary s = run(Double.POSITIVE_INFINITY);
        // 40 values: twenty of 50 ms, then 100..2000. Nearest rank: p50 = 20th value = 50; p95 = 38th = 1800; p99 = 40th = 2000
        assertEquals(50, s.run().ttftP50(), 50 * 0.004);
        assertEquals(1800, s.run().ttftP95(), 1800 * 0.004);
        assertEquals(2000, s.run().ttftP99(), 2000 * 0.004);
        assertEquals(5400, s.run().totalP95(), 5400 * 0.004);
        // day 0 alone: p95 = 19th of 20 = 1900 (coarse buckets, 1.6%); day 1: 50
        assertEquals(1900, s.windowPercentiles().get(0), 1900 * 0.016);
        assertEquals(50, s.windowPercentiles().get(1), 50 * 0.016);
        assertEquals(2, s.windowPercentiles().size(), "days without requests are not judged");
        assertEquals(Double.NaN, s.windowCompliance(), "no target, no compliance");
    }

    @Test
    void windowMeetsTheTargetWhenAtMostFivePercentAreAbove() {
        // L = 1850: day 0 has 1900 and 2000 above (10% > 5%): missed; day 1 met -> 1 of 2
        assertEquals(0.5, run(1850).windowCompliance(), 1e-12);
        // L = 1950: only 2000 above (5%): met -> 2 of 2
        assertEquals(1.0, run(1950).windowCompliance(), 1e-12);
        // requests above L over the run: 1900 and 2000 of 40
        assertEquals(2.0 / 40, run(1850).overTargetShare(), 1e-12);
    }

    @Test
    void perTierTargetsJudgeEachTier() {
        LatencyTarget target = new LatencyTarget(LatencyTarget.Metric.TTFT, 1000, 0.95, Map.of("gold", 100.0));
        LatencyMetrics m = new LatencyMetrics(target, List.of("bronze", "gold"), 30, 1,
                new Scenario.Sla(0.9, Scenario.Window.DAY, 0), 40);
        for (int k = 0; k < 20; k++) {
            m.record(k, 0, 0, 0, 500, 900, 1.0); // bronze, under its 1000 ms
            m.record(20 + k, 0, 0, 1, 150, 900, 1.0); // gold, over its 100 ms
        }
        LatencyMetrics.Summary s = m.summary(List.of("bronze", "gold"));
        assertEquals(0.0, s.windowCompliance(), 1e-12, "the day misses because gold misses");
        assertEquals(1.0, s.tierWindowCompliance()[0], 1e-12);
        assertEquals(0.0, s.tierWindowCompliance()[1], 1e-12);
    }

    @Test
    void drawsArePairedAcrossRoutersAndFollowTheCatalogMedian() {
        CounterRandom a = new CounterRandom(7, 0, Seeds.LATENCY);
        CounterRandom b = new CounterRandom(7, 0, Seeds.LATENCY);
        assertEquals(a.bits(12345, 3), b.bits(12345, 3), "same request, same model: same draw whichever router asks");
        double[] z = LatencyModel.standardNormalTable(LatencyModel.TABLE);
        assertEquals(0, z[LatencyModel.TABLE / 2] + z[LatencyModel.TABLE / 2 - 1], 1e-9);
        assertEquals(LatencyModel.Z95, StandardNormal.refinedQuantile(0.95), 1e-7);
    }
}
