package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.offline.CorrectnessPredictor;

/**
 * A trained PROTEUS policy (reconstructed from arXiv 2601.19402's abstract; spec 3.2): one model
 * that serves any target tau in its trained range without retraining. Immutable and shareable;
 * route with a {@link ProteusRouter} (one per replication; it holds the scratch buffers).
 *
 * <p>Serving for target tau: lambda(tau) is interpolated (in log space) from the per-target duals
 * learned in training; the policy's Beta mean mu for (features, tau, lambda) is mapped to a model by
 * argmax_m mu p_hat_m(x) - (1 - mu) c_m(x) / c_max. No label is read at serving time.
 */
public final class ProteusPolicy {
    private final CorrectnessPredictor predictor;
    private final PolicyNetwork network;
    private final double[] taus;
    private final double[] lambdas;
    private final int models;
    private final int categories;
    private final double[] margins;

    ProteusPolicy(CorrectnessPredictor predictor, PolicyNetwork network, double[] taus, double[] lambdas,
                  int models, int categories, double[] margins) {
        this.predictor = predictor;
        this.network = network;
        this.taus = taus.clone();
        this.lambdas = lambdas.clone();
        this.models = models;
        this.categories = categories;
        this.margins = margins.clone();
    }

    public CorrectnessPredictor predictor() {
        return predictor;
    }

    public PolicyNetwork network() {
        return network;
    }

    public int models() {
        return models;
    }

    public int categories() {
        return categories;
    }

    public double minTau() {
        return taus[0];
    }

    public double maxTau() {
        return taus[taus.length - 1];
    }

    /** The targets trained, each with its own dual variable. */
    public double[] trainedTaus() {
        return taus.clone();
    }

    /** The learned lambda of each trained target (non-decreasing). */
    public double[] trainedLambdas() {
        return lambdas.clone();
    }

    /** The accuracy margin each target was trained with. */
    public double[] trainedMargins() {
        return margins.clone();
    }

    /** True when {@code tau} lies in the trained range (outside it the nearest end is used). */
    public boolean supports(double tau) {
        return tau >= minTau() - 1e-12 && tau <= maxTau() + 1e-12;
    }

    /** lambda for {@code tau}: log-linear interpolation between trained targets, clamped to the range. */
    public double lambdaFor(double tau) {
        if (taus.length == 1 || tau <= taus[0]) {
            return lambdas[0];
        }
        if (tau >= taus[taus.length - 1]) {
            return lambdas[taus.length - 1];
        }
        int k = 0;
        while (taus[k + 1] < tau) {
            k++;
        }
        double w = (tau - taus[k]) / (taus[k + 1] - taus[k]);
        return StrictMath.exp((1 - w) * StrictMath.log(lambdas[k]) + w * StrictMath.log(lambdas[k + 1]));
    }

    /** Fingerprint of every trained number (determinism checks). */
    public long fingerprint() {
        long h = predictor.weightsFingerprint();
        h = h * 31 + network.fingerprint();
        return h * 31 + java.util.Arrays.hashCode(lambdas);
    }

    // the trained numbers as LearnedState entries (lambda per trained target, every network parameter), built on first
    // use: they are the same for every replication that serves this policy (decision 1030)
    private volatile java.util.SortedMap<String, Double> exported;

    /** The trained duals and network parameters as export entries ({@code lambda@0.8500}, {@code policy.w00000}...). */
    java.util.SortedMap<String, Double> exportedEntries() {
        java.util.SortedMap<String, Double> e = exported;
        if (e == null) {
            java.util.TreeMap<String, Double> t = new java.util.TreeMap<>();
            for (int k = 0; k < taus.length; k++) {
                t.put(String.format(java.util.Locale.ROOT, "lambda@%.4f", taus[k]), lambdas[k]);
            }
            double[] params = network.parameters();
            for (int i = 0; i < params.length; i++) {
                t.put(String.format(java.util.Locale.ROOT, "policy.w%05d", i), params[i]);
            }
            e = java.util.Collections.unmodifiableSortedMap(t);
            exported = e;
        }
        return e;
    }

    // Restore (issue 12: configurations carry the trained policy): added at the end.

    /** A policy from exported parts: the network's parameters, the trained targets with their duals and margins. */
    public static ProteusPolicy restore(CorrectnessPredictor predictor, int inputs, int hidden, double[] parameters,
                                        double[] taus, double[] lambdas, double[] margins, int models, int categories) {
        if (taus.length < 1 || taus.length != lambdas.length || taus.length != margins.length) {
            throw new IllegalArgumentException("policy needs one lambda and one margin per trained target, got "
                    + taus.length + " targets, " + lambdas.length + " lambdas, " + margins.length + " margins");
        }
        if (predictor.models() != models) {
            throw new IllegalArgumentException("policy is for " + models + " models, its predictor for " + predictor.models());
        }
        return new ProteusPolicy(predictor, new PolicyNetwork(inputs, hidden, parameters), taus, lambdas, models, categories,
                margins);
    }
}
