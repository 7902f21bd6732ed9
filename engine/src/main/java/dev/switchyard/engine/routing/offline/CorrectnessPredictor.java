package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.text.HashedLogisticModel;
import dev.switchyard.engine.routing.text.TextFeaturizer;
import java.util.random.RandomGenerator;

/**
 * Per-model correctness predictor p_hat_m(x) trained offline on a {@link LabelledSplit} (full
 * labels): a {@link HashedLogisticModel} on hashed prompt words and bigrams, category and length,
 * started at the split's per-category means and trained for a few shuffled epochs. Used by PROTEUS
 * (spec 3.2: "p_hat from a per-model correctness predictor trained on the same split"), by the
 * threshold router and by OmniRouter.
 *
 * <p>{@link #outOfFold} gives cross-fitted predictions for the split's own rows: a router that is
 * tuned on in-sample predictions sees p_hat that is sharper than what it will meet in service and
 * misses its target on new traffic (decision 0402).
 *
 * <p>Once trained it only predicts, so one instance can be shared by threads.
 */
public final class CorrectnessPredictor {
    private final HashedLogisticModel model;

    private CorrectnessPredictor(HashedLogisticModel model) {
        this.model = model;
    }

    /**
     * @param epochs passes over the split, 1..50
     * @param learningRate AdaGrad base step, in (0, 10]
     */
    public record Options(int epochs, double learningRate) {
        public Options {
            if (epochs < 1 || epochs > 50) {
                throw new IllegalArgumentException("epochs must be between 1 and 50, got " + epochs);
            }
            if (!(learningRate > 0 && learningRate <= 10)) {
                throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
            }
        }

        public static Options defaults() {
            return new Options(4, 0.1);
        }
    }

    /**
     * Trains on every row of {@code set}; {@code rng} only shuffles the epoch order.
     *
     * @param hashBits size of the hashed text space the features come from
     */
    public static CorrectnessPredictor train(LabelledSplit set, int hashBits, Options options, RandomGenerator rng) {
        return fit(set, hashBits, options, epochOrders(set.size(), options.epochs(), rng));
    }

    /**
     * The row order of every epoch, drawn from {@code rng} exactly as training draws them (one in-place shuffle per
     * epoch, each starting from the previous epoch's order): the only use training makes of its generator, so drawing
     * them first and fitting later gives the same model bit for bit.
     */
    static int[][] epochOrders(int n, int epochs, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[][] orders = new int[epochs][];
        for (int e = 0; e < epochs; e++) {
            shuffle(order, rng);
            orders[e] = order.clone();
        }
        return orders;
    }

    /** Trains on every row of {@code set} in the given epoch orders (no randomness of its own). */
    private static CorrectnessPredictor fit(LabelledSplit set, int hashBits, Options options, int[][] orders) {
        int m = set.models();
        HashedLogisticModel model = new HashedLogisticModel(m, hashBits, set.categories(), options.learningRate());
        model.setCategoryPrior(set.categoryMeans());
        for (int[] order : orders) {
            for (int i : order) {
                FeatureVector f = set.features(i);
                int cat = set.category(i);
                float len = set.length(i);
                for (int j = 0; j < m; j++) {
                    double p = model.predict(j, f, cat, len);
                    model.step(j, f, cat, len, p - set.label(i, j));
                }
            }
        }
        return new CorrectnessPredictor(model);
    }

    /**
     * Cross-fitted p_hat for the rows of {@code set}: the split is cut into {@code folds} random
     * folds and each fold is predicted by a model trained on the others.
     *
     * @return {@code phat[i * M + m]} for row position i of the split
     */
    public static double[] outOfFold(LabelledSplit set, int hashBits, int folds, Options options, RandomGenerator rng) {
        return CrossFit.draw(set, folds, options, rng, false).fit(set, hashBits, options).outOfFold();
    }

    /**
     * {@link #train} on the whole split, then {@link #outOfFold}, from the same generator in that order, with exactly
     * their results: every random draw is made first, in the order the two calls make them, and the 1 + {@code folds}
     * fits, independent once their row orders are known, then run side by side (an offline router's training is on the
     * planner's critical path, and the other planner threads wait for it; decision 1120).
     */
    public static Trained trainWithOutOfFold(LabelledSplit set, int hashBits, int folds, Options options, RandomGenerator rng) {
        return CrossFit.draw(set, folds, options, rng, true).fit(set, hashBits, options);
    }

    /** A predictor trained on the whole split and the split's cross-fitted p_hat ({@code [i * M + m]}). */
    public record Trained(CorrectnessPredictor predictor, double[] outOfFold) {
    }

