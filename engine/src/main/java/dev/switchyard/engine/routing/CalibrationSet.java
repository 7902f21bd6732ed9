package dev.switchyard.engine.routing;

import java.util.List;

/**
 * The labelled calibration split an offline router may train on: per row the request as a router
 * would see it, and the full label (quality score in [0,1]) of every model. The simulator builds it
 * from sample queries it then leaves out of the evaluation stream, so nothing here is the hidden
 * truth of a request the router will be scored on.
 */
public final class CalibrationSet {
    private final int rows;
    private final int models;
    private final int[] category;
    private final int[] inputTokens;
    private final int[] cachedInputTokens;
    private final int[] tenant;
    private final int[] slaTier;
    private final double[] expectedCost;
    private final double normaliser;
    private final float[] score;
    private final double[] realisedCost;
    private final List<FeatureVector> features;

    /**
     * All per-(row, model) arrays are row-major ({@code row * models + model}). Arrays are copied.
     *
     * @param features one vector per row (use {@link FeatureVector#EMPTY} when there are no prompts)
     */
    public CalibrationSet(int models, int[] category, int[] inputTokens, int[] cachedInputTokens, int[] tenant,
            int[] slaTier, double[] expectedCost, double normaliser, float[] score, double[] realisedCost,
            List<FeatureVector> features) {
        this.rows = category.length;
        this.models = models;
        if (inputTokens.length != rows || cachedInputTokens.length != rows || tenant.length != rows
                || slaTier.length != rows || features.size() != rows) {
            throw new IllegalArgumentException("calibration columns differ in length");
        }
        if (expectedCost.length != rows * models || score.length != rows * models || realisedCost.length != rows * models) {
            throw new IllegalArgumentException("calibration cells must be rows x models = " + rows + " x " + models);
        }
        if (!(normaliser > 0)) {
            throw new IllegalArgumentException("cost normaliser must be > 0, got " + normaliser);
        }
        this.category = category.clone();
        this.inputTokens = inputTokens.clone();
        this.cachedInputTokens = cachedInputTokens.clone();
        this.tenant = tenant.clone();
        this.slaTier = slaTier.clone();
        this.expectedCost = expectedCost.clone();
        this.normaliser = normaliser;
        this.score = score.clone();
        this.realisedCost = realisedCost.clone();
        this.features = List.copyOf(features);
    }

    public int size() {
        return rows;
    }

    public int modelCount() {
        return models;
    }

    /** The row as a router would see it at routing time (sequence = row). Allocates; for training, not for the hot path. */
    public RequestView request(int row) {
        return new RowView(row);
    }

    /** The full label: quality of {@code model} on calibration row {@code row}, in [0,1]. */
    public double score(int row, int model) {
        return score[row * models + model];
    }

    /** What serving this row with {@code model} actually cost, USD. */
    public double realisedCost(int row, int model) {
        return realisedCost[row * models + model];
    }

    public int category(int row) {
        return category[row];
    }

    /** Mean score per model over the whole split. */
    public double[] meanScores() {
        double[] s = new double[models];
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < models; m++) {
                s[m] += score[r * models + m];
            }
        }
        for (int m = 0; m < models; m++) {
            s[m] /= Math.max(1, rows);
        }
        return s;
    }

    /** Mean realised cost per model over the whole split, USD. */
    public double[] meanRealisedCosts() {
        double[] s = new double[models];
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < models; m++) {
                s[m] += realisedCost[r * models + m];
            }
        }
        for (int m = 0; m < models; m++) {
            s[m] /= Math.max(1, rows);
        }
        return s;
    }

    private final class RowView implements RequestView {
        private final int row;

        RowView(int row) {
            if (row < 0 || row >= rows) {
                throw new IndexOutOfBoundsException("calibration row " + row + " of " + rows);
            }
            this.row = row;
        }

        @Override public long sequence() { return row; }
        @Override public int category() { return category[row]; }
        @Override public int inputTokens() { return inputTokens[row]; }
        @Override public int cachedInputTokens() { return cachedInputTokens[row]; }
        @Override public int tenant() { return tenant[row]; }
        @Override public int slaTier() { return slaTier[row]; }
        @Override public long timeMillis() { return 0L; }
        @Override public int modelCount() { return models; }
        @Override public double expectedCost(int model) { return expectedCost[row * models + model]; }
        @Override public double normalisedCost(int model) { return expectedCost[row * models + model] / normaliser; }
        @Override public FeatureVector textFeatures() { return features.get(row); }
    }
}
