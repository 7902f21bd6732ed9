package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.text.TextFeaturizer;

/**
 * PROTEUS in service (reconstructed from arXiv 2601.19402's abstract; spec 3.2): serves a trained
 * {@link ProteusPolicy} at one target tau. Per request: p_hat from the policy's correctness
 * predictor, lambda(tau) from the trained duals, the deterministic mu (Beta mean) from the policy
 * network, then argmax_m mu p_hat_m - (1 - mu) c_m/c_max on the request's normalised expected
 * costs. It is trained offline and does not learn in service; it never sees a label or a score.
 * Not thread-safe: one per replication (the policy itself is shared).
 */
public final class ProteusRouter implements Router {
    private final ProteusPolicy policy;
    private final double tau;
    private final double lambda;
    private final double[] phat;
    private final float[] scratch;
    private final double[] cost;
    private final double[] x;
    private final double[] h;
    private final double[] out = new double[4];
    private double lastMu = Double.NaN;
    private double predictedSum;
    private double muSum;
    private long routed;

    public ProteusRouter(ProteusPolicy policy, double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        this.policy = policy;
        this.tau = tau;
        this.lambda = policy.lambdaFor(tau);
        this.phat = new double[policy.models()];
        this.scratch = new float[policy.models()];
        this.cost = new double[policy.models()];
        this.x = new double[policy.network().inputs()];
        this.h = new double[policy.network().hidden()];
    }

    // Per-query cache of the served decision: features, p_hat and the policy's mu are fixed per sample
    // query and tau, so the network runs once per query (key = RequestView#queryKey). The chosen model's
    // normalised cost is kept too and re-checked, so a price change recomputes the decision.
    private int[] cachedChoice = new int[0];
    private float[] cachedCost = new float[0];
    private float[] cachedPhat = new float[0];
    private float[] cachedMu = new float[0];

    @Override
    public int route(RequestView request, Serving serving) {
        if (latencyFilter != null) {
            return decideFiltered(request);
        }
        int key = request.queryKey();
        if (key >= 0 && key < cachedChoice.length) {
            int c = cachedChoice[key] - 1;
            if (c >= 0 && (float) request.normalisedCost(c) == cachedCost[key]) {
                predictedSum += cachedPhat[key];
                muSum += cachedMu[key];
                lastMu = cachedMu[key];
                routed++;
                return c;
            }
        }
        int chosen = decide(request);
        if (key >= 0) {
            remember(key, chosen, request);
        }
        return chosen;
    }

    private void remember(int key, int chosen, RequestView request) {
        if (key >= cachedChoice.length) {
            int n = Math.max(key + 1, Math.max(1024, cachedChoice.length * 2));
            cachedChoice = java.util.Arrays.copyOf(cachedChoice, n);
            cachedCost = java.util.Arrays.copyOf(cachedCost, n);
            cachedPhat = java.util.Arrays.copyOf(cachedPhat, n);
            cachedMu = java.util.Arrays.copyOf(cachedMu, n);
        }
        cachedChoice[key] = chosen + 1;
        cachedCost[key] = (float) request.normalisedCost(chosen);
        cachedPhat[key] = (float) phat[chosen];
        cachedMu[key] = (float) lastMu;
    }

    private int decide(RequestView request) {
        policyMu(request);
        return served(PolicyInput.choose(lastMu, phat, 0, cost, 0, policy.models()));
    }

    /** The policy's mu for {@code request} into {@code lastMu}, with its p_hat and normalised costs in phat/cost. */
    private void policyMu(RequestView request) {
        policy.predictor().predict(request, phat, scratch);
        int m = policy.models();
        for (int j = 0; j < m; j++) {
            cost[j] = request.normalisedCost(j);
        }
        PolicyInput.fill(x, policy.categories(), m, request.category(), TextFeaturizer.lengthFeature(request.inputTokens()),
                phat, 0, cost, 0, tau, lambda);
        lastMu = policy.network().meanMu(x, h, out);
    }

    private int served(int chosen) {
        predictedSum += phat[chosen];
        muSum += lastMu;
        routed++;
        return chosen;
    }

    // The latency term (issue 14, lat14c): a filter on the models the mapping may pick (LatencyFilter), applied in the
    // serving step only; the policy and its mapping are untouched. Without a latency term nothing here runs.
    private dev.switchyard.engine.routing.online.LatencyFilter latencyFilter;
    private boolean[] allowedModels;
    // the allowed models' p_hat, cost and pool index, compacted (reused: the serving step allocates nothing)
    private double[] allowedPhat;
    private double[] allowedCost;
    private int[] allowedIndex;

    /** Applies the contract's latency term as a filter; null (none) leaves PROTEUS as trained. */
    public ProteusRouter withLatencyFilter(dev.switchyard.engine.routing.online.LatencyFilter filter) {
        this.latencyFilter = filter;
        this.allowedModels = new boolean[policy.models()];
        this.allowedPhat = new double[policy.models()];
        this.allowedCost = new double[policy.models()];
        this.allowedIndex = new int[policy.models()];
        return this;
    }

    /** The policy's mu as usual, mapped to a model among those the filter allows (the others priced out). */
    private int decideFiltered(RequestView request) {
        policyMu(request);
        // the mapping itself, on the allowed models only (compacted, so it sees nothing of the others)
        int n = latencyFilter.allowed(request, allowedModels);
        for (int j = 0, k = 0; j < policy.models(); j++) {
            if (allowedModels[j]) {
                allowedPhat[k] = phat[j];
                allowedCost[k] = cost[j];
                allowedIndex[k++] = j;
            }
        }
        return served(allowedIndex[PolicyInput.choose(lastMu, allowedPhat, 0, allowedCost, 0, n)]);
    }

    @Override
    public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
        if (latencyFilter != null) {
            latencyFilter.observe(request, model, ttftMs, totalMs);
        }
    }

    /** Feedback is ignored: PROTEUS is trained offline and serves any tau without retraining. */
    @Override
    public void observe(FeedbackEvent event) {
        // deliberately nothing
    }

    /** lambda(tau) the policy is conditioned on. */
    @Override
    public double multiplier() {
        return lambda;
    }

    @Override
    public double estimatedSatisfaction() {
        return routed == 0 ? Double.NaN : predictedSum / routed;
    }

    /** mu of the last request routed. */
    public double lastMu() {
        return lastMu;
    }

    public double tau() {
        return tau;
    }

    public ProteusPolicy policy() {
        return policy;
    }

    @Override
    public LearnedState exportState() {
        // the trained numbers' entries are the policy's (built once for it, sorted as LearnedState keeps them, so the
        // copies here and in LearnedState are linear); a sweep exports one state per replication
        java.util.TreeMap<String, Double> s = new java.util.TreeMap<>(policy.exportedEntries());
        s.put("tau", tau);
        s.put("lambda", lambda);
        s.put("meanMu", routed == 0 ? Double.NaN : muSum / routed);
        return LearnedState.of("proteus", s);
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
