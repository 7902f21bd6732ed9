package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality x latency grid honours per-tier latency targets (decision 1430), on PlannerLatencyTest's workload: gold
 * and silver requests alternate; the cheap model answers in 5,000 ms, mid and dear in 1,000 ms (total latency), so the
 * cheap model keeps "p95 at most L" exactly where L >= 5,000 ms for every tier holding a target.
 */
class LatencyGridTierTest {
    private static final List<Double> TARGETS = List.of(0.6);
    private static final double CHEAP = PlannerTest.VOLUME * PlannerTest.PER_REQUEST[0];

    private static Scenario base(double defaultMs, Map<String, Double> tiers) {
        return PlannerLatencyTest.base(new LatencyTarget(LatencyTarget.Metric.TOTAL, defaultMs, 0.95, tiers));
    }

    private static PlanOptions options() {
        return PlannerTest.fixedModels().withAimOffsets(List.of());
    }

    @Test
    void aTiersOwnTargetStaysInEveryRowOfTheDefaultL() throws Exception {
        // gold is held to 2,000 ms: the cheap model (5,000 ms) can never keep the promise, whatever the default L
        Scenario s = base(2000, Map.of("gold", 2000.0));
        LatencyGrid g = Planner.standard().latencyGrid(s, TARGETS, List.of(2000.0, 60_000.0), options(), RunControl.NONE,
                LatencyGrid.Listener.NONE);
        assertEquals("", g.tier());
        assertEquals(Map.of("gold", 2000.0), g.heldTierTargetsMs());
        assertEquals("L holds every tier without its own; held: gold 2,000 ms", g.rowsSay());
        LatencyGrid.Cell loose = g.cell(0.6, 60_000).orElseThrow();
        assertTrue(loose.met(), loose.best().reason());
        assertNotEquals("cheapest", loose.best().router(), "gold's 2,000 ms still binds at a loose default L");
        assertTrue(loose.best().monthlySpend() > 2 * CHEAP, loose.best().toString());
        assertEquals(Map.of("gold", 2000.0), loose.best().latency().tierTargetsMs(), "the tier's L reached the run");
        assertEquals(60_000, loose.best().latency().targetMs(), 0);
        // the same row negotiated directly with the composed term gives the same figure (the grid adds nothing)
        Negotiation direct = Planner.standard().negotiate(base(60_000, Map.of("gold", 2000.0)), TARGETS,
                options().withFloor(false).withProbeCeiling(false), RunControl.NONE, PlanListener.NONE);
        double cheapestKept = direct.points().stream().filter(PlanPoint::meetsSla).mapToDouble(PlanPoint::monthlySpend).min()
                .orElseThrow();
        assertEquals(cheapestKept, loose.best().monthlySpend(), 1e-9);
        // before decision 1430 the row dropped gold's own L: the cheap model then kept it at its hand-computed cost
        LatencyGrid oneL = Planner.standard().latencyGrid(base(2000, Map.of()), TARGETS, List.of(60_000.0), options(),
                RunControl.NONE, LatencyGrid.Listener.NONE);
        assertEquals(CHEAP, oneL.cell(0.6, 60_000).orElseThrow().best().monthlySpend(), 1e-6 * CHEAP);
        assertEquals("cheapest", oneL.cell(0.6, 60_000).orElseThrow().best().router());
        assertEquals("L is every tier's", oneL.rowsSay());
    }

    @Test
    void rowsForANamedTierMoveOnlyThatTiersLAndALooserLNeverCostsMore() throws Exception {
        // silver is held to 60,000 ms (the cheap model keeps it), no default L; the rows move gold's
        Scenario s = base(Double.POSITIVE_INFINITY, Map.of("gold", 1500.0, "silver", 60_000.0));
        List<Double> ls = List.of(2000.0, 4000.0, 6000.0, 60_000.0);
        LatencyGrid g = Planner.standard().latencyGrid(s, TARGETS, ls, "gold", options(), RunControl.NONE,
                LatencyGrid.Listener.NONE);
        assertEquals("gold", g.tier());
        assertEquals(Map.of("silver", 60_000.0), g.heldTierTargetsMs());
        assertEquals(Double.POSITIVE_INFINITY, g.heldDefaultMs());
        assertEquals("L is gold's; held: other tiers no target, silver 60,000 ms", g.rowsSay());
        double previous = Double.POSITIVE_INFINITY;
        for (double l : ls) {
            LatencyGrid.Cell c = g.cell(0.6, l).orElseThrow();
            assertTrue(c.met(), l + ": " + c.best().reason());
            assertEquals(Map.of("gold", l, "silver", 60_000.0), c.best().latency().tierTargetsMs(), "the row's gold L ran");
            assertTrue(c.best().monthlySpend() <= previous + 1e-9, "a looser L never costs more: " + l);
            previous = c.best().monthlySpend();
            if (l >= 5000) {
                assertEquals("cheapest", c.best().router(), "gold at " + l + " ms lets the cheap model keep both tiers");
                assertEquals(CHEAP, c.best().monthlySpend(), 1e-6 * CHEAP);
            } else {
                assertNotEquals("cheapest", c.best().router());
                assertTrue(c.best().monthlySpend() > 2 * CHEAP);
            }
        }
    }

