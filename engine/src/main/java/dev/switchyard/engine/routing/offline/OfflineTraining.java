package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import dev.switchyard.engine.routing.TrainedStateCache;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The shared first step of every offline router: the calibration split read once, the per-model
 * correctness predictor trained on all of it, and cross-fitted p_hat for its own rows.
 *
 * <p>Results are remembered per calibration split ({@link TrainedStateCache}, decision 1010) under a {@link Key}
 * of exactly what training reads besides the split: a sweep over targets and feedback rates builds the same
 * router many times from the same split and the same replication seed, and would otherwise retrain identically
 * each time. A hit returns exactly what training would have produced; concurrent callers train once.
 *
 * @param split the split as training reads it
 * @param hashBits hashed text space of its features
 * @param predictor trained on the whole split (for service)
 * @param outOfFold cross-fitted p_hat for the split's rows, {@code [i * M + m]} (for tuning)
 */
public record OfflineTraining(LabelledSplit split, int hashBits, CorrectnessPredictor predictor, double[] outOfFold) {

    /** Cross-fitting folds. */
    public static final int FOLDS = 5;

    /**
     * What {@link #of} reads besides the split: the training seed, the hashed feature space, the predictor's options,
     * the category count and the cost normaliser (the split's rows as {@link LabelledSplit} lays them out).
     */
    public record Key(long seed, int hashBits, CorrectnessPredictor.Options options, int categories, double normaliser) {
    }

    /** The hashed space of the context's text features (2^10 when there are none: every vector is empty). */
    public static int hashBits(RoutingContext context) {
        if (context.textFeatures().isEmpty()) {
            return 10;
        }
        TextFeatureExtractor e = context.textFeatures().get();
        int d = e.dimension();
        if (Integer.bitCount(d) != 1 || d < 2) {
            throw new IllegalArgumentException("offline routers need a hashed feature space of 2^k dimensions; extractor '"
                    + e.name() + "' has " + d);
        }
        return Integer.numberOfTrailingZeros(d);
    }

    /** A child generator for training, fully determined by {@code seed}. */
    public static RandomGenerator trainingRandom(long seed) {
        return RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(seed);
    }

    /**
     * Trains (or recalls) the predictor for {@code context}'s calibration split.
     *
     * @param router name for the error when there is no split
     * @param seed training seed (draw it from the context's generator)
     */
    public static OfflineTraining of(RoutingContext context, String router, long seed, CorrectnessPredictor.Options options) {
        CalibrationSet set = context.requireCalibration(router);
        Key key = key(context, seed, options);
        return TrainedStateCache.get(set, key, () -> train(set, key));
    }

    /** The key {@link #of} files this context's training under (offline routers key their own state on it). */
    public static Key key(RoutingContext context, long seed, CorrectnessPredictor.Options options) {
        return new Key(seed, hashBits(context), options, context.categories().size(), context.costs().normaliser());
    }

    private static OfflineTraining train(CalibrationSet set, Key key) {
        LabelledSplit split = LabelledSplit.of(set, key.categories(), key.normaliser());
        RandomGenerator rng = trainingRandom(key.seed());
        int bits = key.hashBits();
        int folds = Math.min(FOLDS, split.size());
        if (folds < 2) {
            CorrectnessPredictor predictor = CorrectnessPredictor.train(split, bits, key.options(), rng);
            return new OfflineTraining(split, bits, predictor, inSample(predictor, split));
        }
        CorrectnessPredictor.Trained t = CorrectnessPredictor.trainWithOutOfFold(split, bits, folds, key.options(), rng);
        return new OfflineTraining(split, bits, t.predictor(), t.outOfFold());
    }

    private static double[] inSample(CorrectnessPredictor predictor, LabelledSplit split) {
        int m = split.models();
        double[] out = new double[split.size() * m];
        double[] buf = new double[m];
        for (int i = 0; i < split.size(); i++) {
            predictor.predict(split, i, buf);
            System.arraycopy(buf, 0, out, i * m, m);
        }
        return out;
    }
}
