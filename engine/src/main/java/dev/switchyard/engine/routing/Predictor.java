package dev.switchyard.engine.routing;

import java.util.List;

/**
 * Estimates p_hat_m(x), the chance that model m satisfies a request, and learns from feedback.
 * Any router that needs p_hat takes a predictor, so the per-category, one-sided and text-feature
 * estimators are interchangeable.
 */
public interface Predictor {

    /**
     * Writes p_hat for every model into {@code out[0..modelCount)}: estimated probabilities of a satisfying answer, in
     * [0, 1] (rule L's keyed argmin relies on it, {@link RuleL#choose(RequestView, double[], double)}). Must not allocate.
     */
    void predict(RequestView request, double[] out);

    /**
     * p_hat for every model, as {@link #predict} writes it, without a copy where the predictor keeps it as such: the
     * first modelCount entries of the returned array, which is either {@code scratch} (filled by predict) or the
     * predictor's own row. The caller only reads it, and only until the next {@link #learn}. Must not allocate.
     */
    default double[] predictView(RequestView request, double[] scratch) {
        predict(request, scratch);
        return scratch;
    }

    /** Learns from one feedback event (labels, one-sided reports or silence). */
    void learn(FeedbackEvent event);

    /** Per (category, model) estimates for traces and the configuration export; may be empty. */
    List<LearnedState.CellEstimate> estimates();

    /** This predictor's learned arrays for a warm start, or null when it cannot export them. */
    default java.util.Map<String, double[]> warmArrays() {
        return null;
    }

    /**
     * Restores arrays written by {@link #warmArrays()} on a predictor just built from the same context.
     *
     * @throws UnsupportedOperationException when this predictor cannot be warm-started
     */
    default void restoreArrays(java.util.Map<String, double[]> arrays) {
        throw new UnsupportedOperationException("predictor " + getClass().getSimpleName() + " cannot be warm-started");
    }
}
