package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.text.TextFeatureTable;

/**
 * Serves a {@link ProteusPolicy} at one target tau: p_hat from the policy's predictor, the
 * deterministic mu (Beta mean), then the mu -> model mapping. Holds scratch buffers, so one per
 * thread; it never learns in service (PROTEUS is trained offline) and never sees a label.
 */
public final class ProteusRouter {
    private final ProteusPolicy policy;
    private final double tau;
    private final double lambda;
    private final double[] phat;
    private final double[] costNorm;
    private final double[] x;
    private final double[] h;
    private final double[] out = new double[4];
    private double lastMu = Double.NaN;

    public ProteusRouter(ProteusPolicy policy, double tau) {
        if (!(tau > 0 && tau < 1)) {
            throw new IllegalArgumentException("target tau must be in (0,1), got " + tau);
        }
        this.policy = policy;
        this.tau = tau;
        this.lambda = policy.lambdaFor(tau);
        this.phat = new double[policy.models()];
        this.costNorm = new double[policy.models()];
        this.x = new double[policy.network().inputs()];
        this.h = new double[policy.network().hidden()];
    }

    /**
     * The model for row {@code q} of {@code table}.
     *
     * @param costUsd the request's cost for each model, USD (as the router would estimate it)
     */
    public int route(TextFeatureTable table, int q, double[] costUsd) {
        policy.predictor().predict(table, q, phat);
        int m = policy.models();
        double scale = policy.costScale();
        for (int j = 0; j < m; j++) {
            costNorm[j] = costUsd[j] / scale;
        }
        PolicyInput.fill(x, policy.categories(), m, table.category(q), table.lengthFeature(q), phat, 0, costNorm, 0, tau, lambda);
        lastMu = policy.network().meanMu(x, h, out);
        return PolicyInput.choose(lastMu, phat, 0, costNorm, 0, m);
    }

    /** mu of the last request routed. */
    public double lastMu() {
        return lastMu;
    }

    /** p_hat of the last request routed (the router's own estimate of its satisfaction). */
    public double lastPredicted(int model) {
        return phat[model];
    }

    public double tau() {
        return tau;
    }

    public double lambda() {
        return lambda;
    }
}
