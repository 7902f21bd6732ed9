package dev.switchyard.engine.sim;

/**
 * The request stream and its hidden truth, by common random numbers (decision 0901): the query behind real
 * request {@code seq} and whether model {@code j} truly satisfies it are pure functions of (seed, replication,
 * seq, j). Every router and every target of a sweep therefore faces the same requests with the same truth.
 * Queries are drawn with replacement from the evaluation pool (uniformly, or by the shifted category mix after
 * the mix shift).
 */
final class RequestStream {
    private final CounterRandom streamRng;
    private final CounterRandom truthRng;
    private final int rows;
    private final int cats;
    private final int[][] rowsByCategory;
    private final double[] shiftedCategoryCdf;
    private final long shiftAt;

    RequestStream(PreparedScenario p, Scenario s, int replication) {
        this.streamRng = new CounterRandom(s.seed(), replication, Seeds.STREAM);
        this.truthRng = new CounterRandom(s.seed(), replication, Seeds.TRUTH);
        this.rows = p.rows;
        this.cats = p.sample.categories().size();
        this.rowsByCategory = p.rowsByCategory;
        int days = s.volume().months() * Scenario.Volume.DAYS_PER_MONTH;
        if (s.mixShift() != null) {
            double[] w = new double[cats];
            double total = 0;
            for (int c = 0; c < cats; c++) {
                double base = p.rowsByCategory[c].length;
                Double mult = s.mixShift().categoryWeights().get(p.sample.categories().get(c));
                w[c] = base * (mult == null ? 1.0 : mult);
                total += w[c];
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("mix shift leaves no category with weight > 0");
            }
            double acc = 0;
            for (int c = 0; c < cats; c++) {
                acc += w[c] / total;
                w[c] = acc;
            }
            this.shiftedCategoryCdf = w;
            this.shiftAt = (long) (s.mixShift().atFraction() * days);
        } else {
            this.shiftedCategoryCdf = null;
            this.shiftAt = Long.MAX_VALUE;
        }
    }

    /** The day from which the shifted category mix applies (Long.MAX_VALUE without a mix shift). */
    long shiftDay() {
        return shiftAt;
    }

    /** Category c's share of the stream from the shift day on (its share of rows when there is no shift). */
    double shiftedCategoryShare(int c) {
        if (shiftedCategoryCdf == null) {
            return (double) rowsByCategory[c].length / rows;
        }
        return shiftedCategoryCdf[c] - (c == 0 ? 0 : shiftedCategoryCdf[c - 1]);
    }

    /** The evaluation row behind real request {@code seq}, on {@code day}. */
    int row(long seq, int day) {
        if (day >= shiftAt) {
            return shifted(seq);
        }
        return streamRng.below(seq, 0, rows);
    }

    private int shifted(long seq) {
        double u = streamRng.uniform(seq, 1);
        int c = 0;
        while (c < cats - 1 && shiftedCategoryCdf[c] <= u) {
            c++;
        }
        int[] r = rowsByCategory[c];
        if (r.length == 0) {
            return streamRng.below(seq, 2, rows);
        }
        return r[streamRng.below(seq, 2, r.length)];
    }

    /**
     * Whether model {@code model}'s answer to request {@code seq} truly satisfies (1) or not (0): a graded score is
     * the probability of satisfying; 0/1 scores decide it without a draw (and without a branch on the score, which is
     * as random as the row and would mispredict).
     */
    int outcome(long seq, int model, float score) {
        if (!(score >= 1f) && !(score <= 0f)) {
            return truthRng.uniformFloat(seq, model) < score ? 1 : 0;
        }
        return score >= 1f ? 1 : 0;
    }

    /**
     * Requests per distinct query the router saw: {@code simulated} draws with replacement from a pool of
     * {@code pool} queries hold pool (1 - (1 - 1/pool)^simulated) distinct ones in expectation (uniform draws; a
     * mix shift changes it little). Above 2, a predictor that memorises prompts looks better than it would on
     * fresh traffic.
     */
    static double repeatFactor(long simulated, int pool) {
        if (simulated <= 0 || pool <= 0) {
            return Double.NaN;
        }
        double distinct = pool * -Math.expm1(simulated * Math.log1p(-1.0 / pool));
        if (pool == 1) {
            distinct = 1;
        }
        return simulated / Math.max(1.0, distinct);
    }
}
