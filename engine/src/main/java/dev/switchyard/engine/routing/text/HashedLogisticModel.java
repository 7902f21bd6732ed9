package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.routing.FeatureVector;
import java.util.Arrays;

/**
 * One logistic regression per model over a request's hashed text features: hashed text weights, a weight per
 * category (one-hot), a weight on the length feature and a bias. Learns by AdaGrad, one coordinate
 * at a time, so a step costs only the request's non-zero features.
 *
 * <p>AdaGrad is chosen for stability as much as for sparse text: each coordinate's step is divided
 * by the root of its accumulated squared gradients, so the first step on a coordinate moves it by
 * at most the learning rate however large the gradient is. That is what keeps the large, rare
 * gradients of the unbiased one-sided label transform (see {@link TextLogisticPredictor}) from
 * throwing the weights around.
 *
 * <p>Hashed weights are stored bucket-major ({@code bucket * models + model}) so predicting every
 * model for one request reads one short contiguous run per feature. Not thread-safe: one instance
 * per simulated replication.
 */
public final class HashedLogisticModel {
    private static final double EPS = 1e-8;

    private final int models;
    private final int hashBits;
    private final int categories;
    private final double learningRate;
    private final float[] hashed;
    private final float[] hashedG2;
    private final double[] category;
    private final double[] categoryG2;
    private final double[] length;
    private final double[] lengthG2;
    private final double[] bias;
    private final double[] biasG2;

