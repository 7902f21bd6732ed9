package dev.switchyard.engine.routing.text;

/**
 * The online logistic predictor: p_hat per model from hashed prompt words and bigrams, the
 * category and the prompt length, learning from feedback one event at a time (spec section 2 and
 * issue 3, "an online logistic model on hashed prompt-text features plus category and length").
 *
 * <p>Feedback it learns from:
 * <ul>
 *   <li>a revealed outcome s in [0,1] (full feedback, or the sparse two-sided kind when it fires):
 *       an ordinary log-loss step with label s;</li>
 *   <li>one-sided feedback (SLARouter's setting): a report r in {0,1} after every served request,
 *       with the router's assumed report rate q and false-report rate f. The label used is
 *       {@code y = 1 - d_hat} with {@code d_hat = (r - f)/(q - f)}, the spec's unbiased estimate of
 *       1 - s. The log-loss gradient {@code p - y} is linear in y, so the step is unbiased for the
 *       full-information gradient. y lies outside [0,1] (a report at q = 0.05 gives y = -19), so the
 *       steps have a large variance; {@link HashedLogisticModel}'s per-coordinate AdaGrad scaling
 *       bounds each coordinate's first move by the learning rate and shrinks later moves, which
 *       keeps SGD stable without clipping (clipping would bias the estimate towards optimism).</li>
 * </ul>
 *
 * <p>Cost per request: one sparse dot product per model (predict) and one sparse AdaGrad step for
 * the served model (learn), both linear in the non-zero features ({@link TextFeaturizer#maxTokens()}
 * bounds them). Not thread-safe; one instance per replication.
 */
public final class OnlineTextPredictor {
    /** Default AdaGrad base step; chosen on synthetic and RouterBench-like samples (decision 0401). */
    public static final double DEFAULT_LEARNING_RATE = 0.2;

    private final HashedLogisticModel model;
    private final double assumedReportRate;
    private final double falseReportRate;

    /**
     * @param model the weights (start them at a category prior with {@link HashedLogisticModel#setCategoryPrior})
     * @param assumedReportRate q the router assumes for one-sided feedback, in (0, 1]
     * @param falseReportRate f, in [0, q)
     */
    public OnlineTextPredictor(HashedLogisticModel model, double assumedReportRate, double falseReportRate) {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        if (!(assumedReportRate > 0 && assumedReportRate <= 1)) {
            throw new IllegalArgumentException("assumed report rate q must be in (0, 1], got " + assumedReportRate);
        }
        if (!(falseReportRate >= 0 && falseReportRate < assumedReportRate)) {
            throw new IllegalArgumentException("false-report rate f must be in [0, q) = [0, " + assumedReportRate
                    + "), got " + falseReportRate);
        }
        this.model = model;
        this.assumedReportRate = assumedReportRate;
        this.falseReportRate = falseReportRate;
    }

    /** A predictor for {@code models} models over features of {@code table}, started at {@code prior}. */
    public static OnlineTextPredictor create(int models, TextFeatureTable table, double[] categoryPrior,
                                            double assumedReportRate, double falseReportRate) {
        HashedLogisticModel m = new HashedLogisticModel(models, table.featurizer().hashBits(), table.categories(),
                DEFAULT_LEARNING_RATE);
        if (categoryPrior != null) {
            m.setCategoryPrior(categoryPrior);
        }
        return new OnlineTextPredictor(m, assumedReportRate, falseReportRate);
    }

    public HashedLogisticModel model() {
        return model;
    }

    public int models() {
        return model.models();
    }

    /** p_hat of every model for row {@code q} of {@code table}, into {@code out}. */
    public void predict(TextFeatureTable table, int q, double[] out) {
        model.predict(table.indices(), table.values(), table.start(q), table.end(q), table.category(q),
                table.lengthFeature(q), out);
    }

    /** p_hat of every model for one request's features, into {@code out}. */
    public void predict(TextFeatures f, double[] out) {
        model.predict(f.indices(), f.values(), 0, f.nonZeros(), f.category(), f.lengthFeature(), out);
    }

    /** Learns from a revealed outcome {@code s} in [0,1] of {@code servedModel} on row {@code q}. */
    public void observeOutcome(TextFeatureTable table, int q, int servedModel, double s) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("outcome must be in [0,1], got " + s);
        }
        learn(table, q, servedModel, s);
    }

    /**
     * Learns from one-sided feedback on row {@code q}: {@code reported} is whether the user reported
     * dissatisfaction (silence is {@code false}). Call it for every served request, silent or not:
     * the silences carry half of the unbiased estimate.
     */
    public void observeOneSided(TextFeatureTable table, int q, int servedModel, boolean reported) {
        learn(table, q, servedModel, oneSidedLabel(reported));
    }

    /** The unbiased label {@code 1 - (r - f)/(q - f)} for a report {@code r}. */
    public double oneSidedLabel(boolean reported) {
        double r = reported ? 1 : 0;
        return 1 - (r - falseReportRate) / (assumedReportRate - falseReportRate);
    }

    private void learn(TextFeatureTable table, int q, int servedModel, double label) {
        int from = table.start(q);
        int to = table.end(q);
        int cat = table.category(q);
        float len = table.lengthFeature(q);
        double p = model.predict(servedModel, table.indices(), table.values(), from, to, cat, len);
        model.step(servedModel, table.indices(), table.values(), from, to, cat, len, p - label);
    }
}
