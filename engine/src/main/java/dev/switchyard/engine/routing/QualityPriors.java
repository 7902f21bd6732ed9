package dev.switchyard.engine.routing;

/**
 * Prior satisfaction per (category, model): from the catalog's quality priors, or the calibration
 * split's category means, or a neutral 0.5, as the scenario decides. {@link #strength()} is the
 * Beta prior's pseudo-count (how many answers the prior is worth).
 */
public final class QualityPriors {
    private final int categories;
    private final int models;
    private final double[] mean;
    private final double strength;
    private final String source;

    /**
     * @param means {@code means[category][model]} in [0,1]
     * @param strength pseudo-observations behind each prior, > 0
     * @param source plain words, e.g. "catalog quality priors" or "calibration split category means"
     */
    public QualityPriors(double[][] means, double strength, String source) {
        if (!(strength > 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("prior strength must be > 0, got " + strength);
        }
        this.categories = means.length;
        this.models = categories == 0 ? 0 : means[0].length;
        this.mean = new double[categories * models];
        for (int c = 0; c < categories; c++) {
            if (means[c].length != models) {
                throw new IllegalArgumentException("prior row " + c + " has " + means[c].length + " models, expected " + models);
            }
            for (int m = 0; m < models; m++) {
                double p = means[c][m];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("prior for category " + c + ", model " + m + " must be in [0,1], got " + p);
                }
                mean[c * models + m] = p;
            }
        }
        this.strength = strength;
        this.source = source == null ? "" : source;
    }

    /** A neutral prior (0.5 everywhere) for {@code categories} x {@code models}. */
    public static QualityPriors neutral(int categories, int models) {
        double[][] m = new double[categories][models];
        for (double[] row : m) {
            java.util.Arrays.fill(row, 0.5);
        }
        return new QualityPriors(m, 2.0, "neutral 0.5");
    }

    public int categoryCount() {
        return categories;
    }

    public int modelCount() {
        return models;
    }

    public double mean(int category, int model) {
        return mean[category * models + model];
    }

    public double strength() {
        return strength;
    }

    public String source() {
        return source;
    }

    /** A copy with another pseudo-count (routers expose it as a parameter). */
    public QualityPriors withStrength(double newStrength) {
        double[][] m = new double[categories][models];
        for (int c = 0; c < categories; c++) {
            for (int j = 0; j < models; j++) {
                m[c][j] = mean(c, j);
            }
        }
        return new QualityPriors(m, newStrength, source);
    }
}
