package dev.switchyard.engine.routing.proteus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.offline.LabelledSplit;
import dev.switchyard.engine.routing.offline.OfflineTraining;
import dev.switchyard.engine.routing.offline.SyntheticWorkload;
import dev.switchyard.engine.routing.offline.TauGridReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProteusTest {
    static SyntheticWorkload w;
    static int[] cal;
    static int[] held;
    static LabelledSplit split;
    static ProteusPolicy policy;
    static long trainMillis;

    @BeforeAll
    static void train() {
        w = SyntheticWorkload.generate(30_000, 7);
        cal = SyntheticWorkload.range(0, 10_000);
        held = SyntheticWorkload.range(10_000, 30_000);
        split = LabelledSplit.of(w.calibration(cal), SyntheticWorkload.CATEGORIES.size(), w.normaliser);
        long t0 = System.nanoTime();
        policy = ProteusTrainer.train(split, 18, ProteusConfig.defaults(), OfflineTraining.trainingRandom(42));
        trainMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    static TauGridReport report(ProteusPolicy p) {
        return TauGridReport.over(TauGridReport.grid(0.85, 0.95, 0.01), tau -> {
            SyntheticWorkload.Result r = w.evaluate(new ProteusRouter(p, tau), held);
            return new TauGridReport.Point(tau, r.satisfaction(), r.costPerRequest());
        });
    }

    @Test
    void meetsTheFloorOverTheTauGridOnHeldOutData() {
        TauGridReport r = report(policy);
        System.out.println("PROTEUS trained in " + trainMillis + " ms; held-out: " + r.summary());
        double[] means = w.meanScores(held);
        System.out.println("model means " + java.util.Arrays.toString(means));
        for (TauGridReport.Point p : r.points()) {
            System.out.printf("tau %.2f -> %.4f cost %.6f lambda %.3f%n", p.tau(), p.achieved(), p.costPerRequest(), policy.lambdaFor(p.tau()));
        }
        assertEquals(1.0, r.floorComplianceRate(), r.summary());
        assertTrue(r.tauResponseCorrelation() > 0.9, r.summary());
    }
}
