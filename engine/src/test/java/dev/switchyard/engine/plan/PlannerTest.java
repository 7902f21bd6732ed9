package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The planner against figures computed by hand on a workload whose answers are known: three models with
 * fixed 0/1 outcomes (cheap right on 70% of queries, mid on 95%, dear on 97%) and identical token counts,
 * so a single model's spend is volume x its per-request price and its satisfaction is its hit rate.
 */
class PlannerTest {
    static final List<String> MODELS = List.of("cheap", "mid", "dear");
    /** Per-request cost: 1,000 input and 100 output tokens at (input, output) USD per 1M. */
    static final double[] PER_REQUEST = {1100 * 0.1 / 1e6, 1100 * 1.0 / 1e6, 1100 * 10.0 / 1e6};
    static final long VOLUME = 60_000;

    static TrafficSample sample() {
        TrafficSample.Builder b = TrafficSample.builder("known", MODELS).source("synthetic");
        long t0 = 1_767_225_600_000L;
        for (int q = 0; q < 2000; q++) {
            float[] scores = {q % 10 < 7 ? 1f : 0f, q % 20 < 19 ? 1f : 0f, q % 100 < 97 ? 1f : 0f};
            String tier = q % 2 == 0 ? "gold" : "silver";
            b.add(new QueryRecord("q" + q, "support", t0 + (q % 28) * 86_400_000L, "t", tier, null, 1000, 0, scores,
                    new int[] {100, 100, 100}, null, null));
        }
        return b.build();
    }

    static PriceSheet prices() {
        return PriceSheet.of("known", List.of(ModelPrice.flat("cheap", 0.1, 0.1), ModelPrice.flat("mid", 1.0, 1.0),
                ModelPrice.flat("dear", 10.0, 10.0)));
    }

    static Scenario base(double target, int months) {
        return Scenario.of(sample(), prices(), Catalog.empty(), "best-fixed").withTarget(target)
                .withVolume(new Scenario.Volume(VOLUME, 0, months, false));
    }

    static PlanOptions fixedModels() {
        return PlanOptions.defaults().withRouters(List.of("best-fixed", "cheapest", "cheapest-meeting-target")).withThreads(2);
    }

    @Test
    void recommendsTheCheapestModelThatKeepsTheTargetAtItsHandComputedSpend() throws Exception {
        Recommendation r = Planner.standard().recommend(base(0.90, 2), fixedModels(), RunControl.NONE, PlanListener.NONE);
        PlanPoint rec = r.recommended().orElseThrow();
        // by hand: mid (95%) is the cheapest model at or above 90%; every request costs the same
        assertEquals("cheapest-meeting-target", rec.router());
        assertEquals(VOLUME * PER_REQUEST[1], rec.monthlySpend(), 1e-6 * VOLUME * PER_REQUEST[1]);
        assertEquals(0.95, rec.meanSatisfaction(), 0.01);
        assertEquals(0.0, rec.breachProbability(), 1e-3);
        assertEquals(3, r.candidates().size());
        PlanPoint cheapest = r.candidates().stream().filter(p -> p.router().equals("cheapest")).findFirst().orElseThrow();
        assertFalse(cheapest.meetsSla());
        assertTrue(cheapest.reason().contains("below the 90.0% target"), cheapest.reason());
        assertEquals(VOLUME * PER_REQUEST[0], cheapest.monthlySpend(), 1e-6 * VOLUME);
        PlanPoint best = r.candidates().stream().filter(p -> p.router().equals("best-fixed")).findFirst().orElseThrow();
        assertTrue(best.meetsSla());
        assertEquals(VOLUME * PER_REQUEST[2], best.monthlySpend(), 1e-6 * VOLUME * PER_REQUEST[2]);
        // the cheapest keeping the promise first, then the dearer one, then the one that fails
        assertEquals(List.of("cheapest-meeting-target", "best-fixed", "cheapest"), r.candidates().stream().map(PlanPoint::router).toList());
        assertEquals(0.97, r.ceiling(), 0.01);
        assertTrue(r.floor().isPresent() && r.floor().get().monthlySpend() < rec.monthlySpend() + 1e-9);
    }

