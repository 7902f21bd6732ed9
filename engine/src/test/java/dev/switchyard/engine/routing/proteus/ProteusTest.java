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
        // a dial, not a switch: cost rises with the target, and it stays far below the best fixed model
        double bestFixedCost = 0;
        for (int q : held) {
            bestFixedCost += w.realisedCost[q * w.models + w.models - 1];
        }
        bestFixedCost /= held.length;
        for (int i = 1; i < r.points().size(); i++) {
            assertTrue(r.points().get(i).costPerRequest() >= r.points().get(i - 1).costPerRequest() * 0.98, "cost should rise with tau");
        }
        assertTrue(r.points().get(r.points().size() - 1).costPerRequest() < 0.7 * bestFixedCost);
        assertTrue(r.meanOvershoot() < 0.03, "a floor met by routing everything to the strongest model is not a dial: " + r.summary());
    }

    @Test
    void lambdaGrowsWithTheTarget() {
        double[] l = policy.trainedLambdas();
        for (int k = 1; k < l.length; k++) {
            assertTrue(l[k] >= l[k - 1], "lambdas are made monotone in tau");
        }
        assertTrue(l[l.length - 1] > l[0] * 1.5, "a higher target must cost a higher multiplier");
        assertTrue(policy.supports(0.9) && !policy.supports(0.97));
    }

    @Test
    void sameSeedSameWeightsBitForBit() {
        LabelledSplit small = LabelledSplit.of(w.calibration(SyntheticWorkload.range(0, 2000)), 4, w.normaliser);
        ProteusConfig c = ProteusConfig.defaults().withIterations(300);
        ProteusPolicy a = ProteusTrainer.train(small, 18, c, OfflineTraining.trainingRandom(5));
        ProteusPolicy b = ProteusTrainer.train(small, 18, c, OfflineTraining.trainingRandom(5));
        ProteusPolicy other = ProteusTrainer.train(small, 18, c, OfflineTraining.trainingRandom(6));
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        assertArrayEquals(a.trainedLambdas(), b.trainedLambdas());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.predictor().weightsFingerprint(), b.predictor().weightsFingerprint());
        assertNotEquals(a.fingerprint(), other.fingerprint());
        int[] rows = SyntheticWorkload.range(20_000, 22_000);
        assertArrayEquals(w.evaluate(new ProteusRouter(a, 0.9), rows).choices(), w.evaluate(new ProteusRouter(b, 0.9), rows).choices());
    }

    @Test
    void betaMathIsRight() {
        // digamma(1) = -gamma, digamma(0.5) = -gamma - 2 ln 2
        assertEquals(-0.5772156649015329, BetaMath.digamma(1), 1e-10);
        assertEquals(-0.5772156649015329 - 2 * Math.log(2), BetaMath.digamma(0.5), 1e-10);
        java.util.random.RandomGenerator rng = OfflineTraining.trainingRandom(1);
        double sum = 0;
        double sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = BetaMath.beta(2, 6, rng);
            sum += x;
            sq += x * x;
        }
        double mean = sum / n;
        assertEquals(0.25, mean, 0.003);
        assertEquals(2.0 * 6 / (64 * 9), sq / n - mean * mean, 0.001);
    }

    @Test
    void isotonicFitPoolsViolators() {
        double[] y = {1, 3, 2, 4, 0};
        ProteusTrainer.isotonic(y, new double[] {1, 1, 1, 1, 1});
        assertArrayEquals(new double[] {1, 2.25, 2.25, 2.25, 2.25}, y, 1e-12);
    }
}
