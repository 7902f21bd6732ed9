package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.routing.text.TextFeatureTable;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * The calibration split an offline-trained router (PROTEUS, threshold, OmniRouter's batch solve)
 * may learn from, with full labels (spec section 2). Routers evaluated afterwards must never see
 * these rows again; the simulator keeps them out of the evaluation stream.
 *
 * @param features features of the whole sample (rows index into it)
 * @param models number of models M
 * @param rows the calibration rows of {@code features}, in training order
 * @param labels {@code labels[i * M + m]}: the score of model m on {@code rows[i]}, in [0,1]
 * @param costs {@code costs[i * M + m]}: USD of model m on {@code rows[i]}, >= 0
 */
public record CalibrationSet(TextFeatureTable features, int models, int[] rows, float[] labels, double[] costs) {

    public CalibrationSet {
        if (features == null) {
            throw new IllegalArgumentException("features are required");
        }
        if (models < 1) {
            throw new IllegalArgumentException("need at least one model, got " + models);
        }
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("the calibration split is empty; raise the calibration fraction");
        }
        if (labels == null || labels.length != rows.length * models) {
            throw new IllegalArgumentException("labels need rows x models = " + rows.length * models + " values");
        }
        if (costs == null || costs.length != rows.length * models) {
            throw new IllegalArgumentException("costs need rows x models = " + rows.length * models + " values");
        }
        for (int r : rows) {
            if (r < 0 || r >= features.size()) {
                throw new IllegalArgumentException("calibration row " + r + " is outside the sample (0.." + (features.size() - 1) + ")");
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (!(labels[i] >= 0 && labels[i] <= 1)) {
                throw new IllegalArgumentException("label of calibration row " + rows[i / models] + ", model #" + (i % models + 1)
                        + " must be in [0,1], got " + labels[i]);
            }
            if (!(costs[i] >= 0 && Double.isFinite(costs[i]))) {
                throw new IllegalArgumentException("cost of calibration row " + rows[i / models] + ", model #" + (i % models + 1)
                        + " must be finite and >= 0, got " + costs[i]);
            }
        }
    }

    /** The calibration split {@code rows} of {@code sample}, labelled with its scores, priced by {@code costs}. */
    public static CalibrationSet of(TrafficSample sample, CostTable costs, TextFeatureTable features, int[] rows) {
        int m = sample.modelCount();
        if (features.size() != sample.size() || costs.queryCount() != sample.size() || costs.modelCount() != m) {
            throw new IllegalArgumentException("features, costs and sample must describe the same queries and models");
        }
        float[] labels = new float[rows.length * m];
        double[] c = new double[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < m; j++) {
                labels[i * m + j] = sample.score(rows[i], j);
                c[i * m + j] = costs.cost(rows[i], j);
            }
        }
        return new CalibrationSet(features, m, rows.clone(), labels, c);
    }

    public int size() {
        return rows.length;
    }

    /**
     * The cost scale of spec section 1: the mean cost of the most expensive model on this split.
     * Dividing costs by it makes lambda and step sizes workload- and currency-free.
     */
    public double costScale() {
        double best = 0;
        for (int j = 0; j < models; j++) {
            double sum = 0;
            for (int i = 0; i < rows.length; i++) {
                sum += costs[i * models + j];
            }
            best = Math.max(best, sum / rows.length);
        }
        return best > 0 ? best : 1.0;
    }

    /** Mean label of every (category, model) with a Beta(1,1) pseudo-count, {@code [c * M + m]}. */
    public double[] categoryMeans() {
        int cats = features.categories();
        double[] sum = new double[cats * models];
        double[] n = new double[cats];
        for (int i = 0; i < rows.length; i++) {
            int c = features.category(rows[i]);
            n[c]++;
            for (int j = 0; j < models; j++) {
                sum[c * models + j] += labels[i * models + j];
            }
        }
        double[] mean = new double[cats * models];
        for (int c = 0; c < cats; c++) {
            for (int j = 0; j < models; j++) {
                mean[c * models + j] = (sum[c * models + j] + 1) / (n[c] + 2);
            }
        }
        return mean;
    }

    /** The rows at positions {@code positions} of this split (for cross-fitting folds). */
    public CalibrationSet subset(int[] positions) {
        int[] r = new int[positions.length];
        float[] l = new float[positions.length * models];
        double[] c = new double[positions.length * models];
        for (int i = 0; i < positions.length; i++) {
            int p = positions[i];
            r[i] = rows[p];
            System.arraycopy(labels, p * models, l, i * models, models);
            System.arraycopy(costs, p * models, c, i * models, models);
        }
        return new CalibrationSet(features, models, r, l, c);
    }
}