    @Test
    void aTierTheTrafficDoesNotHaveOrADefaultNobodyUsesIsRefusedNamingWhy() {
        Scenario s = base(2000, Map.of("gold", 1500.0, "silver", 3000.0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Planner.standard().latencyGrid(
                s, TARGETS, List.of(2000.0), "platinum", options(), RunControl.NONE, LatencyGrid.Listener.NONE));
        assertTrue(unknown.getMessage().contains("'platinum' is not an SLA tier") && unknown.getMessage().contains("gold")
                && unknown.getMessage().contains("silver"), unknown.getMessage());
        IllegalArgumentException nobody = assertThrows(IllegalArgumentException.class, () -> Planner.standard().latencyGrid(
                s, TARGETS, List.of(2000.0), null, options(), RunControl.NONE, LatencyGrid.Listener.NONE));
        assertTrue(nobody.getMessage().contains("has its own latency target"), nobody.getMessage());
    }

    /**
     * On the bundled sample the threshold router told a looser L routes to dearer models (it has more to choose from), so
     * the rows' own negotiations are not monotone in L. A configuration keeping p95 under a tighter L keeps it under a
     * looser one too: each cell is the cheapest over its own row and the tighter ones, checked here against the rows'
     * negotiations run one by one.
     */
    @Test
    void aLooserLNeverCostsMoreOnTheSampleAndEachCellIsTheCheapestOfItsOwnAndTighterRows() throws Exception {
        SampleBundle b = SampleData.load(SampleData.locate());
        Scenario s = Scenario.of(b.traffic("support-desk").orElseThrow().sample(), b.priceSheets().stream()
                .filter(p -> p.name().equals("list-2026-06")).findFirst().orElseThrow(), b.catalog(), "threshold")
                .withVolume(Scenario.Volume.requests(50_000)).withLatency(LatencyTarget.of(2500, 0.95));
        PlanOptions o = PlanOptions.defaults().withRouters(List.of("cheapest-meeting-target", "threshold"));
        List<Double> ts = List.of(0.85, 0.9);
        List<Double> ls = List.of(1500.0, 2500.0, 4000.0);
        LatencyGrid g = Planner.standard().latencyGrid(s, ts, ls, o, RunControl.NONE, LatencyGrid.Listener.NONE);
        List<Double> ownCheapest = new ArrayList<>();
        boolean tighterUsed = false;
        for (double t : ts) {
            double envelope = Double.NaN;
            for (double l : ls) {
                // the same targets as the grid's (a negotiation tries each router at aims for all of them)
                Negotiation n = Planner.standard().negotiate(s.withLatency(LatencyTarget.of(l, 0.95)), ts,
                        o.withFloor(false).withProbeCeiling(false), RunControl.NONE, PlanListener.NONE);
                double own = n.points().stream().filter(p -> p.target() == t && p.meetsSla())
                        .mapToDouble(PlanPoint::monthlySpend).min().orElse(Double.NaN);
                ownCheapest.add(own);
                envelope = Double.isNaN(envelope) ? own : Double.isNaN(own) ? envelope : Math.min(envelope, own);
                LatencyGrid.Cell c = g.cell(t, l).orElseThrow();
                assertEquals(!Double.isNaN(envelope), c.met(), t + " at " + l);
                if (c.met()) {
                    assertEquals(envelope, c.best().monthlySpend(), 1e-9, t + " at " + l);
                    assertTrue(c.routerLatencyMs() <= l);
                    assertEquals(c.routerLatencyMs(), c.best().latency().targetMs(), 0, "the point is the told L's run");
                    tighterUsed |= c.toldTighter();
                }
            }
        }
        assertTrue(tighterUsed, "the sample's rows are not monotone on their own (so the rule is exercised): " + ownCheapest);
    }
}
