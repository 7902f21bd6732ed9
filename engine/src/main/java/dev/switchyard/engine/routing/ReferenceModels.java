package dev.switchyard.engine.routing;

/**
 * The one definition of the single-model references every figure is measured against (decision
 * 0308): the best fixed model (highest mean score; the reference of "savings vs best fixed") and the
 * cheapest single model whose mean score meets the target (the reference of
 * "savings vs cheapest meeting target"). The means are per-query means over labelled data (the
 * calibration split, or the whole sample when there is none), so each category counts by its share of
 * traffic. The simulator's savings figures and the best-fixed / cheapest-meeting-target baselines call
 * these same methods on the same means, so a baseline saves exactly 0 against its own reference.
 */
public final class ReferenceModels {
    /** Scores are means of floats: a tolerance keeps a model at exactly tau from missing it by rounding. */
    private static final double TOLERANCE = 1e-12;

    private ReferenceModels() {
    }

    /** Highest mean score; ties go to the cheaper model, then to the lower index. */
    public static int best(double[] meanScore, double[] meanCost) {
        check(meanScore, meanCost);
        int best = 0;
        for (int j = 1; j < meanScore.length; j++) {
            if (meanScore[j] > meanScore[best] || (meanScore[j] == meanScore[best] && meanCost[j] < meanCost[best])) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The cheapest model whose mean score reaches {@code tau}; ties go to the higher score, then the lower
     * index. -1 when no model's mean reaches tau (there is then no single-model way to meet the target).
     */
    public static int cheapestMeeting(double[] meanScore, double[] meanCost, double tau) {
        check(meanScore, meanCost);
        int pick = -1;
        for (int j = 0; j < meanScore.length; j++) {
            if (meanScore[j] >= tau - TOLERANCE && (pick < 0 || meanCost[j] < meanCost[pick]
                    || (meanCost[j] == meanCost[pick] && meanScore[j] > meanScore[pick]))) {
                pick = j;
            }
        }
        return pick;
    }

    /**
     * Per model, the traffic-weighted mean of per-category figures: {@code sum_c share[c] * perCategory[c][j]}
     * with the shares normalised to 1 (a category without traffic counts for nothing). All shares 0: the
     * plain mean over categories.
     */
    public static double[] trafficWeighted(double[][] perCategory, double[] categoryShare) {
        int cats = perCategory.length;
        if (categoryShare.length != cats) {
            throw new IllegalArgumentException(cats + " categories but " + categoryShare.length + " shares");
        }
        int m = cats == 0 ? 0 : perCategory[0].length;
        double total = 0;
        for (double w : categoryShare) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("category shares must be >= 0, got " + w);
            }
            total += w;
        }
        double[] out = new double[m];
        for (int c = 0; c < cats; c++) {
            double w = total > 0 ? categoryShare[c] / total : 1.0 / cats;
            for (int j = 0; j < m; j++) {
                out[j] += w * perCategory[c][j];
            }
        }
        return out;
    }

    private static void check(double[] meanScore, double[] meanCost) {
        if (meanScore.length == 0 || meanScore.length != meanCost.length) {
            throw new IllegalArgumentException("need one mean score and one mean cost per model, got " + meanScore.length
                    + " and " + meanCost.length);
        }
    }
}
