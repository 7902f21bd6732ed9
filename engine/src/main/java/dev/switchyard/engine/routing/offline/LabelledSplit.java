package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.text.TextFeaturizer;

/**
 * The calibration split in the form offline training reads it: per row what the router sees (text
 * features, category, length feature, normalised expected cost per model) and what training may use
 * because these rows are never evaluated (the full label and the normalised realised cost per
 * model). Built once from a {@link CalibrationSet}; per-(row, model) arrays are row-major.
 */
public final class LabelledSplit {
    private final int models;
    private final int categories;
    private final FeatureVector[] features;
    private final int[] category;
    private final float[] length;
    private final double[] cost;
    private final double[] paid;
    private final float[] labels;

    /**
     * @param categories one-hot width; every category index must be below it
     * @param cost normalised expected cost, {@code [i * models + m]}, what the router sees
     * @param paid normalised realised cost, {@code [i * models + m]}, what serving would have cost
     * @param labels score in [0,1], {@code [i * models + m]}
     */
    public LabelledSplit(int models, int categories, FeatureVector[] features, int[] category, float[] length, double[] cost,
                         double[] paid, float[] labels) {
        if (models < 1 || categories < 1) {
            throw new IllegalArgumentException("need at least one model and one category");
        }
        int n = category.length;
        if (n == 0) {
            throw new IllegalArgumentException("the calibration split is empty; raise the calibration fraction");
        }
        if (features.length != n || length.length != n || cost.length != n * models || paid.length != n * models
                || labels.length != n * models) {
            throw new IllegalArgumentException("calibration arrays differ in length (rows " + n + ", models " + models + ")");
        }
        for (int i = 0; i < n; i++) {
            if (category[i] < 0 || category[i] >= categories) {
                throw new IllegalArgumentException("calibration row " + i + " has category " + category[i] + " outside 0.." + (categories - 1));
            }
            if (features[i] == null) {
                throw new IllegalArgumentException("calibration row " + i + " has no feature vector (use FeatureVector.EMPTY)");
            }
        }
        for (int i = 0; i < n * models; i++) {
            if (!(labels[i] >= 0 && labels[i] <= 1)) {
                throw new IllegalArgumentException("label of calibration row " + i / models + ", model #" + (i % models + 1)
                        + " must be in [0,1], got " + labels[i]);
            }
            if (!(cost[i] >= 0 && Double.isFinite(cost[i])) || !(paid[i] >= 0 && Double.isFinite(paid[i]))) {
                throw new IllegalArgumentException("cost of calibration row " + i / models + ", model #" + (i % models + 1)
                        + " must be finite and >= 0");
            }
        }
        this.models = models;
        this.categories = categories;
        this.features = features.clone();
        this.category = category.clone();
        this.length = length.clone();
        this.cost = cost.clone();
        this.paid = paid.clone();
        this.labels = labels.clone();
    }

    /**
     * Reads {@code set} once.
     *
     * @param categories the context's category count
     * @param normaliser the context's cost normaliser (USD), to normalise realised costs like expected ones
     */
    public static LabelledSplit of(CalibrationSet set, int categories, double normaliser) {
        if (!(normaliser > 0)) {
            throw new IllegalArgumentException("cost normaliser must be > 0, got " + normaliser);
        }
        int n = set.size();
        int m = set.modelCount();
        FeatureVector[] f = new FeatureVector[n];
        int[] cat = new int[n];
        float[] len = new float[n];
        double[] c = new double[n * m];
        double[] p = new double[n * m];
        float[] l = new float[n * m];
        for (int i = 0; i < n; i++) {
            RequestView r = set.request(i);
            f[i] = r.textFeatures();
            cat[i] = r.category();
            len[i] = TextFeaturizer.lengthFeature(r.inputTokens());
            for (int j = 0; j < m; j++) {
                c[i * m + j] = r.normalisedCost(j);
                p[i * m + j] = set.realisedCost(i, j) / normaliser;
                l[i * m + j] = (float) set.score(i, j);
            }
        }
        return new LabelledSplit(m, Math.max(1, categories), f, cat, len, c, p, l);
    }

    public int size() {
        return category.length;
    }

    public int models() {
        return models;
    }

    public int categories() {
        return categories;
    }

    public FeatureVector features(int row) {
        return features[row];
    }

    public int category(int row) {
        return category[row];
    }

    public float length(int row) {
        return length[row];
    }

    /** Normalised expected cost (what the router sees). */
    public double cost(int row, int model) {
        return cost[row * models + model];
    }

    /** Normalised realised cost (what serving it would have cost). */
    public double paid(int row, int model) {
        return paid[row * models + model];
    }

    /** The label: score of {@code model} on {@code row}, in [0,1]. */
    public float label(int row, int model) {
        return labels[row * models + model];
    }

    double[] costArray() {
        return cost;
    }

    /** Mean label of every (category, model), with one pseudo-success and one pseudo-failure, {@code [c * M + m]}. */
    public double[] categoryMeans() {
        double[] sum = new double[categories * models];
        double[] n = new double[categories];
        for (int i = 0; i < size(); i++) {
            int c = category[i];
            n[c]++;
            for (int j = 0; j < models; j++) {
                sum[c * models + j] += labels[i * models + j];
            }
        }
        double[] mean = new double[categories * models];
        for (int c = 0; c < categories; c++) {
            for (int j = 0; j < models; j++) {
                mean[c * models + j] = (sum[c * models + j] + 1) / (n[c] + 2);
            }
        }
        return mean;
    }

    /** Mean label per model. */
    public double[] meanLabels() {
        double[] s = new double[models];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < models; j++) {
                s[j] += labels[i * models + j];
            }
        }
        for (int j = 0; j < models; j++) {
            s[j] /= size();
        }
        return s;
    }

    /** The rows at {@code positions} (for cross-fitting folds). */
    public LabelledSplit subset(int[] positions) {
        int k = positions.length;
        FeatureVector[] f = new FeatureVector[k];
        int[] cat = new int[k];
        float[] len = new float[k];
        double[] c = new double[k * models];
        double[] p = new double[k * models];
        float[] l = new float[k * models];
        for (int i = 0; i < k; i++) {
            int r = positions[i];
            f[i] = features[r];
            cat[i] = category[r];
            len[i] = length[r];
            System.arraycopy(cost, r * models, c, i * models, models);
            System.arraycopy(paid, r * models, p, i * models, models);
            System.arraycopy(labels, r * models, l, i * models, models);
        }
        return new LabelledSplit(models, categories, f, cat, len, c, p, l);
    }
}
