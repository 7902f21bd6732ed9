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
        if (models > Short.MAX_VALUE) { // the cached hulls keep a model index in a short
            throw new IllegalArgumentException("omnirouter routes at most " + Short.MAX_VALUE + " models, got " + models);
        }
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
    // per key: [3k] = first hull entry, [3k+1] = end, [3k+2] = float bits of the check cost (0 = not computed)
    private int[] keyInfo = new int[0];
    // per hull entry e: [2e] = lambda at which rule L switches to it, [2e+1] = its p_hat; its model in hullModel[e]
    // (16 bytes an entry where the routing walks, rather than 24 with the model as a double: fewer lines per request on
    // a large pool, decision 1060)
    private double[] hull = new double[2 * 1024];
    private short[] hullModel = new short[1024];
    private int hullSize;
    private final int[] batchKeys;
    private double[] batchLambda = new double[0];
    private double[] batchDp = new double[0];

    @Override
    public int route(RequestView request, Serving serving) {
        int key = request.queryKey();
        if (key < 0 || capacityShare != null) {
            return routeDirect(request);
        }
        int h = hull(key, request);
        double lambda = current.lambda();
        int end = keyInfo[3 * key + 1];
        double[] hl = hull;
        int k = h;
        // entry h is the lambda-0 choice, then switches at rising lambdas
        while (k + 1 < end && hl[2 * (k + 1)] < lambda) {
            k++;
        }
        predictedSum += hl[2 * k + 1];
        routed++;
        batchKeys[filled] = key;
        // this request's breakpoints for the next batch's lambda, taken while its hull is in cache (solveFromHulls
        // read them again for the whole batch, a cache miss per request on a large pool); same order, same sums
        batchBase += hl[2 * h + 1];
        int e = batchEntries;
        if (e + (end - h) > batchLambda.length) {
            int size = Math.max(e + (end - h), Math.min(batchSize * models, Math.max(4096, batchLambda.length * 2)));
            batchLambda = Arrays.copyOf(batchLambda, size);
            batchDp = Arrays.copyOf(batchDp, size);
        }
        for (int j = h + 1; j < end; j++, e++) {
            batchLambda[e] = hl[2 * j];
            batchDp[e] = hl[2 * j + 1] - hl[2 * j - 1];
        }
        batchEntries = e;
        if (++filled == batchSize) {
            current = solveFromHulls();
            filled = 0;
            solves++;
        }
        return hullModel[k];
    }

    @Override
    public boolean loadsAhead() {
        return capacityShare == null;
    }

    /**
     * Loads the key's hull record, every line of its entries and its first model (two dependent cache misses on a large
     * pool) while the simulator touches the block's rows, where the loads of many requests overlap (decision 1060); the
     * sum keeps the JIT from dropping loads whose values are otherwise unused.
     */
    @Override
    public void upcoming(int key) {
        int i = 3 * key;
        if (key >= 0 && i + 2 < keyInfo.length) {
            int start = keyInfo[i];
            int end = keyInfo[i + 1];
            if (end > start) {
                double[] hl = hull;
                long t = Double.doubleToRawLongBits(hl[2 * end - 1]) + hullModel[start];
                for (int at = 2 * start; at < 2 * end; at += 8) { // one double per 64-byte line
                    t ^= Double.doubleToRawLongBits(hl[at]);
                }
                touched += t;
            }
        }
    }

    private long touched;

    private int hull(int key, RequestView request) {
        if (3 * key + 2 < keyInfo.length) {
            int check = keyInfo[3 * key + 2];
            if (check != 0) {
                int start = keyInfo[3 * key];
                if (Float.floatToRawIntBits((float) request.normalisedCost(hullModel[start])) == check) {
                    return start;
                }
                // its cost changed (a price epoch): the breakpoints collected so far may be the old hull's
                batchStale = true;
            }
        } else {
            keyInfo = Arrays.copyOf(keyInfo, 3 * Math.max(key + 1, Math.max(1024, keyInfo.length / 3 * 2)));
        }
        predictor.predict(request, phat, scratch);
        for (int j = 0; j < models; j++) {
            phat[j] = Math.min(1, phat[j] + optimism);
            rowCost[j] = request.normalisedCost(j);
        }
        if (hullSize + models > hullModel.length) {
            int size = Math.max(hullModel.length * 2, hullSize + models);
            hull = Arrays.copyOf(hull, 2 * size);
            hullModel = Arrays.copyOf(hullModel, size);
        }
        int start = hullSize;
        int j = RuleL.choose(rowCost, phat, 0, models);
        add(0, j);
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
            add(bestRatio, next);
            j = next;
        }
        keyInfo[3 * key] = start;
        keyInfo[3 * key + 1] = hullSize;
        int bits = Float.floatToRawIntBits((float) request.normalisedCost(j == -1 ? 0 : hullModel[start]));
        keyInfo[3 * key + 2] = bits == 0 ? 1 : bits; // a zero cost still marks the entry as computed
        return start;
    }

    private void add(double lambda, int model) {
        hull[2 * hullSize] = lambda;
        hull[2 * hullSize + 1] = phat[model];
        hullModel[hullSize] = (short) model;
        hullSize++;
    }

    // the current batch's breakpoints, collected by route(); stale when a hull was recomputed during the batch
    private double batchBase;
    private int batchEntries;
    private boolean batchStale;

    private Assignment solveFromHulls() {
        int n = batchSize;
        double base = batchBase;
        int e = batchEntries;
        boolean stale = batchStale;
        batchBase = 0;
        batchEntries = 0;
        batchStale = false;
        if (stale) {
            // as before the collection in route(): every request of the batch on its key's current hull
            base = 0;
            e = 0;
            if (batchLambda.length < n * models) {
                batchLambda = new double[n * models];
                batchDp = new double[n * models];
            }
        }
        for (int i = 0; stale && i < n; i++) {
            int info = 3 * batchKeys[i];
            int k = keyInfo[info];
            int end = keyInfo[info + 1];
            base += hull[2 * k + 1];
            for (k++; k < end; k++) {
                batchLambda[e] = hull[2 * k];
                batchDp[e] = hull[2 * k + 1] - hull[2 * k - 1];
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
            double x = weightedSelect(e, need);
            if (Double.isNaN(x)) {
                // unreachable by prediction: as the bisection did, a lambda past every breakpoint (best p_hat everywhere)
                double top = 0;
                double all = 0;
                for (int k = 0; k < e; k++) {
                    top = Math.max(top, batchLambda[k]);
                    all += batchDp[k];
                }
                lambda = Math.max(1e9, top * 4);
                reached = base + all;
            } else {
                lambda = x + Math.max(Math.ulp(x) * 4, 1e-15);
                reached = base + selectedGain;
            }
        }
        return new Assignment(NO_CHOICES, lambda, reached / n, new double[models]);
    }

    private static final int[] NO_CHOICES = new int[0];

    /**
     * The smallest breakpoint x at which the gains of the entries with lambda <= x add up to {@code need}
     * (a weighted quantile), without sorting the batch: one pass adds each gain into a bucket of lambda's
     * leading bits (order-preserving for lambda >= 0), a scan finds the bucket where the running sum
     * crosses {@code need}, and only that bucket's few entries are sorted. NaN when all gains fall short.
     */
    private double weightedSelect(int e, double need) {
        double[] lam = batchLambda;
        double[] dp = batchDp;
        int minB = Integer.MAX_VALUE;
        int maxB = -1;
        for (int k = 0; k < e; k++) {
            int bk = bucket(lam[k]);
            bucketSum[bk] += dp[k];
            minB = Math.min(minB, bk);
            maxB = Math.max(maxB, bk);
        }
        int crossing = -1;
        double before = 0;
        double cum = 0;
        for (int bk = minB; bk <= maxB; bk++) {
            double next = cum + bucketSum[bk];
            if (crossing < 0 && next >= need) {
                crossing = bk;
                before = cum;
            }
            cum = next;
            bucketSum[bk] = 0;
        }
        if (crossing < 0) {
            return Double.NaN;
        }
        int n = 0;
        for (int k = 0; k < e; k++) {
            if (bucket(lam[k]) == crossing) {
                if (n == inLam.length) {
                    inLam = Arrays.copyOf(inLam, n * 2);
                    inDp = Arrays.copyOf(inDp, n * 2);
                }
                inLam[n] = lam[k];
                inDp[n] = dp[k];
                n++;
            }
        }
        // insertion sort of the bucket's entries by lambda (stable: equal lambdas keep batch order)
        for (int i = 1; i < n; i++) {
            double l = inLam[i];
            double d = inDp[i];
            int j = i - 1;
            while (j >= 0 && inLam[j] > l) {
                inLam[j + 1] = inLam[j];
                inDp[j + 1] = inDp[j];
                j--;
            }
            inLam[j + 1] = l;
            inDp[j + 1] = d;
        }
        double remaining = need - before;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += inDp[i];
            // all entries at the same lambda count together
            if (acc >= remaining && (i + 1 == n || inLam[i + 1] != inLam[i])) {
                selectedGain = before + acc;
                return inLam[i];
            }
        }
        selectedGain = before + acc;
        return inLam[n - 1];
    }

    private double selectedGain;

    private static int bucket(double lambda) {
        return (int) (Double.doubleToRawLongBits(lambda) >>> 49);
    }

    private final double[] bucketSum = new double[1 << 14];
    private double[] inLam = new double[64];
    private double[] inDp = new double[64];


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

    // Export (issue 12): accessors added at the end.

    public CorrectnessPredictor predictor() {
        return predictor;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Per-model capacity shares, or null without a limit. */
    public double[] capacityShare() {
        return capacityShare == null ? null : capacityShare.clone();
    }

    public double optimism() {
        return optimism;
    }

    /** The assignment the next requests are routed with (at construction: the warm start). */
    public Assignment currentAssignment() {
        return current;
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
