package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RuleL;
import dev.switchyard.engine.routing.Serving;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OmniRouter-style batch Lagrangian (spec 3.3; reconstructed from the description of arXiv
 * 2502.20576): a batch of requests is assigned by rule L, argmin_m c_m + nu_m - lambda p_hat_m,
 * where lambda is found by bisection so that the PREDICTED mean accuracy of the batch reaches tau,
 * and nu_m are per-model capacity prices raised by subgradient steps while a model is over its
 * capacity share (default: no capacities).
 *
 * <p>It never corrects with feedback: when the predictor is optimistic, the predicted accuracy
 * reaches tau while the real one does not, and the floor is missed. That is the failure PROTEUS
 * reports for it (floors met 22% of the time) and it is kept on purpose.
 *
 * <p>In a request-by-request simulation each request is routed with the lambda solved on the
 * previous window of {@code batchSize} requests' predictions; before the first window is full, with
 * the one solved on the calibration split's predictions. That needs no labels and no lookahead
 * (decision 0404). Not thread-safe.
 */
public final class OmniRouter implements Router {
    private static final int BISECTION_STEPS = 50;
    private static final int CAPACITY_ROUNDS = 60;

    private final CorrectnessPredictor predictor;
    private final int models;
    private final double tau;
    private final double optimism;
    private final double[] capacityShare;
    private final int batchSize;
    private final double[] windowPhat;
    private final double[] windowCost;
    private final double[] phat;
    private final float[] scratch;
    private final double[] rowCost;
    private int filled;
    private Assignment current;
    private double predictedSum;
    private long routed;
    private int solves;

    /**
     * The result of assigning one batch.
     *
     * @param choices the chosen model per request
     * @param lambda the multiplier found
     * @param predictedAccuracy mean p_hat of the chosen models (what OmniRouter believes it will get)
     * @param capacityPrices nu per model (all 0 without capacities)
     */
    public record Assignment(int[] choices, double lambda, double predictedAccuracy, double[] capacityPrices) {
    }

