package dev.switchyard.engine.routing;

import java.util.Arrays;

/**
 * A sparse feature vector (hashed indices with values), computed once per sample query by a
 * {@link TextFeatureExtractor} and shared by every request drawn from that query. Immutable.
 */
public final class FeatureVector {
    public static final FeatureVector EMPTY = new FeatureVector(0, new int[0], new float[0]);

    private final int dimension;
    private final int[] indices;
    private final float[] values;

    private FeatureVector(int dimension, int[] indices, float[] values) {
        this.dimension = dimension;
        this.indices = indices;
        this.values = values;
    }

    /**
     * @param dimension size of the hashed space; every index must be in [0, dimension)
     * @param indices feature indices (copied)
     * @param values one value per index (copied)
     */
    public static FeatureVector of(int dimension, int[] indices, float[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("feature vector needs one value per index, got "
                    + indices.length + " indices and " + values.length + " values");
        }
        for (int i : indices) {
            if (i < 0 || i >= dimension) {
                throw new IllegalArgumentException("feature index " + i + " outside [0, " + dimension + ")");
            }
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("feature values must be finite, got " + v);
            }
        }
        return new FeatureVector(dimension, indices.clone(), values.clone());
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return indices.length;
    }

    public int index(int i) {
        return indices[i];
    }

    public float value(int i) {
        return values[i];
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector f && dimension == f.dimension && Arrays.equals(indices, f.indices)
                && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }
}
