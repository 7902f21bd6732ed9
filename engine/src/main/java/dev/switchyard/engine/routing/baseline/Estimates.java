package dev.switchyard.engine.routing.baseline;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.ReferenceModels;
import dev.switchyard.engine.routing.RoutingContext;

/**
 * What a baseline knows about each model before serving: mean score and mean cost on the labelled
 * calibration split when the scenario has one (the simulator gives baselines the whole sample as
 * their labelled data when the scenario holds none out, decision 0308), otherwise the quality priors
 * averaged over categories and the mean expected costs. Costs are normalised.
 */
final class Estimates {
    final double[] score;
    final double[] cost;
    final String basis;
    private final boolean noInformation;

    private Estimates(double[] score, double[] cost, String basis, boolean noInformation) {
        this.score = score;
        this.cost = cost;
        this.basis = basis;
        this.noInformation = noInformation;
    }

    static Estimates of(RoutingContext context) {
        int m = context.modelCount();
        double[] cost = new double[m];
        double[] score = new double[m];
        if (context.calibration().isPresent()) {
            CalibrationSet cal = context.calibration().get();
            double[] c = cal.meanRealisedCosts();
            double[] s = cal.meanScores();
            for (int j = 0; j < m; j++) {
                cost[j] = c[j] / context.costs().normaliser();
                score[j] = s[j];
            }
            return new Estimates(score, cost, "calibration split (" + cal.size() + " labelled queries)", false);
        }
        int cats = context.priors().categoryCount();
        for (int j = 0; j < m; j++) {
            cost[j] = context.costs().meanNormalisedCost(j);
            double sum = 0;
            for (int k = 0; k < cats; k++) {
                sum += context.priors().mean(k, j);
            }
            score[j] = cats == 0 ? 0.5 : sum / cats;
        }
        return new Estimates(score, cost, context.priors().source(), uninformative(score));
    }

    /** Priors that cannot tell the models apart (e.g. the neutral 0.5 when there are none) say nothing about quality. */
    private static boolean uninformative(double[] score) {
        for (double v : score) {
            if (v != score[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The best fixed model ({@link ReferenceModels#best}). Without any quality information (no labelled data,
     * priors all equal) it is the dearest model, the one a team would fall back on, never the cheapest: a
     * cheapest "best" would make every router look expensive next to it and flatter nothing honestly.
     */
    int best() {
        if (noInformation) {
            int dearest = 0;
            for (int j = 1; j < cost.length; j++) {
                if (cost[j] > cost[dearest]) {
                    dearest = j;
                }
            }
            return dearest;
        }
        return ReferenceModels.best(score, cost);
    }

    int cheapest() {
        int best = 0;
        for (int j = 1; j < cost.length; j++) {
            if (cost[j] < cost[best] || (cost[j] == cost[best] && score[j] > score[best])) {
                best = j;
            }
        }
        return best;
    }

    /** Cheapest model whose estimated score is at least {@code tau} ({@link ReferenceModels#cheapestMeeting}); the best model when none is. */
    int cheapestMeeting(double tau) {
        int pick = noInformation ? -1 : ReferenceModels.cheapestMeeting(score, cost, tau);
        return pick < 0 ? best() : pick;
    }

    /**
     * Models on the lower convex hull of (cost, score), cheapest first: the only models worth
     * mixing or cascading through.
     */
    int[] hull() {
        int n = cost.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> cost[a] != cost[b] ? Double.compare(cost[a], cost[b])
                : score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int[] h = new int[n];
        int size = 0;
        for (int idx : order) {
            if (size > 0 && score[idx] <= score[h[size - 1]]) {
                continue; // dearer and no better: dominated
            }
            while (size >= 2 && cross(h[size - 2], h[size - 1], idx) >= 0) {
                size--; // middle point lies on or below the chord: not on the concave frontier
            }
            h[size++] = idx;
        }
        return java.util.Arrays.copyOf(h, size);
    }

    private double cross(int a, int b, int c) {
        return (cost[b] - cost[a]) * (score[c] - score[a]) - (score[b] - score[a]) * (cost[c] - cost[a]);
    }
}