    /**
     * @param models number of models (>= 1)
     * @param hashBits bucket bits of the features it will see (as the featurizer's)
     * @param categories category one-hot width
     * @param learningRate AdaGrad base step, in (0, 10]
     */
    public HashedLogisticModel(int models, int hashBits, int categories, double learningRate) {
        if (models < 1) {
            throw new IllegalArgumentException("need at least one model, got " + models);
        }
        if (hashBits < 1 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be between 1 and 24, got " + hashBits);
        }
        if (categories < 1) {
            throw new IllegalArgumentException("need at least one category, got " + categories);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
        }
        long cells = (long) models << hashBits;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("2^" + hashBits + " buckets x " + models + " models is too many weights");
        }
        this.models = models;
        this.hashBits = hashBits;
        this.categories = categories;
        this.learningRate = learningRate;
        this.hashed = new float[(int) cells];
        this.hashedG2 = new float[(int) cells];
        this.category = new double[categories * models];
        this.categoryG2 = new double[categories * models];
        this.length = new double[models];
        this.lengthG2 = new double[models];
        this.bias = new double[models];
        this.biasG2 = new double[models];
    }

    private HashedLogisticModel(HashedLogisticModel o) {
        this.models = o.models;
        this.hashBits = o.hashBits;
        this.categories = o.categories;
        this.learningRate = o.learningRate;
        this.hashed = o.hashed.clone();
        this.hashedG2 = o.hashedG2.clone();
        this.category = o.category.clone();
        this.categoryG2 = o.categoryG2.clone();
        this.length = o.length.clone();
        this.lengthG2 = o.lengthG2.clone();
        this.bias = o.bias.clone();
        this.biasG2 = o.biasG2.clone();
    }

    /** An independent copy (weights and AdaGrad state). */
    public HashedLogisticModel copy() {
        return new HashedLogisticModel(this);
    }

    public int models() {
        return models;
    }

    public int hashBits() {
        return hashBits;
    }

    public int categories() {
        return categories;
    }

    /**
     * Starts every (category, model) at a prior success probability, so that the text weights
     * learn a correction to the category mean rather than the mean itself.
     *
     * @param prior {@code prior[c * models + m]}, each in (0, 1); clamped to [0.01, 0.99]
     */
    public void setCategoryPrior(double[] prior) {
        if (prior.length != category.length) {
            throw new IllegalArgumentException("prior needs categories x models = " + category.length + " values, got " + prior.length);
        }
        for (int i = 0; i < prior.length; i++) {
            double p = prior[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("prior #" + i + " must be in [0,1], got " + p);
            }
            p = Math.min(0.99, Math.max(0.01, p));
            category[i] = Math.log(p / (1 - p));
        }
    }

    /**
     * Logits of every model for one request into {@code out[0..models)}.
     *
     * @param features hashed text features (indices are folded onto this model's buckets)
     * @param cat category index
     * @param len length feature ({@link TextFeaturizer#lengthFeature(int)})
     * @param scratch at least {@code models} floats, owned by the caller (keeps this method
     *     allocation-free and the model shareable between threads for prediction)
     */
    public void logits(FeatureVector features, int cat, float len, double[] out, float[] scratch) {
        int m = models;
        float[] w = hashed;
        int mask = mask();
        int nnz = features.size();
        // four models at a time, each sum in a register: the request's weight rows are in L1 after the
        // first block, and four independent chains keep the CPU busy (2.5x faster than feature-outer)
        int j = 0;
        for (; j + 3 < m; j += 4) {
            float z0 = 0;
            float z1 = 0;
            float z2 = 0;
            float z3 = 0;
            for (int k = 0; k < nnz; k++) {
                int base = (features.index(k) & mask) * m + j;
                float v = features.value(k);
                z0 += w[base] * v;
                z1 += w[base + 1] * v;
                z2 += w[base + 2] * v;
                z3 += w[base + 3] * v;
            }
            scratch[j] = z0;
            scratch[j + 1] = z1;
            scratch[j + 2] = z2;
            scratch[j + 3] = z3;
        }
        for (; j < m; j++) {
            float z = 0;
            for (int k = 0; k < nnz; k++) {
                z += w[(features.index(k) & mask) * m + j] * features.value(k);
            }
            scratch[j] = z;
        }
        int cb = cat * m;
        for (int i = 0; i < m; i++) {
            out[i] = bias[i] + category[cb + i] + length[i] * len + scratch[i];
        }
    }

    /** Success probabilities of every model for one request into {@code out[0..models)}; see {@link #logits}. */
    public void predict(FeatureVector features, int cat, float len, double[] out, float[] scratch) {
        logits(features, cat, len, out, scratch);
        for (int j = 0; j < models; j++) {
            out[j] = sigmoid(out[j]);
        }
    }

    /** As {@link #predict(FeatureVector, int, float, double[], float[])}, allocating its scratch (training, not the hot path). */
    public void predict(FeatureVector features, int cat, float len, double[] out) {
        predict(features, cat, len, out, new float[models]);
    }

    /** Success probability of one model. */
    public double predict(int model, FeatureVector features, int cat, float len) {
        double z = bias[model] + category[cat * models + model] + length[model] * len;
        int nnz = features.size();
        int mask = mask();
        for (int k = 0; k < nnz; k++) {
            z += hashed[(features.index(k) & mask) * models + model] * features.value(k);
        }
        return sigmoid(z);
    }

    /**
     * One AdaGrad step for {@code model} on one request.
     *
     * @param error d(loss)/d(logit); for log-loss with label y this is {@code p - y}
     */
    public void step(int model, FeatureVector features, int cat, float len, double error) {
        if (!Double.isFinite(error)) {
            throw new IllegalArgumentException("gradient must be finite, got " + error);
        }
        if (error == 0) {
            return;
        }
        double lr = learningRate;
        int m = models;
        int nnz = features.size();
        int mask = mask();
        for (int k = 0; k < nnz; k++) {
            int c = (features.index(k) & mask) * m + model;
            double g = error * features.value(k);
            float acc = hashedG2[c] + (float) (g * g);
            hashedG2[c] = acc;
            hashed[c] -= (float) (lr * g / Math.sqrt(acc + EPS));
        }
        int c = cat * m + model;
        categoryG2[c] += error * error;
        category[c] -= lr * error / Math.sqrt(categoryG2[c] + EPS);
        double gl = error * len;
        lengthG2[model] += gl * gl;
        length[model] -= lr * gl / Math.sqrt(lengthG2[model] + EPS);
        biasG2[model] += error * error;
        bias[model] -= lr * error / Math.sqrt(biasG2[model] + EPS);
    }

    /** The text-free estimate for (category, model) at length feature {@code len}: what the model believes before reading words. */
    public double categoryEstimate(int cat, int model, float len) {
        return sigmoid(bias[model] + category[cat * models + model] + length[model] * len);
    }

    /**
     * Feature indices are folded onto this model's {@code 2^hashBits} buckets by their low bits. The
     * extractor's indices are low bits of a MurmurHash3 value, so folding a 2^18 space onto 2^14 is
     * the same as hashing into 2^14 directly: more collisions, same signs, no bias.
     */
    private int mask() {
        return (1 << hashBits) - 1;
    }

    /** A fingerprint of the weights (for determinism checks and exported-state round trips). */
    public long weightsFingerprint() {
        long h = Arrays.hashCode(hashed);
        h = h * 31 + Arrays.hashCode(category);
        h = h * 31 + Arrays.hashCode(length);
        return h * 31 + Arrays.hashCode(bias);
    }

    private static final double SIGMOID_RANGE = 16.0;
    private static final int SIGMOID_STEPS = 8192;
    private static final double SIGMOID_SCALE = SIGMOID_STEPS / (2 * SIGMOID_RANGE);
    private static final double[] SIGMOID_TABLE = new double[SIGMOID_STEPS + 2];

    static {
        for (int i = 0; i < SIGMOID_TABLE.length; i++) {
            double z = -SIGMOID_RANGE + i / SIGMOID_SCALE;
            SIGMOID_TABLE[i] = 1.0 / (1.0 + StrictMath.exp(-z));
        }
    }

    /**
     * The logistic function by linear interpolation in a table (error below 2e-6): a dozen
     * {@code Math.exp} calls per request were a third of the predictor's time, and a table is
     * plain arithmetic, so it gives the same bits on every JVM.
     */
    static double sigmoid(double z) {
        if (!(z > -SIGMOID_RANGE)) {
            return z != z ? Double.NaN : SIGMOID_TABLE[0];
        }
        if (z >= SIGMOID_RANGE) {
            return SIGMOID_TABLE[SIGMOID_STEPS];
        }
        double x = (z + SIGMOID_RANGE) * SIGMOID_SCALE;
        int i = (int) x;
        double frac = x - i;
        return SIGMOID_TABLE[i] + frac * (SIGMOID_TABLE[i + 1] - SIGMOID_TABLE[i]);
    }

    // Export and restore (issue 12: configurations carry trained weights): added at the end.

    public double learningRate() {
        return learningRate;
    }

    /** Every weight and AdaGrad accumulator as double arrays (floats widen exactly). */
    public java.util.Map<String, double[]> weightArrays() {
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        out.put("hashed", widen(hashed));
        out.put("hashedG2", widen(hashedG2));
        out.put("category", category.clone());
        out.put("categoryG2", categoryG2.clone());
        out.put("length", length.clone());
        out.put("lengthG2", lengthG2.clone());
        out.put("bias", bias.clone());
        out.put("biasG2", biasG2.clone());
        return out;
    }

    /** A model with these dimensions and the weights of {@link #weightArrays()}. */
    public static HashedLogisticModel restore(int models, int hashBits, int categories, double learningRate,
                                              java.util.Map<String, double[]> arrays) {
        HashedLogisticModel m = new HashedLogisticModel(models, hashBits, categories, learningRate);
        narrowInto(arrays, "hashed", m.hashed);
        narrowInto(arrays, "hashedG2", m.hashedG2);
        copyInto(arrays, "category", m.category);
        copyInto(arrays, "categoryG2", m.categoryG2);
        copyInto(arrays, "length", m.length);
        copyInto(arrays, "lengthG2", m.lengthG2);
        copyInto(arrays, "bias", m.bias);
        copyInto(arrays, "biasG2", m.biasG2);
        return m;
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static double[] required(java.util.Map<String, double[]> arrays, String key, int length) {
        double[] v = arrays.get(key);
        if (v == null || v.length != length) {
            throw new IllegalArgumentException("predictor weights: array '" + key + "' "
                    + (v == null ? "is missing" : "has " + v.length + " values, expected " + length));
        }
        return v;
    }

    private static void narrowInto(java.util.Map<String, double[]> arrays, String key, float[] into) {
        double[] v = required(arrays, key, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = (float) v[i];
        }
    }

    private static void copyInto(java.util.Map<String, double[]> arrays, String key, double[] into) {
        System.arraycopy(required(arrays, key, into.length), 0, into, 0, into.length);
    }
}
