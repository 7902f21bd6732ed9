package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import java.util.Map;

/**
 * Threshold router in the RouteLLM manner (spec 3.4): serve the cheapest model (by the request's
 * expected cost) whose predicted success p_hat reaches theta; when none does, the model with the
 * highest p_hat. Theta is calibrated once on the calibration split, with cross-fitted p_hat and the
 * split's labels, as the theta with the lowest mean cost whose mean satisfaction on the split is at
 * least tau (+ margin). This per-workload tuning is what SLARouter avoids; the router never adapts
 * in service and ignores feedback.
 *
 * <p>Reconstructed: RouteLLM's routers are two-model and calibrate theta to a share of calls to the
 * strong model; this is the multi-model generalisation to a satisfaction target (decision 0403).
 */
public final class ThresholdRouter implements Router {
    /** Theta candidates: 0, 1/GRID, ..., 1. */
    static final int GRID = 1000;

    private final CorrectnessPredictor predictor;
    private final Calibration calibration;
    private final double[] phat;
    private final float[] scratch;
    private double predictedSum;
    private long routed;

    /**
     * The calibrated threshold.
     *
     * @param theta the threshold
     * @param satisfaction mean satisfaction on the calibration split at theta
     * @param cost mean normalised realised cost on the split at theta
     * @param reachable false when no theta reached the target on the split (theta then maximises satisfaction)
     */
    public record Calibration(double theta, double satisfaction, double cost, boolean reachable) {
        public Calibration {
            if (!(theta >= 0 && theta <= 1)) {
                throw new IllegalArgumentException("theta must be in [0,1], got " + theta);
            }
        }
    }

    public ThresholdRouter(CorrectnessPredictor predictor, Calibration calibration) {
        this.predictor = predictor;
        this.calibration = calibration;
        this.phat = new double[predictor.models()];
        this.scratch = new float[predictor.models()];
    }

    /**
     * @param phat cross-fitted p_hat for the split, {@code [i * M + m]}
     * @param set the calibration split (labels and costs)
     * @param tau the satisfaction target, in (0,1)
     * @param margin added to tau when calibrating, in [0, 0.2]
     */
    public static Calibration calibrate(double[] phat, LabelledSplit set, double tau, double margin) {
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
        double[][] table = gridTable(phat, set);
        Calibration best = null;
        Calibration top = null;
        for (int g = 0; g <= GRID; g++) {
            double th = (double) g / GRID;
            double sat = table[0][g];
            double paid = table[1][g];
            if (sat >= target && (best == null || paid < best.cost())) {
                best = new Calibration(th, sat, paid, true);
            }
            if (top == null || sat > top.satisfaction()) {
                top = new Calibration(th, sat, paid, false);
            }
        }
        return best != null ? best : top;
    }

    /**
     * Split satisfaction and paid cost of every grid threshold: they do not depend on the target, so a sweep over
     * targets (and every replication sharing the training) computes them once per trained p_hat. Memoised by the
     * identity of the p_hat array and the split; the numbers are exactly those the loop computes.
     */
    static double[][] gridTable(double[] phat, LabelledSplit set) {
        synchronized (GRID_TABLES) {
            java.util.Map<LabelledSplit, double[][]> perSplit = GRID_TABLES.get(phat);
            double[][] hit = perSplit == null ? null : perSplit.get(set);
            if (hit != null) {
                return hit;
            }
        }
        int m = set.models();
        int n = set.size();
        double[] cost = set.costArray();
        double[][] table = new double[2][GRID + 1];
        // a row's choice depends on the threshold only through which models clear it, and that set changes only
        // where a model's p_hat drops below the threshold: the choice is recomputed (by choose itself) at those grid
        // points only, not at every one (decision 1030); the sums run over the rows in the same order as before
        int[] chosen = new int[n];
        int[] until = new int[n]; // the first grid point at which row i's choice must be recomputed
        for (int g = 0; g <= GRID; g++) {
            double th = (double) g / GRID;
            double sat = 0;
            double paid = 0;
            for (int i = 0; i < n; i++) {
                if (g >= until[i]) {
                    chosen[i] = choose(phat, cost, i * m, m, th);
                    until[i] = nextChange(phat, i * m, m, g, th);
                }
                int j = chosen[i];
                sat += set.label(i, j);
                paid += set.paid(i, j);
            }
            table[0][g] = sat / n;
            table[1][g] = paid / n;
        }
        synchronized (GRID_TABLES) {
            GRID_TABLES.computeIfAbsent(phat, k -> new java.util.IdentityHashMap<>()).put(set, table);
        }
        return table;
    }

