package dev.switchyard.engine.routing;

/**
 * One observation about one answer, delivered after the scenario's delay. It carries what a
 * production router could know: the request as it saw it, which model answered, the cost paid, and
 * the {@link Signal}. It never carries the score. Reused by the simulator: do not keep it.
 */
public interface FeedbackEvent {

    /** The request as the router saw it when routing (same features, same expected costs). */
    RequestView request();

    /** The model whose answer this is about (the served model, or a model called while exploring). */
    int model();

    /** True when this answer was the one served to the user (false for extra calls of explore-all or a cascade). */
    boolean served();

    /** What was observed. */
    Signal signal();

    /** Realised cost in USD of this model's call on this request. */
    double costPaid();

    /** Realised cost normalised like {@link RequestView#normalisedCost(int)}. */
    double normalisedCostPaid();

    /** Requests that arrived between the request and this feedback (0 = immediate). */
    long delayRequests();
}
