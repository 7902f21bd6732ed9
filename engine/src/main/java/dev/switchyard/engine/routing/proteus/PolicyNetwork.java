package dev.switchyard.engine.routing.proteus;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * PROTEUS's policy: one hidden tanh layer mapping (query features, tau, lambda) to the two
 * parameters of a Beta distribution over the quality preference mu. The Beta's mean is anchored on the
 * dual: {@code logit(mean) = o1 + log(lambda)}, so the served mapping mu -> model is rule L at
 * {@code lambda exp(o1)} and o1 is a per-query correction (it cannot saturate away from lambda); the
 * concentration is {@code 2 + softplus(o2)}. Trained with Adam on REINFORCE gradients by {@link ProteusTrainer}
 * (docs/decisions/1002-proteus-mapping.md).
 */
public final class PolicyNetwork {
    private final int inputs;
    private final int hidden;
    /** w1[h * inputs + i], b1[h], w2[o * hidden + h], b2[o]; all in one array for Adam. */
    private final double[] params;
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;

    PolicyNetwork(int inputs, int hidden, RandomGenerator rng) {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("policy needs inputs and hidden units >= 1");
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.w1 = 0;
        this.b1 = inputs * hidden;
        this.w2 = b1 + hidden;
        this.b2 = w2 + 2 * hidden;
        this.params = new double[b2 + 2];
        double s1 = StrictMath.sqrt(6.0 / (inputs + hidden));
        for (int i = 0; i < inputs * hidden; i++) {
            params[w1 + i] = (2 * rng.nextDouble() - 1) * s1;
        }
        double s2 = 0.1 * StrictMath.sqrt(6.0 / (hidden + 2));
        for (int i = 0; i < 2 * hidden; i++) {
            params[w2 + i] = (2 * rng.nextDouble() - 1) * s2;
        }
        // o1 = 0: mu / (1 - mu) = lambda, plain rule L at the dual to start from; softplus(1.85) ~ 2: concentration ~ 4,
        // a broad Beta to explore from
        params[b2] = 0;
        params[b2 + 1] = 1.85;
    }

    PolicyNetwork(int inputs, int hidden, double[] params) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.w1 = 0;
        this.b1 = inputs * hidden;
        this.w2 = b1 + hidden;
        this.b2 = w2 + 2 * hidden;
        if (params.length != b2 + 2) {
            throw new IllegalArgumentException("policy with " + inputs + " inputs and " + hidden + " hidden units needs "
                    + (b2 + 2) + " parameters, got " + params.length);
        }
        for (int i = 0; i < params.length; i++) {
            if (!Double.isFinite(params[i])) {
                throw new IllegalArgumentException("policy parameter #" + i + " is not finite");
            }
        }
        this.params = params.clone();
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    /** A copy of every parameter (for export and determinism checks). */
    public double[] parameters() {
        return params.clone();
    }

    double[] rawParameters() {
        return params;
    }

    int parameterCount() {
        return params.length;
    }

    /**
     * Forward pass. Fills {@code h} (hidden activations, length {@code hidden}) and {@code out}
     * with {o1, o2, alpha, beta}.
     */
    void forward(double[] x, double[] h, double[] out) {
        forward(x, -1, 0, h, out);
    }

    /**
     * {@link #forward(double[], double[], double[])} for an input whose first {@code dense} entries are zero but for
     * {@code hot} (a one-hot block; {@code hot < 0}: none): the zero entries' terms are skipped, which gives the same
     * doubles bit for bit, since the sums never hold -0.0 (they start at a bias that is +0.0 or non-zero, and an exact
     * cancellation gives +0.0), so adding a zero product leaves them as they are. Training calls it per sampled row.
     */
    void forward(double[] x, int hot, int dense, double[] h, double[] out) {
        for (int j = 0; j < hidden; j++) {
            double z = params[b1 + j];
            int row = w1 + j * inputs;
            if (hot >= 0) {
                z += params[row + hot] * x[hot];
            }
            for (int i = dense; i < inputs; i++) {
                z += params[row + i] * x[i];
            }
            h[j] = StrictMath.tanh(z);
        }
        for (int o = 0; o < 2; o++) {
            double z = params[b2 + o];
            int row = w2 + o * hidden;
            for (int j = 0; j < hidden; j++) {
                z += params[row + j] * h[j];
            }
            out[o] = z;
        }
        // anchored on the dual (decision 1002): logit(mu) = o1 + log(lambda), so mu / (1 - mu) = lambda exp(o1) and the
        // network learns a per-query correction factor of the multiplier; lambda is the last input, log1p-coded
        double lambda = StrictMath.expm1(x[inputs - 1]);
        double mu = BetaMath.sigmoid(out[0] + StrictMath.log(Math.max(lambda, 1e-300)));
        mu = Math.min(1 - 1e-9, Math.max(1e-9, mu));
        double kappa = 2 + BetaMath.softplus(out[1]);
        out[2] = mu * kappa;
        out[3] = (1 - mu) * kappa;
    }

    /** Mean of the Beta the policy gives for input {@code x}. */
    double meanMu(double[] x, double[] h, double[] out) {
        forward(x, h, out);
        return out[2] / (out[2] + out[3]);
    }

    /**
     * Adds to {@code grad} the gradient of {@code gAlpha * alpha + gBeta * beta} with respect to the
     * parameters, for the input and activations of the last {@link #forward} on {@code x}. As in the forward pass, the
     * first {@code dense} inputs are zero but for {@code hot} and their terms are skipped ({@code hot = -1},
     * {@code dense = 0}: every input counts).
     */
    void backward(double[] x, int hot, int dense, double[] h, double[] out, double gAlpha, double gBeta, double[] grad) {
        double kappa = out[2] + out[3];
        double mu = out[2] / kappa;
        double go1 = (gAlpha - gBeta) * kappa * mu * (1 - mu);
        double go2 = (gAlpha * mu + gBeta * (1 - mu)) * BetaMath.sigmoid(out[1]);
        grad[b2] += go1;
        grad[b2 + 1] += go2;
        for (int j = 0; j < hidden; j++) {
            grad[w2 + j] += go1 * h[j];
            grad[w2 + hidden + j] += go2 * h[j];
            double gh = (go1 * params[w2 + j] + go2 * params[w2 + hidden + j]) * (1 - h[j] * h[j]);
            if (gh == 0) {
                continue;
            }
            grad[b1 + j] += gh;
            int row = w1 + j * inputs;
            if (hot >= 0) {
                grad[row + hot] += gh * x[hot];
            }
            for (int i = dense; i < inputs; i++) {
                grad[row + i] += gh * x[i];
            }
        }
    }

    long fingerprint() {
        return Arrays.hashCode(params);
    }
}
