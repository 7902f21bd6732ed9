package dev.switchyard.engine.routing;

import java.util.List;

/**
 * Estimates p_hat_m(x), the chance that model m satisfies a request, and learns from feedback.
 * Any router that needs p_hat takes a predictor, so the per-category, one-sided and text-feature
 * estimators are interchangeable.
 */
public interface Predictor {

    /** Writes p_hat for every model into {@code out[0..modelCount)}. Must not allocate. */
    void predict(RequestView request, double[] out);

    /** Learns from one feedback event (labels, one-sided reports or silence). */
    void learn(FeedbackEvent event);

    /** Per (category, model) estimates for traces and the configuration export; may be empty. */
    List<LearnedState.CellEstimate> estimates();
}