    private static final java.util.Map<double[], java.util.Map<LabelledSplit, double[][]>> GRID_TABLES = new java.util.WeakHashMap<>();

    /**
     * The first grid point after {@code g} at which a model clearing threshold {@code th} (grid point {@code g}) no
     * longer does, by choose's own comparison ({@code p >= g' / GRID}); {@code GRID + 1} when none drops within the grid.
     */
    static int nextChange(double[] phat, int off, int models, int g, double th) {
        int next = GRID + 1;
        for (int j = 0; j < models; j++) {
            double p = phat[off + j];
            if (p >= th) {
                int d = Math.max(g + 1, (int) Math.min(GRID + 1, Math.floor(p * GRID)));
                while (d > g + 1 && !(p >= (double) (d - 1) / GRID)) {
                    d--;
                }
                while (d <= GRID && p >= (double) d / GRID) {
                    d++;
                }
                next = Math.min(next, d);
            }
        }
        return next;
    }

    static int choose(double[] phat, double[] cost, int off, int models, double theta) {
        int cheapest = -1;
        double cheapestCost = Double.POSITIVE_INFINITY;
        int top = 0;
        for (int j = 0; j < models; j++) {
            double p = phat[off + j];
            if (p >= theta && cost[off + j] < cheapestCost) {
                cheapestCost = cost[off + j];
                cheapest = j;
            }
            if (p > phat[off + top]) {
                top = j;
            }
        }
        return cheapest >= 0 ? cheapest : top;
    }

    @Override
    public int route(RequestView request, Serving serving) {
        predictor.predict(request, phat, scratch);
        boolean[] allowed = null;
        if (latency != null) {
            latency.allowed(request, allowedModels);
            allowed = allowedModels;
        }
        return chooseAllowed(request, allowed);
    }

    /**
     * The threshold rule: the cheapest model whose p_hat clears theta, else the one with the top p_hat; among the models
     * the latency filter allows when there is one ({@code allowed} null: all).
     */
    private int chooseAllowed(RequestView request, boolean[] allowed) {
        double theta = calibration.theta();
        int cheapest = -1;
        double cheapestCost = Double.POSITIVE_INFINITY;
        int top = -1;
        for (int j = 0; j < phat.length; j++) {
            if (allowed != null && !allowed[j]) {
                continue;
            }
            double c = request.normalisedCost(j);
            if (phat[j] >= theta && c < cheapestCost) {
                cheapestCost = c;
                cheapest = j;
            }
            if (top < 0 || phat[j] > phat[top]) {
                top = j;
            }
        }
        int chosen = cheapest >= 0 ? cheapest : top;
        predictedSum += phat[chosen];
        routed++;
        return chosen;
    }

    /** Feedback is ignored: the threshold was fixed on the calibration split. */
    @Override
    public void observe(FeedbackEvent event) {
        // deliberately nothing: RouteLLM-style routers do not adapt in service
    }

    @Override
    public double estimatedSatisfaction() {
        return routed == 0 ? Double.NaN : predictedSum / routed;
    }

    public Calibration calibration() {
        return calibration;
    }

    @Override
    public LearnedState exportState() {
        return LearnedState.of(OfflineRouters.THRESHOLD, Map.of("theta", calibration.theta(),
                "calibrationSatisfaction", calibration.satisfaction(), "reachable", calibration.reachable() ? 1.0 : 0.0));
    }

    // The latency term (issue 14): a filter on the models a request may go to (LatencyFilter). Added here; without a
    // latency term the router is exactly as before.
    private dev.switchyard.engine.routing.online.LatencyFilter latency;
    private boolean[] allowedModels;

    /** Applies the contract's latency term as a filter; null (none) leaves the router as calibrated. */
    public ThresholdRouter withLatencyFilter(dev.switchyard.engine.routing.online.LatencyFilter filter) {
        this.latency = filter;
        this.allowedModels = new boolean[phat.length];
        return this;
    }

    @Override
    public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
        if (latency != null) {
            latency.observe(request, model, ttftMs, totalMs);
        }
    }

    // Export (issue 12): added at the end.

    public CorrectnessPredictor predictor() {
        return predictor;
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
