package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RuleL;
import java.util.Map;

/**
 * Bound, not deployable: rule L on the hidden scores and realised costs with one lambda, found by
 * bisection on the evaluation pool so that the mean score equals tau. The cheapest any router can
 * meet tau on this traffic in expectation. When tau is above what the per-query oracle reaches,
 * lambda is infinite (always the top score). Under a mix shift it routes with a second lambda, fitted on
 * the post-shift mix, from the shift on: fitted on the old mix it would no longer meet tau, so no longer
 * be a bound.
 */
public final class SlaOracle implements HindsightRouter {
    private static final int ITERATIONS = 60;
    private final String name;
    private final double lambda;
    private final double lambdaAfterShift;
    private boolean shifted;
    private final double[] cost;
    private final double[] score;

    SlaOracle(String name, double tau, HindsightPool pool) {
        this.name = name;
        int m = pool.modelCount();
        this.cost = new double[m];
        this.score = new double[m];
        this.lambda = pool.slaLambda(tau);
        this.lambdaAfterShift = pool.slaLambdaAfterMixShift(tau);
    }

    private SlaOracle(HindsightPool pool) {
        this.name = "sla-oracle";
        this.cost = new double[pool.modelCount()];
        this.score = new double[pool.modelCount()];
        this.lambda = Double.NaN;
        this.lambdaAfterShift = Double.NaN;
    }

    /** The lambda this bound routes with (cached by the simulator's pool). */
    public static double fitLambda(double tau, HindsightPool pool) {
        return pool.slaLambda(tau);
    }

    /** Bisection for the smallest lambda whose rule-L choices reach mean score tau on the pool. */
    static double bisectLambda(double tau, HindsightPool pool) {
        SlaOracle scratch = new SlaOracle(pool);
        double hi = 1;
        while (scratch.meanScore(pool, hi) < tau && hi < 1e12) {
            hi *= 4;
        }
        double lo = 0;
        if (scratch.meanScore(pool, lo) >= tau) {
            return 0;
        }
        for (int i = 0; i < ITERATIONS; i++) {
            double mid = (lo + hi) / 2;
            if (scratch.meanScore(pool, mid) >= tau) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private double meanScore(HindsightPool pool, double l) {
        int n = pool.size();
        int m = pool.modelCount();
        double sum = 0;
        double weight = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < m; j++) {
                cost[j] = pool.normalisedRealisedCost(r, j);
                score[j] = pool.score(r, j);
            }
            double w = pool.weight(r);
            sum += w * score[RuleL.choose(cost, score, l, m)];
            weight += w;
        }
        return sum / weight;
    }

    @Override
    public int route(RequestView request, HiddenTruth truth) {
        int m = request.modelCount();
        for (int j = 0; j < m; j++) {
            cost[j] = truth.normalisedRealisedCost(j);
            score[j] = truth.score(j);
        }
        shifted = truth.afterMixShift();
        return RuleL.choose(cost, score, shifted ? lambdaAfterShift : lambda, m);
    }

    @Override
    public double multiplier() {
        return shifted ? lambdaAfterShift : lambda;
    }

    @Override
    public LearnedState exportState() {
        return Double.compare(lambda, lambdaAfterShift) == 0 ? LearnedState.of(name, Map.of("lambda", lambda))
                : LearnedState.of(name, Map.of("lambda", lambda, "lambdaAfterMixShift", lambdaAfterShift));
    }
}
