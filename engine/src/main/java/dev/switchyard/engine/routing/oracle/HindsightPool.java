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

    // The latency term (issue 14, docs/decisions/1402-two-constraint-oracle.md): what the two-constraint oracle needs.

    /**
     * P(latency > {@code targetMs}) of each row's answer from each model under the simulator's latency distributions,
     * {@code [row * modelCount() + model]}: the latency's hidden truth at the level the score is (an expectation over
     * the draws). Null when the pool knows no latency (the oracle then charges none).
     */
    default double[] exceedances(double targetMs, dev.switchyard.engine.routing.LatencyTarget.Metric metric) {
        return null;
    }

    /** SLA tier index of the row in the routing context's tiers; -1 without tiers. */
    default int slaTier(int row) {
        return -1;
    }

    /** Category index of the row. */
    default int category(int row) {
        return 0;
    }

    /** Input tokens of the row's prompt. */
    default int inputTokens(int row) {
        return 0;
    }

    /** The pool as the stream draws it after the scenario's mix shift (this pool when there is none). */
    default HindsightPool afterMixShift() {
        return this;
    }

    /** A value computed once per pool and key (a pool may cache it: every replication and router share the pool). */
    default <T> T memo(java.util.List<Object> key, java.util.function.Supplier<T> compute) {
        return compute.get();
    }
}
