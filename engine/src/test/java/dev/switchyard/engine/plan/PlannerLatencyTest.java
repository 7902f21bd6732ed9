package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner judges the latency term (decision 1404) on PlannerTest's known workload with recorded total latencies:
 * cheap (right on 70%) answers in 5,000 ms, mid and dear in 1,000 ms. At a 60% target the cheapest single model keeps the
 * satisfaction term in every window, but under "p95 total latency at most 2,000 ms" it misses the latency term in every
 * window, so it does not keep the promise and says why.
 */
class PlannerLatencyTest {

    static TrafficSample sample() {
        TrafficSample.Builder b = TrafficSample.builder("known-latency", PlannerTest.MODELS).source("synthetic");
        long t0 = 1_767_225_600_000L;
        for (int q = 0; q < 2000; q++) {
            float[] scores = {q % 10 < 7 ? 1f : 0f, q % 20 < 19 ? 1f : 0f, q % 100 < 97 ? 1f : 0f};
            b.add(new QueryRecord("q" + q, "support", t0 + (q % 28) * 86_400_000L, "t", q % 2 == 0 ? "gold" : "silver", null,
                    1000, 0, scores, new int[] {100, 100, 100}, null, new float[] {5000f, 1000f, 1000f}));
        }
        return b.build();
    }

    static Scenario base(LatencyTarget latency) {
        return Scenario.of(sample(), PlannerTest.prices(), Catalog.empty(), "best-fixed").withTarget(0.60)
                .withVolume(new Scenario.Volume(PlannerTest.VOLUME, 0, 2, false)).withLatency(latency);
    }

    static LatencyTarget total(double ms) {
        return new LatencyTarget(LatencyTarget.Metric.TOTAL, ms, 0.95, Map.of());
    }

    @Test
    void aCandidateThatMissesTheLatencyTermDoesNotKeepThePromiseAndSaysWhy() throws Exception {
        Recommendation r = Planner.standard().recommend(base(total(2000)), PlannerTest.fixedModels(), RunControl.NONE,
                PlanListener.NONE);
        PlanPoint cheapest = r.candidates().stream().filter(p -> p.router().equals("cheapest")).findFirst().orElseThrow();
        assertFalse(cheapest.meetsSla(), cheapest.reason());
        assertTrue(cheapest.reason().contains("misses the latency target (p95 total latency at most 2,000 ms) in 100% of days"),
                cheapest.reason());
        assertFalse(cheapest.reason().contains("below the 60.0% target"), cheapest.reason()); // its satisfaction is fine: 70%
        assertEquals(PlannerTest.VOLUME * PlannerTest.PER_REQUEST[0], cheapest.monthlySpend(), 1e-6 * PlannerTest.VOLUME);
        assertEquals(0.0, cheapest.latency().windowCompliance(), 1e-12);
        assertEquals(0.0, cheapest.latency().qualityBreachProbability(), 1e-3);
        assertEquals(1.0, cheapest.breachProbability(), 1e-12); // every window breached by the latency term
        assertEquals(5000, cheapest.latency().latencyP95Ms(), 5000 * 0.004); // fine histogram buckets: within 0.4%
        PlanPoint rec = r.recommended().orElseThrow();
        assertTrue(rec.monthlySpend() > PlannerTest.VOLUME * PlannerTest.PER_REQUEST[0] * 2, rec.toString());
        assertEquals(1.0, rec.latency().windowCompliance(), 1e-12);
        assertEquals(1000, rec.latency().latencyP95Ms(), 1000 * 0.004);
        assertEquals(2000, rec.latency().targetMs(), 0);
    }

    @Test
    void aLatencyTermEveryModelKeepsChangesNoVerdictAndNoFigure() throws Exception {
        Recommendation plain = Planner.standard().recommend(base(LatencyTarget.none()), PlannerTest.fixedModels(), RunControl.NONE,
                PlanListener.NONE);
        Recommendation loose = Planner.standard().recommend(base(total(60_000)), PlannerTest.fixedModels(), RunControl.NONE,
                PlanListener.NONE);
        assertNull(plain.recommended().orElseThrow().latency());
        assertEquals("cheapest", loose.recommended().orElseThrow().router());
        for (int i = 0; i < plain.candidates().size(); i++) {
            PlanPoint a = plain.candidates().get(i);
            PlanPoint b = loose.candidates().get(i);
            assertEquals(a.router(), b.router());
            assertEquals(a.meetsSla(), b.meetsSla());
            assertEquals(a.monthlySpend(), b.monthlySpend(), 1e-9);
            assertEquals(a.breachProbability(), b.breachProbability(), 1e-12);
            assertEquals(1.0, b.latency().windowCompliance(), 1e-12);
            assertEquals(a.breachProbability(), b.latency().qualityBreachProbability(), 1e-12);
        }
    }

    @Test
    void negotiationPointsCarryTheLatencyFigures() throws Exception {
        Negotiation n = Planner.standard().negotiate(base(total(2000)), List.of(0.55, 0.6), PlannerTest.fixedModels(),
                RunControl.NONE, PlanListener.NONE);
        for (PlanPoint p : n.curve("cheapest")) {
            assertFalse(p.meetsSla(), p.reason());
            assertTrue(p.reason().contains("latency target"), p.reason());
        }
        assertTrue(n.curve("best-fixed").stream().allMatch(PlanPoint::meetsSla));
    }
}
