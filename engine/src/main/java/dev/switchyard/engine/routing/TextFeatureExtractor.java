package dev.switchyard.engine.routing;

/**
 * Turns a prompt into sparse features. Called once per sample query (not per request), so it may
 * allocate. Must be deterministic: same text, same vector.
 */
public interface TextFeatureExtractor {

    /** Short id used in scenarios and results, e.g. {@code hashed-unigram-bigram}. */
    String name();

    /** Size of the feature space. */
    int dimension();

    FeatureVector extract(String prompt);
}
