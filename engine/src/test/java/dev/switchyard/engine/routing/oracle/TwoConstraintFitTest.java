package dev.switchyard.engine.routing.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.LatencyTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two-constraint oracle's fit against a hand-solved linear programme. Three models: A cheap (cost 0.1, score 0.5,
 * never slow), B mid (cost 0.5, score 1, always over L), C dear (cost 1, score 1, never slow). At tau 0.75 and p95
 * (at most 5% over L) the optimum serves A on half the requests, B on 5% and C on 45%: cost 0.525; without the latency
 * term A and B half each: 0.30. Rows carry tiny cost perturbations so a per-row rule can split identical rows.
 */
class TwoConstraintFitTest {
    static final int ROWS = 4000;

    /** Rows alternate tiers gold (even) and bronze (odd). */
    static HindsightPool pool(double[] exceedB) {
        return new HindsightPool() {
            @Override
            public int size() {
                return ROWS;
            }

            @Override
            public int modelCount() {
                return 3;
            }

            @Override
            public double score(int row, int model) {
                return model == 0 ? 0.5 : 1.0;
            }

            @Override
            public double normalisedRealisedCost(int row, int model) {
                double u = ((row * 7919L) % ROWS) / (double) ROWS; // a fixed permutation: distinct costs per row
                return switch (model) {
                    case 0 -> 0.1;
                    case 1 -> 0.5 + 1e-4 * u;
                    default -> 1.0 + 1e-4 * (1 - u);
                };
            }

            @Override
            public double[] exceedances(double targetMs, LatencyTarget.Metric metric) {
                double[] e = new double[ROWS * 3];
                for (int r = 0; r < ROWS; r++) {
                    e[r * 3 + 1] = exceedB[r % 2];
                }
                return e;
            }

            @Override
            public int slaTier(int row) {
                return row % 2;
            }

            @Override
            public int category(int row) {
                return row % 3;
            }

            @Override
            public int inputTokens(int row) {
                return 100 + row % 5000;
            }
        };
    }

    @Test
    void matchesTheHandSolvedProgrammeAndMeetsBothTerms() {
        TwoConstraintFit f = TwoConstraintFit.fit(0.75, LatencyTarget.of(2000, 0.95), List.of("gold", "bronze"),
                pool(new double[] {1, 1}), TwoConstraintFit.Resolution.ROW);
        assertTrue(f.feasible(), f.toString());
        assertTrue(f.meanScore() >= 0.75, f.toString());
        assertTrue(f.exceedance(1) <= 0.05 && f.exceedance(2) <= 0.05, f.toString());
        assertEquals(0.525, f.dualBound(), 0.002, f.toString());
        assertTrue(f.dualBound() <= f.meanCost() + 1e-12, f.toString());
        assertEquals(0.525, f.meanCost(), 0.002, "the per-row choices reach the programme's optimum: " + f);
        assertTrue(f.mu(1) > 0 && f.mu(2) > 0, "both tiers' latency terms bind: " + f);
    }

    @Test
    void withoutABindingLatencyTermItIsTheOneConstraintOracle() {
        // B is never slow: the latency term does not bind, mu is 0 and the cost is the quality-only optimum
        TwoConstraintFit f = TwoConstraintFit.fit(0.75, LatencyTarget.of(2000, 0.95), List.of("gold", "bronze"),
                pool(new double[] {0, 0}), TwoConstraintFit.Resolution.ROW);
        assertEquals(0.30, f.meanCost(), 0.002, f.toString());
        assertEquals(0.0, f.mu(1));
        assertEquals(0.0, f.mu(2));
        assertEquals(f.lambda(), SlaOracle.bisectLambda(0.75, pool(new double[] {0, 0})), 1e-6 * f.lambda(),
                "lambda as the one-constraint SLA oracle's bisection");
    }

    @Test
    void perTierTargetsAreHeldPerTier() {
        // only gold has an L, the quality term is the whole traffic's: the optimum serves B (fast enough for nobody's
        // L there) on all of bronze and A on all of gold, mean score 0.75 at cost 0.5 x 0.1 + 0.5 x 0.5 = 0.30;
        // with L on both tiers it is 0.525 (above)
        LatencyTarget goldOnly = new LatencyTarget(LatencyTarget.Metric.TTFT, Double.POSITIVE_INFINITY, 0.95,
                Map.of("gold", 2000.0));
        TwoConstraintFit f = TwoConstraintFit.fit(0.75, goldOnly, List.of("gold", "bronze"), pool(new double[] {1, 1}),
                TwoConstraintFit.Resolution.ROW);
        assertTrue(f.exceedance(1) <= 0.05, f.toString());
        assertEquals(0.0, f.mu(2), "bronze has no latency term");
        assertTrue(f.meanScore() >= 0.75, f.toString());
        assertEquals(0.30, f.dualBound(), 0.002, f.toString());
        assertEquals(0.30, f.meanCost(), 0.002, f.toString());
    }

    @Test
    void cellsCannotSplitFinerThanTheirFeaturesAndBoundFromAbove() {
        TwoConstraintFit rows = TwoConstraintFit.fit(0.75, LatencyTarget.of(2000, 0.95), List.of("gold", "bronze"),
                pool(new double[] {1, 1}), TwoConstraintFit.Resolution.ROW);
        TwoConstraintFit cells = TwoConstraintFit.fit(0.75, LatencyTarget.of(2000, 0.95), List.of("gold", "bronze"),
                pool(new double[] {1, 1}), TwoConstraintFit.Resolution.CELL);
        assertTrue(cells.units() < rows.units(), cells.units() + " cells");
        assertTrue(cells.feasible(), cells.toString());
        assertTrue(cells.meanScore() >= 0.75 && cells.exceedance(1) <= 0.05 && cells.exceedance(2) <= 0.05, cells.toString());
        // the cells here have the rows' means, so the programme (and its dual) is the same to within the perturbation
        assertEquals(rows.dualBound(), cells.dualBound(), 0.002, cells + " / " + rows);
        assertTrue(cells.meanCost() >= cells.dualBound() - 1e-12, cells.toString());
    }

    @Test
    void aLatencyTermNoModelMeetsIsReportedAsInfeasible() {
        HindsightPool allSlow = new HindsightPool() {
            final HindsightPool base = pool(new double[] {1, 1});

            @Override
            public int size() {
                return ROWS;
            }

            @Override
            public int modelCount() {
                return 3;
            }

            @Override
            public double score(int row, int model) {
                return base.score(row, model);
            }

            @Override
            public double normalisedRealisedCost(int row, int model) {
                return base.normalisedRealisedCost(row, model);
            }

            @Override
            public double[] exceedances(double targetMs, LatencyTarget.Metric metric) {
                double[] e = new double[ROWS * 3];
                java.util.Arrays.fill(e, 0.2);
                return e;
            }
        };
        TwoConstraintFit f = TwoConstraintFit.fit(0.75, LatencyTarget.of(500, 0.95), List.of(), allSlow,
                TwoConstraintFit.Resolution.ROW);
        assertFalse(f.feasible(), f.toString());
        assertTrue(Double.isNaN(f.dualBound()), f.toString());
    }
}