    /**
     * @param predictor p_hat source (trained on the calibration split)
     * @param tau target accuracy in (0,1)
     * @param batchSize requests per batch, 1..1,000,000
     * @param capacityShare per model, the largest share of a batch it may take, in (0,1]; null for unlimited
     * @param optimism added to every p_hat (clamped to 1) to show what an optimistic predictor does; 0 normally
     * @param warmStart the assignment to route with until the first window is full
     */
    public OmniRouter(CorrectnessPredictor predictor, double tau, int batchSize, double[] capacityShare, double optimism,
                      Assignment warmStart) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("batch size must be between 1 and 1,000,000, got " + batchSize);
        }
        if (!(optimism >= 0 && optimism <= 0.5)) {
            throw new IllegalArgumentException("predictor optimism must be in [0, 0.5], got " + optimism);
        }
        this.predictor = predictor;
        this.models = predictor.models();
        validateCapacity(capacityShare, models);
        this.tau = tau;
        this.optimism = optimism;
        this.batchSize = batchSize;
        this.capacityShare = capacityShare == null ? null : capacityShare.clone();
        this.windowPhat = new double[batchSize * models];
        this.windowCost = new double[batchSize * models];
        this.phat = new double[models];
        this.scratch = new float[models];
        this.rowCost = new double[models];
        this.batchKeys = new int[batchSize];
        this.current = warmStart == null ? new Assignment(new int[0], 0, Double.NaN, new double[models]) : warmStart;
    }

    /** Solves the warm-start assignment on the calibration split's predictions (labels unused). */
    public static Assignment warmStart(CorrectnessPredictor predictor, LabelledSplit split, double tau, double[] capacityShare,
                                       double optimism) {
        int m = split.models();
        int n = split.size();
        double[] p = new double[n * m];
        double[] c = new double[n * m];
        double[] buf = new double[m];
        for (int i = 0; i < n; i++) {
            predictor.predict(split, i, buf);
            for (int j = 0; j < m; j++) {
                p[i * m + j] = Math.min(1, buf[j] + optimism);
                c[i * m + j] = split.cost(i, j);
            }
        }
        return assign(p, c, n, m, tau, capacityShare);
    }

    static void validateCapacity(double[] capacityShare, int models) {
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
            throw new IllegalArgumentException("capacity shares add up to " + total + " < 1: a batch cannot be served");
        }
    }

    /**
     * Assigns one batch by rule L with lambda bisected on predicted accuracy and capacity prices.
     *
     * @param phat predicted success, {@code [i * M + m]}
     * @param cost normalised expected cost, {@code [i * M + m]}
     * @param capacityShare per-model largest share, or null for unlimited
     */
    public static Assignment assign(double[] phat, double[] cost, int n, int models, double tau, double[] capacityShare) {
        if (n < 1 || phat.length < n * models || cost.length < n * models) {
            throw new IllegalArgumentException("need n x models predictions and costs for a batch of " + n);
        }
        validateCapacity(capacityShare, models);
        Solver s = new Solver(phat, cost, n, models);
        double[] nu = new double[models];
        int[] choice = new int[n];
        double lambda = s.solveLambda(tau, nu, choice);
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
                lambda = s.solveLambda(tau, nu, choice);
            }
        }
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += phat[i * models + choice[i]];
        }
        return new Assignment(choice, lambda, acc / n, nu);
    }

    /** Bisection on lambda with the shared rule L; scratch rows avoid allocating per request. */
    private static final class Solver {
        private final double[] phat;
        private final double[] cost;
        private final int n;
        private final int models;
        private final double[] rowP;
        private final double[] rowC;

        Solver(double[] phat, double[] cost, int n, int models) {
            this.phat = phat;
            this.cost = cost;
            this.n = n;
            this.models = models;
            this.rowP = new double[models];
            this.rowC = new double[models];
        }

        double solveLambda(double tau, double[] nu, int[] choice) {
            if (predicted(0, nu, choice) >= tau) {
                return 0;
            }
            double lo = 0;
            double hi = 1;
            while (predicted(hi, nu, choice) < tau && hi < 1e9) {
                lo = hi;
                hi *= 4;
            }
            for (int s = 0; s < BISECTION_STEPS; s++) {
                double mid = 0.5 * (lo + hi);
                if (predicted(mid, nu, choice) >= tau) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            predicted(hi, nu, choice);
            return hi;
        }

        double predicted(double lambda, double[] nu, int[] choice) {
            double acc = 0;
            for (int i = 0; i < n; i++) {
                int off = i * models;
                for (int j = 0; j < models; j++) {
                    rowP[j] = phat[off + j];
                    rowC[j] = cost[off + j] + nu[j];
                }
                int j = RuleL.choose(rowC, rowP, lambda, models);
                choice[i] = j;
                acc += rowP[j];
            }
            return acc / n;
        }
    }

    // Fast path (no capacity limits, requests with a query key): per sample query, rule L's choice as lambda
    // grows walks the upper hull of (cost, p_hat); the hull is fixed per query, so it is computed once and
    // cached. A batch's lambda is then found exactly from the sorted breakpoints of its requests' hulls
    // instead of by 50 bisection passes of rule L over the batch (the same lambda: the smallest at which the
    // predicted mean reaches tau, taken a hair above the breakpoint as the bisection's upper end was).
    private int[] hullStart = new int[0];
    private int[] hullEnd = new int[0];
    private float[] hullCheck = new float[0];
    private double[] hullLambda = new double[1024];
    private int[] hullModel = new int[1024];
    private double[] hullP = new double[1024];
    private int hullSize;
    private final int[] batchKeys;
    private double[] batchLambda = new double[0];
    private double[] batchDp = new double[0];
    private double[] sorted = new double[0];

    @Override
    public int route(RequestView request, Serving serving) {
        int key = request.queryKey();
        if (key < 0 || capacityShare != null) {
            return routeDirect(request);
        }
        int h = hull(key, request);
        double lambda = current.lambda();
        int end = hullEnd[key];
        int k = h;
        // hull entries: [h] = the lambda-0 choice (lambda field unused), then switches at rising lambdas
        while (k + 1 < end && hullLambda[k + 1] < lambda) {
            k++;
        }
        int chosen = hullModel[k];
        predictedSum += hullP[k];
        routed++;
        batchKeys[filled] = key;
        if (++filled == batchSize) {
            current = solveFromHulls();
            filled = 0;
            solves++;
        }
        return chosen;
    }

    private int hull(int key, RequestView request) {
        if (key < hullStart.length && hullEnd[key] > 0 && (float) request.normalisedCost(hullModel[hullStart[key]]) == hullCheck[key]) {
            return hullStart[key];
        }
        if (key >= hullStart.length) {
            int n = Math.max(key + 1, Math.max(1024, hullStart.length * 2));
            hullStart = Arrays.copyOf(hullStart, n);
            hullEnd = Arrays.copyOf(hullEnd, n);
            hullCheck = Arrays.copyOf(hullCheck, n);
        }
        predictor.predict(request, phat, scratch);
        for (int j = 0; j < models; j++) {
            phat[j] = Math.min(1, phat[j] + optimism);
            rowCost[j] = request.normalisedCost(j);
        }
        if (hullSize + models > hullLambda.length) {
            int n = Math.max(hullLambda.length * 2, hullSize + models);
            hullLambda = Arrays.copyOf(hullLambda, n);
            hullModel = Arrays.copyOf(hullModel, n);
            hullP = Arrays.copyOf(hullP, n);
        }
        int start = hullSize;
        int j = RuleL.choose(rowCost, phat, 0, models);
        hullLambda[hullSize] = 0;
        hullModel[hullSize] = j;
        hullP[hullSize] = phat[j];
        hullSize++;
        while (true) {
            int next = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            for (int k = 0; k < models; k++) {
                if (phat[k] > phat[j]) {
                    double r = Math.max(0, (rowCost[k] - rowCost[j]) / (phat[k] - phat[j]));
                    if (r < bestRatio || (r == bestRatio && phat[k] > phat[next])) {
                        bestRatio = r;
                        next = k;
                    }
                }
            }
            if (next < 0) {
                break;
            }
            hullLambda[hullSize] = bestRatio;
            hullModel[hullSize] = next;
            hullP[hullSize] = phat[next];
            hullSize++;
            j = next;
        }
        hullStart[key] = start;
        hullEnd[key] = hullSize;
        hullCheck[key] = (float) request.normalisedCost(hullModel[start]);
        return start;
    }

    private Assignment solveFromHulls() {
        int n = batchSize;
        double base = 0;
        int entries = 0;
        for (int i = 0; i < n; i++) {
            int key = batchKeys[i];
            base += hullP[hullStart[key]];
            entries += hullEnd[key] - hullStart[key] - 1;
        }
        if (batchLambda.length < entries) {
            batchLambda = new double[entries];
            batchDp = new double[entries];
            sorted = new double[entries];
        }
        int e = 0;
        for (int i = 0; i < n; i++) {
            int key = batchKeys[i];
            for (int k = hullStart[key] + 1; k < hullEnd[key]; k++) {
                batchLambda[e] = hullLambda[k];
                batchDp[e] = hullP[k] - hullP[k - 1];
                e++;
            }
        }
        double need = tau * n - base;
        double lambda;
        double reached;
        if (need <= 0) {
            lambda = 0;
            reached = base;
        } else {
            System.arraycopy(batchLambda, 0, sorted, 0, e);
            Arrays.sort(sorted, 0, e);
            // smallest breakpoint x with sum of dp over entries whose lambda <= x at least need
            int lo = 0;
            int hi = e - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (gained(sorted[mid], e) >= need) {
                    found = mid;
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            if (found < 0) {
                // unreachable by prediction: as the bisection did, a lambda past every breakpoint (best p_hat everywhere)
                lambda = e == 0 ? 1e9 : Math.max(1e9, sorted[e - 1] * 4);
                reached = base + gained(Double.POSITIVE_INFINITY, e);
            } else {
                double x = sorted[found];
                lambda = x + Math.max(Math.ulp(x) * 4, 1e-15);
                reached = base + gained(x, e);
            }
        }
        return new Assignment(NO_CHOICES, lambda, reached / n, new double[models]);
    }

    private static final int[] NO_CHOICES = new int[0];

    private double gained(double x, int e) {
        double g = 0;
        for (int k = 0; k < e; k++) {
            if (batchLambda[k] <= x) {
                g += batchDp[k];
            }
        }
        return g;
    }

    private int routeDirect(RequestView request) {
        predictor.predict(request, phat, scratch);
        double[] nu = current.capacityPrices();
        for (int j = 0; j < models; j++) {
            phat[j] = Math.min(1, phat[j] + optimism);
            rowCost[j] = request.normalisedCost(j) + nu[j];
        }
        int chosen = RuleL.choose(rowCost, phat, current.lambda(), models);
        System.arraycopy(phat, 0, windowPhat, filled * models, models);
        for (int j = 0; j < models; j++) {
            windowCost[filled * models + j] = request.normalisedCost(j);
        }
        predictedSum += phat[chosen];
        routed++;
        if (++filled == batchSize) {
            current = assign(windowPhat, windowCost, batchSize, models, tau, capacityShare);
            filled = 0;
            solves++;
        }
        return chosen;
    }

    /** Feedback is ignored: OmniRouter trusts its predictor (that is its documented failure mode). */
    @Override
    public void observe(FeedbackEvent event) {
        // deliberately nothing
    }

    @Override
    public double multiplier() {
        return current.lambda();
    }

    /** What OmniRouter believes its accuracy is: the mean p_hat of the models it chose. */
    @Override
    public double estimatedSatisfaction() {
        return routed == 0 ? Double.NaN : predictedSum / routed;
    }

    public double tau() {
        return tau;
    }

    @Override
    public LearnedState exportState() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("lambda", current.lambda());
        s.put("predictedAccuracy", current.predictedAccuracy());
        s.put("batchesSolved", (double) solves);
        double[] nu = current.capacityPrices();
        for (int j = 0; j < nu.length; j++) {
            if (nu[j] > 0) {
                s.put("capacityPrice." + j, nu[j]);
            }
        }
        return LearnedState.of(OfflineRouters.OMNIROUTER, s);
    }
}
