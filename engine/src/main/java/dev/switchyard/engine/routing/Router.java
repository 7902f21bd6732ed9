package dev.switchyard.engine.routing;

/**
 * An online routing policy. Built by a {@link RouterFactory} from a {@link RoutingContext} and
 * parameters; sees requests and feedback, never the hidden truth. Not thread-safe: one instance
 * per simulated replication.
 */
public interface Router {

    /**
     * Chooses the model that serves {@code request}. Must not allocate on the hot path. Use
     * {@code serving} only for flows with extra calls (explore-all, cascade).
     *
     * @return index of the served model in {@link RoutingContext#models()}
     */
    int route(RequestView request, Serving serving);

    /** Feedback about an earlier answer, after the scenario's delay. */
    void observe(FeedbackEvent event);

    /**
     * False only for a router whose every decision and every reported figure are the same whatever satisfaction
     * feedback it gets: its {@link #observe} does nothing, it never reads {@link RoutingContext#feedback()} (nor
     * builds a predictor that does) and it never explores. A sweep then simulates it once for all swept feedback
     * rates and recounts only the signals (decision 1050). When in doubt, leave it true: that is always correct.
     */
    default boolean readsFeedback() {
        return true;
    }

    /**
     * The latency of an answer this router served, observed as soon as the answer completes (latency
     * is always observed, unlike satisfaction). Called by the simulator and the live router for every
     * served request when the contract has a latency term (the simulator skips the call without
     * one, so routers must not depend on it then), before the satisfaction feedback of that request
     * arrives. Routers without a latency term ignore it. {@code request} is valid only during the call.
     *
     * @param ttftMs time to first token in milliseconds
     * @param totalMs time to the last token in milliseconds
     */
    default void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
    }

    /**
     * True when the router keeps state per sample query ({@link RequestView#queryKey()}) that is worth loading ahead of
     * time: the simulator then announces each block's query keys through {@link #upcoming(int)} before it routes them.
     */
    default boolean loadsAhead() {
        return false;
    }

    /**
     * A hint, up to a block of requests ahead: a request replaying sample query {@code queryKey} is coming. A router with
     * per-query state loads it now, so that its cache misses overlap with the other announced requests' instead of
     * stalling each routing decision one after another. Must not change any decision or state that a decision reads.
     */
    default void upcoming(int queryKey) {
    }

    /** Current lambda (or Q / V for queue-based routers), for the learning trace; NaN when the router has none. */
    default double multiplier() {
        return Double.NaN;
    }

    /** Current exploration probability eps_t; 0 for routers that do not explore. */
    default double explorationRate() {
        return 0.0;
    }

    /** The router's own estimate of its mean satisfaction so far (what it believes, not the truth); NaN when it has none. */
    default double estimatedSatisfaction() {
        return Double.NaN;
    }

    /** What the router has learned, as a plain value (for the configuration export). */
    LearnedState exportState();

    /**
     * What this router needs to resume exactly where it stands (warm start), or null when it has no
     * learned state beyond its configuration (or cannot export it).
     */
    default WarmState warmState() {
        return null;
    }

    /**
     * Resumes from {@code state}, on a router just built from the same context (same models,
     * categories, feedback assumptions and generator seed) that has routed nothing yet.
     *
     * @throws UnsupportedOperationException when this router cannot be warm-started
     * @throws IllegalArgumentException when the state does not fit this router
     */
    default void restoreState(WarmState state) {
        throw new UnsupportedOperationException("router '" + state.router() + "' cannot be warm-started; start it cold");
    }
}
