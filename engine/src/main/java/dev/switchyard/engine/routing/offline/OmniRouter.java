package dev.switchyard.engine.routing.offline;

import java.util.Arrays;

/**
 * OmniRouter-style batch Lagrangian (spec 3.3; reconstructed from arXiv 2502.20576's description):
 * a batch of requests is assigned by rule L, argmin_m c_m - lambda * p_hat_m + nu_m, where lambda is
 * found by bisection so that the PREDICTED mean accuracy of the batch reaches tau, and nu_m are
 * per-model capacity prices raised by subgradient steps while a model is over its capacity share.
 *
 * <p>It never corrects with feedback: if the predictor is optimistic, the predicted accuracy
 * reaches tau while the real one does not, and the floor is missed. That is the failure PROTEUS
 * reports for it (floors met 22% of the time), and it is kept on purpose.
 *
 * <p>In a request-by-request simulation it routes each request with the lambda solved on the
 * previous window of {@code batchSize} requests' predictions (and, before the first window is
 * full, on the calibration split's), which needs no labels and no lookahead (decision 0404).
 * Not thread-safe.
 */
public final class OmniRouter {
    private static final int BISECTION_STEPS = 60;
    private static final int CAPACITY_ROUNDS = 60;

    private final int models;
    private final double tau;
    private final double[] capacityShare;
    private final int batchSize;
    private final double[] windowPhat;
    private final double[] windowCost;
    private int filled;
    private Assignment current;

    /**
     * The result of assigning one batch.
     *
     * @param models the chosen model per request
     * @param lambda the multiplier found
     * @param predictedAccuracy mean p_hat of the chosen models (what OmniRouter believes)
     * @param capacityPrices nu per model (all 0 without capacities)
     */
    public record Assignment(int[] models, double lambda, double predictedAccuracy, double[] capacityPrices) {
    }

    /**
     * @param models number of models
     * @param tau target accuracy in (0,1)
     * @param batchSize requests per batch, >= 1
     * @param capacityShare per model, the largest share of a batch it may take, in (0,1]; null for unlimited
     * @param warmStart an assignment to route with until the first window is full (e.g. solved on the
     *     calibration split's predictions)
     */
    public OmniRouter(int models, double tau, int batchSize, double[] capacityShare, Assignment warmStart) {
        if (models < 1) {
            throw new IllegalArgumentException("need at least one model, got " + models);
        }
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("batch size must be between 1 and 1,000,000, got " + batchSize);
        }
        validateCapacity(capacityShare, models);
        this.models = models;
        this.tau = tau;
        this.batchSize = batchSize;
        this.capacityShare = capacityShare == null ? null : capacityShare.clone();
        this.windowPhat = new double[batchSize * models];
        this.windowCost = new double[batchSize * models];
        this.current = warmStart == null ? new Assignment(new int[0], 0, Double.NaN, new double[models]) : warmStart;
    }

    private static void validateCapacity(double[] capacityShare, int models) {
        if (capacityShare == null) {
            return;
        }
        if (capacityShare.length != models) {
            throw new IllegalArgumentException("capacity needs one share per model (" + models + "), got " + capacityShare.length);
        }
        double total = 0;
        for (int j = 0; j < models; j++) {
            if (!(capacityShare[j] > 0 && capacityShare[j] <= 1)) {
                throw new IllegalArgumentException("capacity share of model #" + (j + 1) + " must be in (0,1], got " + capacityShare[j]);
            }
            total += capacityShare[j];
        }
        if (total < 1) {
            throw new IllegalArgumentException("capacity shares add up to " + total + " < 1: the batch cannot be served");
        }
    }

    /**
     * Assigns one batch.
     *
     * @param phat predicted success, {@code [i * M + m]}
     * @param cost normalised cost, {@code [i * M + m]}
     */
    public static Assignment assign(double[] phat, double[] cost, int n, int models, double tau, double[] capacityShare) {
        if (n < 1 || phat.length < n * models || cost.length < n * models) {
            throw new IllegalArgumentException("need n x models predictions and costs for a batch of " + n);
        }
        validateCapacity(capacityShare, models);
        double[] nu = new double[models];
        int[] choice = new int[n];
        double lambda = solveLambda(phat, cost, n, models, tau, nu, choice);
        if (capacityShare != null) {
            int[] load = new int[models];
            for (int round = 1; round <= CAPACITY_ROUNDS; round++) {
                Arrays.fill(load, 0);
                for (int i = 0; i < n; i++) {
                    load[choice[i]]++;
                }
                boolean over = false;
                double step = 0.5 / Math.sqrt(round);
                for (int j = 0; j < models; j++) {
                    double excess = (double) load[j] / n - capacityShare[j];
                    over |= excess > 1e-12;
                    nu[j] = Math.max(0, nu[j] + step * excess);
                }
                if (!over) {
                    break;
                }
                lambda = solveLambda(phat, cost, n, models, tau, nu, choice);
            }
        }
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += phat[i * models + choice[i]];
        }
        return new Assignment(choice, lambda, acc / n, nu);
    }

    /** Smallest lambda (to bisection precision) whose predicted accuracy reaches tau; fills {@code choice}. */
    private static double solveLambda(double[] phat, double[] cost, int n, int models, double tau, double[] nu, int[] choice) {
        if (predicted(phat, cost, n, models, 0, nu, choice) >= tau) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (predicted(phat, cost, n, models, hi, nu, choice) < tau && hi < 1e9) {
            lo = hi;
            hi *= 4;
        }
        for (int s = 0; s < BISECTION_STEPS; s++) {
            double mid = 0.5 * (lo + hi);
            if (predicted(phat, cost, n, models, mid, nu, choice) >= tau) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        predicted(phat, cost, n, models, hi, nu, choice);
        return hi;
    }

    private static double predicted(double[] phat, double[] cost, int n, int models, double lambda, double[] nu, int[] choice) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            int j = LagrangianChoice.argmin(cost, i * models, phat, i * models, models, lambda, nu);
            choice[i] = j;
            acc += phat[i * models + j];
        }
        return acc / n;
    }

    /**
     * Routes one request with the current lambda and capacity prices, then records its prediction;
     * when a window of {@code batchSize} is complete, re-solves on it.
     */
    public int route(double[] phat, double[] cost) {
        int j = LagrangianChoice.argmin(cost, 0, phat, 0, models, current.lambda(), current.capacityPrices());
        System.arraycopy(phat, 0, windowPhat, filled * models, models);
        System.arraycopy(cost, 0, windowCost, filled * models, models);
        if (++filled == batchSize) {
            current = assign(windowPhat, windowCost, batchSize, models, tau, capacityShare);
            filled = 0;
        }
        return j;
    }

    public double lambda() {
        return current.lambda();
    }

    public double tau() {
        return tau;
    }
}