    @Test
    void aTierTargetThatTheCheaperModelMissesMovesTheRecommendation() throws Exception {
        // by hand: mid is right on every even (gold) query and on 9 of 10 odd (silver) ones: silver 90%;
        // dear misses queries 97, 98 and 99 of each hundred: gold 98%, silver 96%
        // no margins: the single-model router is judged with the model it picks at the target itself (mid)
        PlanOptions o = fixedModels().withTierTargets(Map.of("silver", 0.93)).withAimOffsets(List.of()).withProbeCeiling(false);
        Recommendation r = Planner.standard().recommend(base(0.90, 1), o, RunControl.NONE, PlanListener.NONE);
        PlanPoint rec = r.recommended().orElseThrow();
        assertEquals("best-fixed", rec.router());
        assertEquals(VOLUME * PER_REQUEST[2], rec.monthlySpend(), 1e-6 * VOLUME * PER_REQUEST[2]);
        PlanPoint mid = r.candidates().stream().filter(p -> p.router().equals("cheapest-meeting-target")).findFirst().orElseThrow();
        assertFalse(mid.meetsSla());
        assertTrue(mid.reason().contains("silver"), mid.reason());
        TierFigure silver = mid.tiers().stream().filter(t -> t.tier().equals("silver")).findFirst().orElseThrow();
        assertEquals(0.90, silver.meanSatisfaction(), 0.01);
        assertTrue(silver.ownTarget());
        TierFigure gold = rec.tiers().stream().filter(t -> t.tier().equals("gold")).findFirst().orElseThrow();
        assertEquals(0.98, gold.meanSatisfaction(), 0.01);
        assertFalse(gold.ownTarget());
    }

    @Test
    void negotiationSpendNeverFallsAsTheTargetRisesAndFillsInRouterByRouter() throws Exception {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        PlanListener listener = new PlanListener() {
            @Override
            public void routerDone(String router, List<PlanPoint> points) {
                assertEquals(4, points.size());
                done.add(router);
            }
        };
        PlanOptions o = PlanOptions.defaults().withRouters(List.of("slarouter", "cheapest-meeting-target", "random-mix")).withThreads(2);
        Negotiation n = Planner.standard().negotiate(base(0.9, 2), List.of(0.80, 0.90, 0.94, 0.96), o, RunControl.NONE, listener);
        assertEquals(12, n.points().size());
        assertEquals(3, done.size());
        for (String r : List.of("slarouter", "cheapest-meeting-target", "random-mix")) {
            List<PlanPoint> curve = n.curve(r);
            for (int i = 1; i < curve.size(); i++) {
                assertTrue(curve.get(i).monthlySpend() >= curve.get(i - 1).monthlySpend() - 1e-9,
                        r + " spend falls from " + curve.get(i - 1).target() + " to " + curve.get(i).target());
            }
        }
        // the single-model router: mid keeps 80-94%, nothing single reaches 96% in every window
        List<PlanPoint> cmt = n.curve("cheapest-meeting-target");
        assertEquals(VOLUME * PER_REQUEST[1], cmt.get(1).monthlySpend(), 1e-6 * VOLUME * PER_REQUEST[1]);
        assertFalse(cmt.get(3).meetsSla());
        assertEquals(4, n.floor().size());
    }

