package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Arrays;

/**
 * The {@link TextFeatures} of every query of a sample, computed once and stored compactly
 * (compressed sparse rows) so that a simulation replaying millions of requests never re-tokenises
 * a prompt. Immutable; safe to share between threads and replications.
 */
public final class TextFeatureTable {
    private final TextFeaturizer featurizer;
    private final int categories;
    private final int[] category;
    private final float[] length;
    private final int[] offsets;
    private final int[] indices;
    private final float[] values;

    private TextFeatureTable(TextFeaturizer featurizer, int categories, int[] category, float[] length,
                             int[] offsets, int[] indices, float[] values) {
        this.featurizer = featurizer;
        this.categories = categories;
        this.category = category;
        this.length = length;
        this.offsets = offsets;
        this.indices = indices;
        this.values = values;
    }

    /** Features of every query of {@code sample} (prompt text if it has any, else category and length). */
    public static TextFeatureTable of(TrafficSample sample, TextFeaturizer featurizer) {
        int n = sample.size();
        TextFeatures[] rows = new TextFeatures[n];
        for (int q = 0; q < n; q++) {
            rows[q] = featurizer.featurize(sample.hasPrompts() ? sample.prompt(q) : null, sample.category(q),
                    sample.inputTokens(q));
        }
        return of(featurizer, Math.max(1, sample.categories().size()), rows);
    }

    /** A table over already computed rows; every category index must be below {@code categories}. */
    public static TextFeatureTable of(TextFeaturizer featurizer, int categories, TextFeatures[] rows) {
        if (categories < 1) {
            throw new IllegalArgumentException("need at least one category, got " + categories);
        }
        int n = rows.length;
        int[] offsets = new int[n + 1];
        for (int q = 0; q < n; q++) {
            if (rows[q].category() >= categories) {
                throw new IllegalArgumentException("row " + q + " has category index " + rows[q].category()
                        + " but only " + categories + " categories are declared");
            }
            offsets[q + 1] = Math.addExact(offsets[q], rows[q].nonZeros());
        }
        int[] idx = new int[offsets[n]];
        float[] val = new float[offsets[n]];
        int[] cat = new int[n];
        float[] len = new float[n];
        for (int q = 0; q < n; q++) {
            TextFeatures f = rows[q];
            for (int k = 0; k < f.nonZeros(); k++) {
                if (f.indices()[k] >= featurizer.buckets()) {
                    throw new IllegalArgumentException("row " + q + " has a bucket index beyond 2^" + featurizer.hashBits());
                }
            }
            System.arraycopy(f.indices(), 0, idx, offsets[q], f.nonZeros());
            System.arraycopy(f.values(), 0, val, offsets[q], f.nonZeros());
            cat[q] = f.category();
            len[q] = f.lengthFeature();
        }
        return new TextFeatureTable(featurizer, categories, cat, len, offsets, idx, val);
    }

    public TextFeaturizer featurizer() {
        return featurizer;
    }

    public int size() {
        return category.length;
    }

    /** Number of categories (one-hot width). */
    public int categories() {
        return categories;
    }

    public int category(int q) {
        return category[q];
    }

    public float lengthFeature(int q) {
        return length[q];
    }

    /** First position of row {@code q} in {@link #indices()} / {@link #values()}. */
    public int start(int q) {
        return offsets[q];
    }

    /** One past the last position of row {@code q}. */
    public int end(int q) {
        return offsets[q + 1];
    }

    /** All rows' bucket indices, concatenated (row q is [start(q), end(q))). Shared: read, never modify. */
    public int[] indices() {
        return indices;
    }

    /** All rows' values, concatenated. Shared: read, never modify. */
    public float[] values() {
        return values;
    }

    /** A copy of row {@code q}. */
    public TextFeatures row(int q) {
        return new TextFeatures(category[q], length[q], Arrays.copyOfRange(indices, offsets[q], offsets[q + 1]),
                Arrays.copyOfRange(values, offsets[q], offsets[q + 1]));
    }

    /** Mean number of non-zero hashed features per row. */
    public double meanNonZeros() {
        return size() == 0 ? 0 : (double) indices.length / size();
    }
}
