package dev.switchyard.engine.routing.oracle;

/**
 * The evaluation pool (the sample queries the stream is drawn from) with its hidden scores and
 * realised costs, so a bound can be fitted in hindsight (e.g. the SLA oracle's lambda by bisection).
 */
public interface HindsightPool {

    int size();

    int modelCount();

    double score(int row, int model);

    /** Realised cost, normalised like {@code RequestView.normalisedCost}. */
    double normalisedRealisedCost(int row, int model);

    /**
     * The SLA oracle's lambda for {@code tau} on this pool (bisection; see {@link SlaOracle}). A pool may
     * cache it, since every replication and router of a scenario shares the pool.
     */
    default double slaLambda(double tau) {
        return SlaOracle.bisectLambda(tau, this);
    }

    /**
     * The SLA oracle's lambda for {@code tau} on the stream's mix after the scenario's mix shift (the same as
     * {@link #slaLambda} when there is none): refitted so the oracle meets tau on the traffic it then serves.
     */
    default double slaLambdaAfterMixShift(double tau) {
        return slaLambda(tau);
    }

    /** Weight of the row in the stream (1 for uniform draws; mix shifts reweight). */
    default double weight(int row) {
        return 1.0;
    }
}
