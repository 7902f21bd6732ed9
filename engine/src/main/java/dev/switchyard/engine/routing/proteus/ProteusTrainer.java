package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.offline.CorrectnessPredictor;
import dev.switchyard.engine.routing.offline.LabelledSplit;
import java.util.random.RandomGenerator;

/**
 * Trains PROTEUS (reconstructed; spec 3.2) on a calibration split with full labels.
 *
 * <ol>
 *   <li>A per-model {@link CorrectnessPredictor} is trained on the whole split (for service), and
 *       cross-fitted p_hat is computed for the split's own rows (for training the policy), so the
 *       policy learns on predictions as sharp as those it will meet on new traffic.</li>
 *   <li>Each iteration samples a target tau from {@link ProteusConfig#tauBins} evenly spaced targets
 *       in [tauMin, tauMax] and a batch of rows. For each row the policy gives Beta(alpha, beta)
 *       from (features, tau, lambda_tau); mu is drawn from it and mapped to a model by
 *       argmax_m mu p_hat_m - (1 - mu) c_m / c_max.</li>
 *   <li>Reward: the Lagrangian of "min cost s.t. accuracy >= tau" for one request, scaled by
 *       1/(1 + lambda) so its range stays [-5, 1] whatever lambda is:
 *       {@code r = (lambda * s - c/c_max) / (1 + lambda)}, with s the chosen model's score on the
 *       row (the calibration label) and c its realised cost on the row. REINFORCE with a self-critical baseline: the advantage is
 *       r(sampled mu) - r(mean mu), which removes the per-query variance of the reward.</li>
 *   <li>Dual ascent per tau: {@code log lambda_tau += dualStep * (tau + margin - acc)}, where acc is
 *       the batch accuracy of the deterministic (Beta-mean) choice, the one served. Ascent on
 *       log(lambda) keeps lambda positive and moves it by a similar factor whether it is 0.1 or
 *       100. The lambdas averaged over the second half of training (Polyak averaging of the dual
 *       iterates) are made non-decreasing in tau (pool adjacent violators) and kept for service.</li>
 * </ol>
 *
 * <p>Deterministic: the result depends only on the split, the config and the seed of {@code rng},
 * bit for bit (StrictMath, sequential loops).
 */
public final class ProteusTrainer {
    private static final double ADAM_B1 = 0.9;
    private static final double ADAM_B2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    private ProteusTrainer() {
    }

    /**
     * Trains a policy.
     *
     * @param hashBits size of the hashed text space of the split's features
     * @param rng the run's generator (derive it from the scenario seed); the result depends only on
     *     its state, the split and the config
     */
    public static ProteusPolicy train(LabelledSplit set, int hashBits, ProteusConfig config, RandomGenerator rng) {
        CorrectnessPredictor.Trained t = CorrectnessPredictor.trainWithOutOfFold(set, hashBits, config.folds(), config.predictor(), rng);
        return train(set, t.predictor(), t.outOfFold(), config, rng);
    }

