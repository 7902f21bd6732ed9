package dev.switchyard.engine.routing.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.routing.FeatureVector;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Decision 1120: the whole-split predictor and the cross-fitted p_hat are trained side by side, from row orders drawn
 * first, and are bit for bit what training them one after another from the same generator gives. The reference here
 * is that sequential procedure written out.
 */
class CrossFitTrainingTest {
    private static final int BITS = 6;

    @Test
    void sideBySideFitsAreTheSequentialTrainingBitForBit() {
        LabelledSplit split = split(301, 4, 3, 7L);
        CorrectnessPredictor.Options options = new CorrectnessPredictor.Options(3, 0.1);
        for (int folds : new int[] {2, 5}) {
            RandomGenerator a = OfflineTraining.trainingRandom(42);
            CorrectnessPredictor whole = CorrectnessPredictor.train(split, BITS, options, a);
            double[] oof = sequentialOutOfFold(split, folds, options, a);
            long after = a.nextLong();

            RandomGenerator b = OfflineTraining.trainingRandom(42);
            CorrectnessPredictor.Trained t = CorrectnessPredictor.trainWithOutOfFold(split, BITS, folds, options, b);
            assertEquals(whole.weightsFingerprint(), t.predictor().weightsFingerprint(), "whole-split predictor, " + folds + " folds");
            assertArrayEquals(oof, t.outOfFold(), "cross-fitted p_hat, " + folds + " folds");
            assertEquals(after, b.nextLong(), "the generator is left where the sequential training leaves it");

            RandomGenerator c = OfflineTraining.trainingRandom(42);
            CorrectnessPredictor.train(split, BITS, options, c);
            assertArrayEquals(oof, CorrectnessPredictor.outOfFold(split, BITS, folds, options, c), "outOfFold alone");
        }
    }

    /** The cross-fitting as it was written before the fits ran side by side: one fold after another. */
    private static double[] sequentialOutOfFold(LabelledSplit set, int folds, CorrectnessPredictor.Options options,
            RandomGenerator rng) {
        int n = set.size();
        int m = set.models();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        CorrectnessPredictor.shuffle(perm, rng);
        double[] out = new double[n * m];
        double[] buf = new double[m];
        for (int f = 0; f < folds; f++) {
            java.util.List<Integer> train = new java.util.ArrayList<>();
            java.util.List<Integer> test = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                (i % folds == f ? test : train).add(perm[i]);
            }
            LabelledSplit sub = set.subset(train.stream().mapToInt(Integer::intValue).toArray());
            CorrectnessPredictor p = CorrectnessPredictor.train(sub, BITS, options, rng);
            for (int pos : test) {
                p.predict(set, pos, buf);
                System.arraycopy(buf, 0, out, pos * m, m);
            }
        }
        return out;
    }

    /** A split with a signal to learn: each model's label depends on the category and on two of the hashed words. */
    static LabelledSplit split(int n, int models, int categories, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int dim = 1 << BITS;
        FeatureVector[] features = new FeatureVector[n];
        int[] category = new int[n];
        float[] length = new float[n];
        double[] cost = new double[n * models];
        double[] paid = new double[n * models];
        float[] labels = new float[n * models];
        for (int i = 0; i < n; i++) {
            int w1 = r.nextInt(dim);
            int w2 = (w1 + 1 + r.nextInt(dim - 1)) % dim;
            features[i] = FeatureVector.of(dim, new int[] {Math.min(w1, w2), Math.max(w1, w2)}, new float[] {1f, 0.5f});
            category[i] = r.nextInt(categories);
            length[i] = (float) r.nextDouble();
            for (int j = 0; j < models; j++) {
                double p = 0.3 + 0.15 * j + (category[i] == j % categories ? 0.2 : 0) - (w1 % 3 == j % 3 ? 0.25 : 0);
                labels[i * models + j] = r.nextDouble() < p ? 1f : 0f;
                cost[i * models + j] = 0.1 * (j + 1);
                paid[i * models + j] = 0.1 * (j + 1) * (0.5 + r.nextDouble());
            }
        }
        return new LabelledSplit(models, categories, features, category, length, cost, paid, labels);
    }
}
