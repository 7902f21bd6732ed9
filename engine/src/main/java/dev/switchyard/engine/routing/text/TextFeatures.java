package dev.switchyard.engine.routing.text;

import java.util.Arrays;

/**
 * The features of one request as a router may see them in production: its category, its input
 * length and the hashed words and bigrams of its prompt. Computed once per sample query by
 * {@link TextFeaturizer}; cheap to dot with a weight vector.
 *
 * @param category category index (dense, as in the sample's dictionary)
 * @param lengthFeature {@code log1p(inputTokens) / 10}, so typical prompts give 0.3..1.2
 * @param indices hashed bucket indices, strictly increasing, each in [0, 2^hashBits)
 * @param values signed feature values, same length as {@code indices}, L2 norm 1 (or empty)
 */
public record TextFeatures(int category, float lengthFeature, int[] indices, float[] values) {

    public TextFeatures {
        if (category < 0) {
            throw new IllegalArgumentException("category index must be >= 0, got " + category);
        }
        if (!Float.isFinite(lengthFeature) || lengthFeature < 0) {
            throw new IllegalArgumentException("length feature must be finite and >= 0, got " + lengthFeature);
        }
        if (indices == null || values == null || indices.length != values.length) {
            throw new IllegalArgumentException("hashed features need one value per index");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("hashed feature indices must be >= 0 and strictly increasing (at #" + i + ")");
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("hashed feature value #" + i + " is not finite");
            }
        }
    }

    /** The length feature for a prompt of {@code inputTokens} tokens. */
    public static float lengthFeature(int inputTokens) {
        return (float) (Math.log1p(Math.max(0, inputTokens)) / 10.0);
    }

    public int nonZeros() {
        return indices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextFeatures f && category == f.category
                && Float.floatToIntBits(lengthFeature) == Float.floatToIntBits(f.lengthFeature)
                && Arrays.equals(indices, f.indices) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return (category * 31 + Float.hashCode(lengthFeature)) * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "TextFeatures[category=" + category + ", length=" + lengthFeature + ", nnz=" + indices.length + "]";
    }
}
