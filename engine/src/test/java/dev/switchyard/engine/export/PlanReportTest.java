package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.plan.PlanListener;
import dev.switchyard.engine.plan.PlanOptions;
import dev.switchyard.engine.plan.Planner;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanReportTest {

    @Test
    void theReportLeadsWithTheRecommendationInPlainWordsAndDates() throws Exception {
        TrafficSample.Builder b = TrafficSample.builder("known", List.of("cheap", "mid")).source("synthetic");
        long t0 = 1_767_225_600_000L; // 1 January 2026
        for (int q = 0; q < 1000; q++) {
            b.add(new QueryRecord("q" + q, "support", t0 + (q % 20) * 86_400_000L, "t", q % 2 == 0 ? "gold" : "silver", null, 1000, 0,
                    new float[] {q % 10 < 7 ? 1f : 0f, q % 20 < 19 ? 1f : 0f}, new int[] {100, 100}, null, null));
        }
        PriceSheet prices = PriceSheet.of("known", List.of(ModelPrice.flat("cheap", 0.1, 0.1), ModelPrice.flat("mid", 1, 1)));
        Scenario s = Scenario.of(b.build(), prices, Catalog.empty(), "cheapest-meeting-target").withTarget(0.9)
                .withVolume(new Scenario.Volume(30_000, 0, 2, false));
        PlanOptions o = PlanOptions.defaults().withRouters(List.of("cheapest", "cheapest-meeting-target"))
                .withEvents(List.of(new TimelineEvent.PriceChange("mid", 0.8, 2)));
        Planner planner = Planner.standard();
        Recommendation r = planner.recommend(s, o, RunControl.NONE, PlanListener.NONE);
        PlanReport plan = new PlanReport(r, Optional.of(planner.negotiate(s, List.of(0.9, 0.95), o, RunControl.NONE, PlanListener.NONE)));
        SimulationResult result = Simulator.standard().run(s);
        String html = HtmlReport.render(s, result, plan, null, Instant.parse("2026-01-01T00:00:00Z"));
        int rec = html.indexOf("<h2>Recommendation</h2>");
        assertTrue(rec > 0 && rec < html.indexOf("<h2>Summary</h2>"), "the recommendation comes first");
        assertTrue(html.contains("Cheapest model meeting the target</strong> keeps this promise"), html.substring(rec, rec + 900));

        // 30-day months from the sample's first day: month 1 is 1-30 January, month 2 starts on 31 January
        assertTrue(html.contains("from 1 January 2026 to 1 March 2026"), "dates as dates");
        // by hand: month 1 at the full price ($33.00), month 2 at 80% ($26.40): $29.70 a month
        assertTrue(html.contains("$29.70 a month"), "spend with the price cut");
        assertTrue(html.contains("from 31 January 2026, mid prices fall by 20%"), "the timeline event in words");
        assertTrue(html.contains("<h2>Alternatives</h2>") && html.contains("does not: reaches"), "why the others lost");
        assertTrue(html.contains("<h2>What a higher target costs</h2>") && html.contains("cannot promise"));
        assertTrue(html.contains("<h2>Customer tiers</h2>"));
        String planPart = html.substring(rec, html.indexOf("<h2>Summary</h2>"));
        assertFalse(planPart.matches("(?s).*\\b(tauMin|tauMax|dualStep|aimTarget|lambda)\\b.*"), "no parameter names in the plan");
    }
}
