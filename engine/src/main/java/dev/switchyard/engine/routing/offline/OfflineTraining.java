package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The shared first step of every offline router: the calibration split read once, the per-model
 * correctness predictor trained on all of it, and cross-fitted p_hat for its own rows.
 *
 * <p>Results are memoised per (calibration split object, training seed, options): a sweep over
 * targets builds the same router many times from the same split and the same replication seed, and
 * would otherwise retrain identically each time. The memo never changes a number: a hit returns
 * exactly what training would have produced. Entries go when the split is no longer referenced.
 *
 * @param split the split as training reads it
 * @param hashBits hashed text space of its features
 * @param predictor trained on the whole split (for service)
 * @param outOfFold cross-fitted p_hat for the split's rows, {@code [i * M + m]} (for tuning)
 */
public record OfflineTraining(LabelledSplit split, int hashBits, CorrectnessPredictor predictor, double[] outOfFold) {

    /** Cross-fitting folds. */
    public static final int FOLDS = 5;

    private static final Map<CalibrationSet, Map<String, OfflineTraining>> MEMO = new WeakHashMap<>();

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
        int bits = hashBits(context);
        String key = seed + "/" + bits + "/" + options + "/" + context.costs().normaliser();
        Map<String, OfflineTraining> perSet;
        synchronized (MEMO) {
            perSet = MEMO.computeIfAbsent(set, s -> new ConcurrentHashMap<>());
        }
        OfflineTraining hit = perSet.get(key);
        if (hit != null) {
            return hit;
        }
        LabelledSplit split = LabelledSplit.of(set, context.categories().size(), context.costs().normaliser());
        RandomGenerator rng = trainingRandom(seed);
        CorrectnessPredictor predictor = CorrectnessPredictor.train(split, bits, options, rng);
        int folds = Math.min(FOLDS, split.size());
        double[] oof = folds >= 2 ? CorrectnessPredictor.outOfFold(split, bits, folds, options, rng) : inSample(predictor, split);
        OfflineTraining t = new OfflineTraining(split, bits, predictor, oof);
        OfflineTraining prev = perSet.putIfAbsent(key, t);
        return prev != null ? prev : t;
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