    /** Every draw of a (whole split +) cross-fitting training, made in order; the fits that follow use no randomness. */
    private record CrossFit(int[][] wholeOrders, int[][] trainRows, int[][] testRows, int[][][] foldOrders) {
        static CrossFit draw(LabelledSplit set, int folds, Options options, RandomGenerator rng, boolean whole) {
            int n = set.size();
            if (folds < 2 || folds > n) {
                throw new IllegalArgumentException("folds must be between 2 and the split size " + n + ", got " + folds);
            }
            int[][] wholeOrders = whole ? epochOrders(n, options.epochs(), rng) : null;
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            shuffle(perm, rng);
            int[][] train = new int[folds][];
            int[][] test = new int[folds][];
            int[][][] orders = new int[folds][][];
            for (int f = 0; f < folds; f++) {
                int inFold = 0;
                for (int i = 0; i < n; i++) {
                    if (i % folds == f) {
                        inFold++;
                    }
                }
                train[f] = new int[n - inFold];
                test[f] = new int[inFold];
                int a = 0;
                int b = 0;
                for (int i = 0; i < n; i++) {
                    if (i % folds == f) {
                        test[f][b++] = perm[i];
                    } else {
                        train[f][a++] = perm[i];
                    }
                }
                orders[f] = epochOrders(train[f].length, options.epochs(), rng);
            }
            return new CrossFit(wholeOrders, train, test, orders);
        }

        /** The fits, side by side (each writes only its own fold's rows); the same result whatever runs them. */
        Trained fit(LabelledSplit set, int hashBits, Options options) {
            int m = set.models();
            int folds = trainRows.length;
            double[] out = new double[set.size() * m];
            CorrectnessPredictor[] whole = new CorrectnessPredictor[1];
            java.util.stream.IntStream.range(wholeOrders == null ? 0 : -1, folds).parallel().forEach(f -> {
                if (f < 0) {
                    whole[0] = CorrectnessPredictor.fit(set, hashBits, options, wholeOrders);
                    return;
                }
                CorrectnessPredictor p = CorrectnessPredictor.fit(set.subset(trainRows[f]), hashBits, options, foldOrders[f]);
                double[] buf = new double[m];
                for (int pos : testRows[f]) {
                    p.model.predict(set.features(pos), set.category(pos), set.length(pos), buf);
                    System.arraycopy(buf, 0, out, pos * m, m);
                }
            });
            return new Trained(whole[0], out);
        }
    }

    public int models() {
        return model.models();
    }

    /**
     * p_hat of every model for {@code request}, into {@code out}, without allocating.
     *
     * @param scratch at least {@link #models()} floats owned by the caller (the predictor itself is shared)
     */
    public void predict(RequestView request, double[] out, float[] scratch) {
        int key = request.queryKey();
        int m = model.models();
        float[] c = cache;
        if (key >= 0 && (long) (key + 1) * m <= c.length) {
            int base = key * m;
            boolean all = true;
            for (int j = 0; j < m; j++) {
                float v = c[base + j];
                all &= v != 0;
                out[j] = v - 1.0;
            }
            if (all) {
                return;
            }
        }
        model.predict(request.textFeatures(), request.category(), TextFeaturizer.lengthFeature(request.inputTokens()), out, scratch);
        // float precision always (cached or not), so a value never depends on which replication computed it first
        for (int j = 0; j < m; j++) {
            out[j] = (float) (out[j] + 1.0) - 1.0;
        }
        if (key >= 0) {
            remember(key, out);
        }
    }

    // Shared across the replications and routers that use this trained predictor: p_hat depends only on a
    // query's features, which are fixed per sample query (RequestView#queryKey). Each entry holds p_hat + 1
    // (0 = not yet computed) and is written as one float, so a reader sees either nothing or the right value.
    private volatile float[] cache = new float[0];

    private void remember(int key, double[] out) {
        int m = model.models();
        float[] c = cache;
        if ((long) (key + 1) * m > c.length) {
            c = grow(key);
        }
        int base = key * m;
        for (int j = 0; j < m; j++) {
            c[base + j] = (float) (out[j] + 1.0);
        }
    }

    private synchronized float[] grow(int key) {
        int m = model.models();
        float[] c = cache;
        if ((long) (key + 1) * m > c.length) {
            c = java.util.Arrays.copyOf(c, Math.max((key + 1) * m, Math.max(1024 * m, c.length * 2)));
            cache = c;
        }
        return c;
    }

    /** p_hat of every model for calibration row {@code row} of {@code set}, into {@code out}. */
    public void predict(LabelledSplit set, int row, double[] out) {
        model.predict(set.features(row), set.category(row), set.length(row), out);
    }

    /** Fingerprint of the trained weights (determinism checks). */
    public long weightsFingerprint() {
        return model.weightsFingerprint();
    }

    static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // Export and restore (issue 12): added at the end.

    public int hashBits() {
        return model.hashBits();
    }

    public int categories() {
        return model.categories();
    }

    public double learningRate() {
        return model.learningRate();
    }

    /** The trained weights, for a configuration file. */
    public java.util.Map<String, double[]> weightArrays() {
        return model.weightArrays();
    }

    /** A predictor with the weights of {@link #weightArrays()}: predicts exactly as the trained one. */
    public static CorrectnessPredictor restore(int models, int hashBits, int categories, double learningRate,
                                               java.util.Map<String, double[]> arrays) {
        return new CorrectnessPredictor(HashedLogisticModel.restore(models, hashBits, categories, learningRate, arrays));
    }
}