    /**
     * Trains the policy on an already trained predictor and its cross-fitted p_hat for the split.
     *
     * @param phat cross-fitted p_hat, {@code [i * M + m]}
     */
    public static ProteusPolicy train(LabelledSplit set, CorrectnessPredictor predictor, double[] phat, ProteusConfig config,
                                      RandomGenerator rng) {
        int m = set.models();
        int n = set.size();
        int cats = set.categories();
        if (phat.length != n * m || predictor.models() != m) {
            throw new IllegalArgumentException("predictor and p_hat must match the split (" + n + " rows x " + m + " models)");
        }
        // what the policy sees (expected cost) and what the reward charges (realised cost), both normalised
        double[] costNorm = new double[n * m];
        double[] paid = new double[n * m];
        float[] labels = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                costNorm[i * m + j] = set.cost(i, j);
                paid[i * m + j] = set.paid(i, j);
                labels[i * m + j] = set.label(i, j);
            }
        }

        int width = PolicyInput.width(cats, m);
        PolicyNetwork net = new PolicyNetwork(width, config.hiddenUnits(), rng);
        double[] params = net.rawParameters();
        int np = params.length;
        double[] grad = new double[np];
        double[] adamM = new double[np];
        double[] adamV = new double[np];

        int bins = config.tauBins();
        double[] logLambda = new double[bins];
        java.util.Arrays.fill(logLambda, StrictMath.log(config.initialLambda()));
        double[] avgLogLambda = new double[bins];
        int[] avgCount = new int[bins];
        double[] margin = new double[bins];
        for (int k = 0; k < bins; k++) {
            margin[k] = config.marginFor(config.binTau(k), n);
        }

        double[] x = new double[width];
        double[] h = new double[config.hiddenUnits()];
        double[] out = new double[4];
        int burnIn = config.iterations() / 2;
        for (int it = 0; it < config.iterations(); it++) {
            int k = rng.nextInt(bins);
            double tau = config.binTau(k);
            double lambda = StrictMath.exp(logLambda[k]);
            java.util.Arrays.fill(grad, 0);
            double accGreedy = 0;
            for (int b = 0; b < config.batchSize(); b++) {
                int i = rng.nextInt(n);
                PolicyInput.fill(x, cats, m, set.category(i), set.length(i), phat, i * m, costNorm, i * m, tau, lambda);
                int hot = set.category(i);
                net.forward(x, hot, cats, h, out); // the category one-hot: only its own entry is non-zero
                double a = out[2];
                double bb = out[3];
                double muMean = a / (a + bb);
                double mu = BetaMath.beta(a, bb, rng);
                int greedy = PolicyInput.choose(muMean, phat, i * m, costNorm, i * m, m);
                int sampled = PolicyInput.choose(mu, phat, i * m, costNorm, i * m, m);
                double sGreedy = labels[i * m + greedy];
                accGreedy += sGreedy;
                double rGreedy = (lambda * sGreedy - paid[i * m + greedy]) / (1 + lambda);
                double rSampled = (lambda * labels[i * m + sampled] - paid[i * m + sampled]) / (1 + lambda);
                double adv = rSampled - rGreedy;
                if (adv == 0) {
                    continue;
                }
                double psiAB = BetaMath.digamma(a + bb);
                double dA = StrictMath.log(mu) - BetaMath.digamma(a) + psiAB;
                double dB = StrictMath.log(1 - mu) - BetaMath.digamma(bb) + psiAB;
                // gradient ascent on E[adv * log pi]: accumulate the negative for a minimiser
                net.backward(x, hot, cats, h, out, -adv * dA, -adv * dB, grad);
            }
            double inv = 1.0 / config.batchSize();
            double lr = config.policyLearningRate();
            double c1 = 1 - StrictMath.pow(ADAM_B1, it + 1);
            double c2 = 1 - StrictMath.pow(ADAM_B2, it + 1);
            for (int p = 0; p < np; p++) {
                double g = grad[p] * inv;
                adamM[p] = ADAM_B1 * adamM[p] + (1 - ADAM_B1) * g;
                adamV[p] = ADAM_B2 * adamV[p] + (1 - ADAM_B2) * g * g;
                params[p] -= lr * (adamM[p] / c1) / (StrictMath.sqrt(adamV[p] / c2) + ADAM_EPS);
            }
            accGreedy *= inv;
            logLambda[k] += config.dualStep() * (tau + margin[k] - accGreedy);
            logLambda[k] = Math.max(-12, Math.min(12, logLambda[k]));
            if (it >= burnIn) {
                avgLogLambda[k] += logLambda[k];
                avgCount[k]++;
            }
        }
        double[] lambdas = new double[bins];
        double[] weights = new double[bins];
        for (int k = 0; k < bins; k++) {
            lambdas[k] = avgCount[k] > 0 ? avgLogLambda[k] / avgCount[k] : logLambda[k];
            weights[k] = Math.max(1, avgCount[k]);
        }
        isotonic(lambdas, weights);
        double[] taus = new double[bins];
        for (int k = 0; k < bins; k++) {
            taus[k] = config.binTau(k);
        }
        solveDuals(set, phat, costNorm, labels, net, config, taus, margin, lambdas);
        for (int k = 0; k < bins; k++) {
            lambdas[k] = StrictMath.exp(lambdas[k]);
        }
        return new ProteusPolicy(predictor, new PolicyNetwork(width, config.hiddenUnits(), params), taus, lambdas,
                m, cats, margin);
    }

    /**
     * The final dual solve (decision 1002): the dual iterates lag the policy they price, so each target's
     * log lambda is re-solved against the trained policy, by bisection, as the smallest at which the
     * deterministic (served) choice reaches {@code tau + margin} on the split (cross-fitted p_hat, labels).
     * Solved upward from the lowest target, each bracket starting at the previous solution, so the duals
     * stay non-decreasing. The hidden pre-activations that do not depend on (tau, lambda) are computed once
     * per row.
     */
    static void solveDuals(LabelledSplit set, double[] phat, double[] costNorm, float[] labels, PolicyNetwork net,
                           ProteusConfig config, double[] taus, double[] margin, double[] logLambdas) {
        int m = set.models();
        int n = set.size();
        int cats = set.categories();
        int width = PolicyInput.width(cats, m);
        int hidden = net.hidden();
        double[] p = net.rawParameters();
        int b1 = width * hidden;
        int w2 = b1 + hidden;
        int b2 = w2 + 2 * hidden;
        double[] base = new double[n * hidden];
        double[] wTau = new double[hidden];
        double[] wLambda = new double[hidden];
        double[] x = new double[width];
        for (int i = 0; i < n; i++) {
            PolicyInput.fill(x, cats, m, set.category(i), set.length(i), phat, i * m, costNorm, i * m, 0.9, 0);
            for (int j = 0; j < hidden; j++) {
                double z = p[b1 + j];
                int row = j * width;
                for (int c = 0; c < width - 2; c++) {
                    z += p[row + c] * x[c];
                }
                base[i * hidden + j] = z;
            }
        }
        for (int j = 0; j < hidden; j++) {
            wTau[j] = p[j * width + width - 2];
            wLambda[j] = p[j * width + width - 1];
        }
        double[] shifted = new double[n * hidden];
        double lo = -12;
        for (int k = 0; k < taus.length; k++) {
            double goal = taus[k] + margin[k];
            double xTau = (taus[k] - 0.9) / 0.05;
            // the target's term added once per target: (base + wTau xTau) + wLambda xLambda is the very sum, in its order,
            // that every accuracy of this target computes
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < hidden; j++) {
                    shifted[i * hidden + j] = base[i * hidden + j] + wTau[j] * xTau;
                }
            }
            SplitAccuracy acc = new SplitAccuracy(set, phat, costNorm, labels, shifted, wLambda, p, w2, b2, hidden);
            // bracket around the trained dual (widened until it holds the goal), then bisection to 1% in lambda
            double a = Math.max(lo, Math.min(12, logLambdas[k]) - 0.5);
            double b = Math.max(a, Math.min(12, logLambdas[k] + 0.5));
            while (a > lo && acc.at(a) >= goal) {
                a = Math.max(lo, a - 1);
            }
            while (b < 12 && acc.at(b) < goal) {
                b = Math.min(12, b + 1);
            }
            if (acc.at(a) >= goal) {
                b = a;
            }
            while (b - a > 0.01) {
                double mid = 0.5 * (a + b);
                if (acc.at(mid) >= goal) {
                    b = mid;
                } else {
                    a = mid;
                }
            }
            logLambdas[k] = b;
            lo = b;
        }
    }

    /**
     * Split accuracy of the deterministic choice at one target, by log lambda, remembering the values it computed (the
     * bracket asks for some twice). The hidden layer's tanh is a rational approximation here (Lambert's continued
     * fraction, error below 1e-4, plain arithmetic so the result stays bit for bit the same everywhere): the solve
     * runs the network hundreds of times per row, and it only needs the choice, which serving makes with
     * StrictMath.tanh.
     */
    private record SplitAccuracy(LabelledSplit set, double[] phat, double[] costNorm, float[] labels, double[] shifted,
                                 double[] wLambda, double[] p, int w2, int b2, int hidden, java.util.Map<Double, Double> known) {
        SplitAccuracy(LabelledSplit set, double[] phat, double[] costNorm, float[] labels, double[] shifted, double[] wLambda,
                double[] p, int w2, int b2, int hidden) {
            this(set, phat, costNorm, labels, shifted, wLambda, p, w2, b2, hidden, new java.util.HashMap<>());
        }

        double at(double logLambda) {
            return known.computeIfAbsent(logLambda, this::compute);
        }

        private double compute(double logLambda) {
            int m = set.models();
            int n = set.size();
            double xLambda = StrictMath.log1p(StrictMath.exp(logLambda));
            double inverse = StrictMath.exp(-logLambda);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double z = p[b2];
                int row = i * hidden;
                for (int j = 0; j < hidden; j++) {
                    z += p[w2 + j] * tanh(shifted[row + j] + wLambda[j] * xLambda);
                }
                // sigmoid(o1 + log lambda) = 1 / (1 + exp(-o1) / lambda)
                double mu = 1.0 / (1.0 + StrictMath.exp(-z) * inverse);
                mu = Math.min(1 - 1e-9, Math.max(1e-9, mu));
                sum += labels[i * m + PolicyInput.choose(mu, phat, i * m, costNorm, i * m, m)];
            }
            return sum / n;
        }
    }

    static double tanh(double x) {
        if (x >= 4.97) {
            return 1;
        }
        if (x <= -4.97) {
            return -1;
        }
        double x2 = x * x;
        return x * (135135 + x2 * (17325 + x2 * (378 + x2))) / (135135 + x2 * (62370 + x2 * (3150 + 28 * x2)));
    }

    /** Pool-adjacent-violators: the weighted least-squares non-decreasing fit, in place. */
    static void isotonic(double[] y, double[] w) {
        int n = y.length;
        double[] val = new double[n];
        double[] wt = new double[n];
        int[] len = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            val[blocks] = y[i];
            wt[blocks] = w[i];
            len[blocks] = 1;
            blocks++;
            while (blocks > 1 && val[blocks - 2] > val[blocks - 1]) {
                double tw = wt[blocks - 2] + wt[blocks - 1];
                val[blocks - 2] = (val[blocks - 2] * wt[blocks - 2] + val[blocks - 1] * wt[blocks - 1]) / tw;
                wt[blocks - 2] = tw;
                len[blocks - 2] += len[blocks - 1];
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < len[b]; j++) {
                y[i++] = val[b];
            }
        }
    }
}
