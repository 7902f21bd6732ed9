package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.RequestView;

/**
 * Cost-aware exploration for SLARouter (docs/decisions/1412-dominated-exploration.md): an exploration step does not
 * serve a model that is dominated with certainty, i.e. one that would lose rule L even if it satisfied every request
 * ({@code p = 1}, no estimate of its own involved) at the highest multiplier the router has plausibly to reckon with:
 * {@code c_m - lambdaHi > min_j (c_j - lambdaHi p_hat_j)}. What is learned about such a model could not change a
 * choice, so exploring it is money without information. Because the model's own estimate is never used, a model the
 * estimates underrate is never dropped for that (the lock-in decision 1000 recorded for optimistic-estimate filters);
 * only its price can exclude it. {@code lambdaHi} is twice the largest multiplier seen so far, and the filter starts
 * after the first SLA window (the window that pays for learning), so lambda has been learned before anything is dropped.
 */
final class ExplorationFilter {
    /** A multiplier at which no model is dominated (finite, so that {@code lambda * 0} stays 0). */
    static final double UNBOUNDED = 1e12;

    private ExplorationFilter() {
    }

    /**
     * Marks in {@code allowed} the models an exploration step may serve; returns how many. The rule-L winner at
     * {@code lambdaHi} is always allowed.
     */
    static int allowed(RequestView request, double[] pHat, double lambdaHi, boolean[] allowed) {
        int n = request.modelCount();
        double best = Double.POSITIVE_INFINITY;
        for (int m = 0; m < n; m++) {
            best = Math.min(best, request.normalisedCost(m) - lambdaHi * pHat[m]);
        }
        int count = 0;
        for (int m = 0; m < n; m++) {
            allowed[m] = request.normalisedCost(m) - lambdaHi <= best;
            count += allowed[m] ? 1 : 0;
        }
        return count;
    }
}
