package dev.switchyard.engine.routing.oracle;

/** The hidden truth of the current request, for hindsight bounds only. Reused per request. */
public interface HiddenTruth {

    /** Quality score of {@code model} on this request, in [0,1]. */
    double score(int model);

    /** Realised cost of {@code model} on this request, normalised like the request view's costs. */
    double normalisedRealisedCost(int model);

    /** True once the scenario's category mix has shifted (a bound refits to the new mix, so it stays a bound). */
    default boolean afterMixShift() {
        return false;
    }

    /** The request's row in the {@link HindsightPool} (-1 when not known): bounds fitted per row route by it. */
    default int row() {
        return -1;
    }
}