    @Test
    void budgetIsMonotoneAndAgreesWithTheRecommendationAtItsTarget() throws Exception {
        Planner planner = Planner.standard();
        PlanOptions o = fixedModels();
        double low = planner.budget(base(0.9, 1), VOLUME * PER_REQUEST[0] * 1.01, o, RunControl.NONE, PlanListener.NONE).maxTarget();
        BudgetAnswer mid = planner.budget(base(0.9, 1), VOLUME * PER_REQUEST[1] * 1.01, o, RunControl.NONE, PlanListener.NONE);
        double high = planner.budget(base(0.9, 1), VOLUME * PER_REQUEST[2] * 1.01, o, RunControl.NONE, PlanListener.NONE).maxTarget();
        assertTrue(low < mid.maxTarget() && mid.maxTarget() < high, low + " " + mid.maxTarget() + " " + high);
        // by hand: cheap keeps up to ~70%, mid ~95%, dear ~97% (daily windows of 2,000 requests)
        assertEquals(0.69, low, 0.02);
        assertEquals(0.94, mid.maxTarget(), 0.015);
        assertEquals("cheapest-meeting-target", mid.point().orElseThrow().router());
        Recommendation again = planner.recommend(base(mid.maxTarget(), 1), o.withFloor(false), RunControl.NONE, PlanListener.NONE);
        assertEquals(mid.point().get().monthlySpend(), again.recommended().orElseThrow().monthlySpend(), 1e-9);
    }

    @Test
    void aPriceCutFromMonthTwoHalvesThatMonthsSpend() throws Exception {
        PlanOptions o = fixedModels().withEvents(List.of(new TimelineEvent.PriceChange("mid", 0.5, 2)));
        Recommendation r = Planner.standard().recommend(base(0.9, 3), o, RunControl.NONE, PlanListener.NONE);
        PlanPoint rec = r.recommended().orElseThrow();
        assertEquals("cheapest-meeting-target", rec.router());
        double full = VOLUME * PER_REQUEST[1];
        assertEquals(full, rec.monthSpend().get(0), 1e-4);
        assertEquals(full / 2, rec.monthSpend().get(1), 1e-4);
        assertEquals(full / 2, rec.monthSpend().get(2), 1e-4);
        assertEquals(1, r.events().size());
    }

    @Test
    void aModelLeavingMidHorizonIsReplacedFromThatMonth() throws Exception {
        PlanOptions o = fixedModels().withEvents(List.of(new TimelineEvent.ModelLeaves("mid", 2, null)));
        Recommendation r = Planner.standard().recommend(base(0.9, 3), o, RunControl.NONE, PlanListener.NONE);
        PlanPoint rec = r.recommended().orElseThrow();
        // mid serves month 1; from month 2 the cheapest model keeping 90% is dear
        assertEquals(VOLUME * PER_REQUEST[1], rec.monthSpend().get(0), 1e-4);
        assertEquals(VOLUME * PER_REQUEST[2], rec.monthSpend().get(1), 1e-4);
        assertEquals(VOLUME * PER_REQUEST[2], rec.monthSpend().get(2), 1e-4);
    }

    @Test
    void aModelJoiningLaterIsNotUsedBeforeItJoins() throws Exception {
        PlanOptions o = fixedModels().withEvents(List.of(new TimelineEvent.ModelJoins("mid", 3)));
        Recommendation r = Planner.standard().recommend(base(0.9, 3), o, RunControl.NONE, PlanListener.NONE);
        PlanPoint rec = r.recommended().orElseThrow();
        assertEquals(VOLUME * PER_REQUEST[2], rec.monthSpend().get(0), 1e-4);
        assertEquals(VOLUME * PER_REQUEST[2], rec.monthSpend().get(1), 1e-4);
        assertEquals(VOLUME * PER_REQUEST[1], rec.monthSpend().get(2), 1e-4);
    }

    @Test
    void cancelStopsTheAnalysis() {
        RunControl cancelled = new RunControl() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(CancellationException.class,
                () -> Planner.standard().negotiate(base(0.9, 1), List.of(0.9), fixedModels(), cancelled, PlanListener.NONE));
    }

    @Test
    void aimsIncludeEachTargetAndMarginsAboveTheTopOne() {
        assertEquals(List.of(0.9, 0.91, 0.92, 0.99), Planner.aims(List.of(0.9), List.of(0.01, 0.02), true));
        assertEquals(List.of(0.85, 0.9, 0.95, 0.96, 0.97), Planner.aims(List.of(0.85, 0.9, 0.95), List.of(0.01, 0.02), false));
    }
}
