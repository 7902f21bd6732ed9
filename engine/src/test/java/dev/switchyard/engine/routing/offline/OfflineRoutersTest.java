package dev.switchyard.engine.routing.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.text.TextFeaturizer;
import dev.switchyard.engine.routing.text.TextLogisticPredictor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfflineRoutersTest {
    static SyntheticWorkload w;
    static int[] cal;
    static int[] held;
    static CalibrationSet calibration;
    static final Routers REGISTRY = Routers.standard();
    static final double[] GRID = TauGridReport.grid(0.85, 0.95, 0.01);

    @BeforeAll
    static void data() {
        w = SyntheticWorkload.generate(30_000, 23);
        cal = SyntheticWorkload.range(0, 10_000);
        held = SyntheticWorkload.range(10_000, 30_000);
        calibration = w.calibration(cal);
    }

    static RoutingContext ctx(double tau) {
        // same split object and same seed for every tau: the trained state is shared, as in a sweep
        return w.context(tau, cal, calibration, 99, FeedbackAssumptions.full());
    }

    static TauGridReport grid(String router, RouterParameters params) {
        return TauGridReport.over(GRID, tau -> {
            SyntheticWorkload.Result r = w.evaluate(REGISTRY.create(router, ctx(tau), params), held);
            return new TauGridReport.Point(tau, r.satisfaction(), r.costPerRequest());
        });
    }

    @Test
    void registeredWithDescriptors() {
        for (String name : List.of("proteus", "omnirouter", "threshold")) {
            RouterDescriptor d = REGISTRY.descriptor(name);
            assertTrue(d.available(), name);
            assertTrue(d.reconstructed(), name);
            assertFalse(d.provenance().isBlank(), name);
            assertEquals(RouterDescriptor.Role.OFFLINE, d.role(), name);
            assertFalse(d.description().contains("not yet available"), name);
            assertFalse(d.parameters().isEmpty(), name);
        }
        assertTrue(REGISTRY.predictor(TextLogisticPredictor.NAME).isPresent());
        assertTrue(REGISTRY.textFeatureExtractor(TextFeaturizer.NAME).isPresent());
        assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("omnirouter", ctx(0.9), RouterParameters.of("maxModelShare", "5")));
        assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("threshold", ctx(0.9).withoutCalibration(), RouterParameters.none()));
        assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create("omnirouter", ctx(0.9), RouterParameters.of("maxModelShare", "0.1")));
    }

    @Test
    void thresholdHitsTauOnCalibrationAndRoughlyOnHeldOut() {
        for (double tau : new double[] {0.85, 0.9, 0.95}) {
            ThresholdRouter r = (ThresholdRouter) REGISTRY.create("threshold", ctx(tau), RouterParameters.none());
            ThresholdRouter.Calibration c = r.calibration();
            assertTrue(c.reachable());
            assertTrue(c.satisfaction() >= tau, "calibration " + c);
            assertTrue(c.satisfaction() < tau + 0.02, "the cheapest theta meeting tau should not overshoot much: " + c);
            double held = w.evaluate(r, OfflineRoutersTest.held).satisfaction();
            System.out.printf("threshold tau %.2f theta %.3f calibration %.4f held-out %.4f%n", tau, c.theta(), c.satisfaction(), held);
            assertEquals(tau, held, 0.02);
        }
    }

    @Test
    void omniRouterWithAnOptimisticPredictorMissesTheFloorMoreOftenThanProteus() {
        TauGridReport proteus = grid("proteus", RouterParameters.none());
        TauGridReport omni = grid("omnirouter", RouterParameters.none());
        TauGridReport optimistic = grid("omnirouter", RouterParameters.of("optimism", "0.03"));
        System.out.println("proteus:              " + proteus.summary());
        System.out.println("omnirouter:           " + omni.summary());
        System.out.println("omnirouter optimistic: " + optimistic.summary());
        assertTrue(proteus.floorComplianceRate() >= 10.0 / 11, proteus.summary());
        assertTrue(proteus.tauResponseCorrelation() > 0.9, proteus.summary());
        assertTrue(optimistic.floorComplianceRate() < proteus.floorComplianceRate(), optimistic.summary());
        assertTrue(optimistic.floorComplianceRate() <= 0.2, optimistic.summary());
        assertTrue(omni.floorComplianceRate() <= proteus.floorComplianceRate());
    }

    @Test
    void batchAssignmentBisectsLambdaOnPredictedAccuracyAndRespectsCapacity() {
        int n = 2000;
        int m = w.models;
        double[] p = new double[n * m];
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                p[i * m + j] = w.probability[i * m + j];
                c[i * m + j] = w.expectedCost[i * m + j] / w.normaliser;
            }
        }
        OmniRouter.Assignment a = OmniRouter.assign(p, c, n, m, 0.9, null);
        assertTrue(a.predictedAccuracy() >= 0.9 - 1e-9);
        OmniRouter.Assignment lower = OmniRouter.assign(p, c, n, m, 0.9 - 0.01, null);
        assertTrue(lower.lambda() < a.lambda());
        // capacity: no model above 30% of the batch
        double[] cap = new double[m];
        Arrays.fill(cap, 0.3);
        OmniRouter.Assignment capped = OmniRouter.assign(p, c, n, m, 0.9, cap);
        int[] load = new int[m];
        for (int j : capped.choices()) {
            load[j]++;
        }
        int[] freeLoad = new int[m];
        for (int j : a.choices()) {
            freeLoad[j]++;
        }
        int busiest = 0;
        for (int j = 0; j < m; j++) {
            busiest = Math.max(busiest, freeLoad[j]);
            assertTrue(load[j] <= 0.3 * n * 1.05 + 1, "model " + j + " load " + load[j]);
        }
        assertTrue(busiest > 0.3 * n, "the uncapped plan must exceed the cap for this test to mean anything");
        assertTrue(capped.predictedAccuracy() >= 0.9 - 0.01);
    }

    @Test
    void noRouterReadsTheHiddenScoresOfWhatItServes() {
        List<String> names = List.of("proteus", "omnirouter", "threshold");
        int[] rows = SyntheticWorkload.range(10_000, 14_000);
        int[][] before = new int[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            before[i] = w.evaluate(REGISTRY.create(names.get(i), ctx(0.9), RouterParameters.none()), rows).choices();
        }
        float[] saved = w.score.clone();
        try {
            for (int q : rows) {
                for (int j = 0; j < w.models; j++) {
                    w.score[q * w.models + j] = 1 - w.score[q * w.models + j];
                }
            }
            for (int i = 0; i < names.size(); i++) {
                int[] after = w.evaluate(REGISTRY.create(names.get(i), ctx(0.9), RouterParameters.none()), rows).choices();
                assertArrayEquals(before[i], after, names.get(i) + " changed its decisions when only hidden scores changed");
            }
        } finally {
            System.arraycopy(saved, 0, w.score, 0, saved.length);
        }
        // control: the calibration labels (the only labels they may read) do matter
        float[] flipped = w.score.clone();
        try {
            for (int q : cal) {
                for (int j = 0; j < w.models; j++) {
                    w.score[q * w.models + j] = 1 - w.score[q * w.models + j];
                }
            }
            CalibrationSet other = w.calibration(cal);
            int[] after = w.evaluate(REGISTRY.create("threshold", w.context(0.9, cal, other, 99, FeedbackAssumptions.full()),
                    RouterParameters.none()), rows).choices();
            assertFalse(Arrays.equals(before[2], after), "calibration labels should drive training");
        } finally {
            System.arraycopy(flipped, 0, w.score, 0, flipped.length);
        }
    }

    @Test
    void tauGridReportSummarises() {
        TauGridReport r = TauGridReport.of(List.of(new TauGridReport.Point(0.85, 0.86, 1), new TauGridReport.Point(0.9, 0.89, 2),
                new TauGridReport.Point(0.95, 0.96, 3)));
        assertEquals(2.0 / 3, r.floorComplianceRate(), 1e-12);
        assertEquals((0.01 - 0.01 + 0.01) / 3, r.meanOvershoot(), 1e-12);
        assertEquals(0.01, r.worstShortfall(), 1e-12);
        assertTrue(r.tauResponseCorrelation() > 0.9);
        assertEquals(11, TauGridReport.grid(0.85, 0.95, 0.01).length);
        assertEquals(0.95, TauGridReport.grid(0.85, 0.95, 0.01)[10]);
        assertThrows(IllegalArgumentException.class, () -> new TauGridReport.Point(1.2, 0.5, 0));
    }
}
