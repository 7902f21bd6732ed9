package dev.switchyard.engine.routing.offline;

/**
 * Threshold router in the RouteLLM manner (spec 3.4): serve the cheapest model whose predicted
 * success p_hat reaches theta; when none does, the model with the highest p_hat. Theta is
 * calibrated once on the calibration split, with cross-fitted p_hat and the split's true labels,
 * as the cheapest theta whose realised mean satisfaction on the split is at least tau (+ margin).
 * This per-workload tuning is exactly what SLARouter avoids; it also never adapts in service.
 *
 * <p>Reconstructed: RouteLLM's routers are two-model and calibrate theta to a share of strong-model
 * calls; this is its multi-model generalisation to a satisfaction target (decision 0403).
 */
public final class ThresholdRouter {
    /** Theta candidates: 0, 1/GRID, ..., 1. */
    static final int GRID = 1000;

    private final double theta;
    private final double calibrationSatisfaction;
    private final double calibrationCost;
    private final boolean reachable;

    private ThresholdRouter(double theta, double calibrationSatisfaction, double calibrationCost, boolean reachable) {
        this.theta = theta;
        this.calibrationSatisfaction = calibrationSatisfaction;
        this.calibrationCost = calibrationCost;
        this.reachable = reachable;
    }

    /** A router with a given theta (e.g. loaded from an exported configuration). */
    public static ThresholdRouter withTheta(double theta) {
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException("theta must be in [0,1], got " + theta);
        }
        return new ThresholdRouter(theta, Double.NaN, Double.NaN, true);
    }

    /**
     * @param phat cross-fitted p_hat for the split, {@code [i * M + m]}
     * @param set the calibration split (labels and costs)
     * @param tau the satisfaction target
     * @param margin added to tau when calibrating, in [0, 0.2]
     */
    public static ThresholdRouter calibrate(double[] phat, CalibrationSet set, double tau, double margin) {
        int m = set.models();
        int n = set.size();
        if (phat.length != n * m) {
            throw new IllegalArgumentException("p_hat needs split size x models = " + n * m + " values, got " + phat.length);
        }
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        if (!(margin >= 0 && margin <= 0.2)) {
            throw new IllegalArgumentException("margin must be in [0, 0.2], got " + margin);
        }
        double target = Math.min(1, tau + margin);
        double bestTheta = Double.NaN;
        double bestCost = Double.POSITIVE_INFINITY;
        double bestSat = Double.NaN;
        double topTheta = 0;
        double topSat = -1;
        double topCost = 0;
        for (int g = 0; g <= GRID; g++) {
            double th = (double) g / GRID;
            double sat = 0;
            double cost = 0;
            for (int i = 0; i < n; i++) {
                int j = choose(phat, i * m, set.costs(), i * m, m, th);
                sat += set.labels()[i * m + j];
                cost += set.costs()[i * m + j];
            }
            sat /= n;
            cost /= n;
            if (sat >= target && cost < bestCost) {
                bestCost = cost;
                bestTheta = th;
                bestSat = sat;
            }
            if (sat > topSat) {
                topSat = sat;
                topTheta = th;
                topCost = cost;
            }
        }
        if (Double.isNaN(bestTheta)) {
            return new ThresholdRouter(topTheta, topSat, topCost, false);
        }
        return new ThresholdRouter(bestTheta, bestSat, bestCost, true);
    }

    /** The model for one request. */
    public int route(double[] phat, double[] cost) {
        return choose(phat, 0, cost, 0, phat.length, theta);
    }

    static int choose(double[] phat, int pOff, double[] cost, int cOff, int models, double theta) {
        int cheapest = -1;
        double cheapestCost = Double.POSITIVE_INFINITY;
        int top = 0;
        for (int j = 0; j < models; j++) {
            double p = phat[pOff + j];
            if (p >= theta && cost[cOff + j] < cheapestCost) {
                cheapestCost = cost[cOff + j];
                cheapest = j;
            }
            if (p > phat[pOff + top]) {
                top = j;
            }
        }
        return cheapest >= 0 ? cheapest : top;
    }

    public double theta() {
        return theta;
    }

    /** Mean satisfaction on the calibration split at the chosen theta (NaN if not calibrated here). */
    public double calibrationSatisfaction() {
        return calibrationSatisfaction;
    }

    /** Mean cost per request on the calibration split at the chosen theta. */
    public double calibrationCost() {
        return calibrationCost;
    }

    /** False when no theta reached the target on the split (theta then maximises satisfaction). */
    public boolean reachable() {
        return reachable;
    }
}
