package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.offline.CorrectnessPredictor;

/**
 * Training settings for PROTEUS. None of these numbers is given by the paper (only the tau range
 * is); they are this reconstruction's choices, explained in decision 0400.
 *
 * @param tauMin lowest target the policy serves (paper: 0.85)
 * @param tauMax highest target the policy serves (paper: 0.95)
 * @param tauBins number of targets, evenly spaced over [tauMin, tauMax], that training samples and
 *     that each get their own dual variable lambda; serving interpolates between them
 * @param hiddenUnits width of the policy's hidden layer
 * @param iterations policy-gradient iterations (one batch and one dual step each)
 * @param batchSize calibration rows per iteration
 * @param policyLearningRate Adam step for the policy network
 * @param dualStep step of dual ascent on log(lambda), per unit of accuracy shortfall
 * @param initialLambda lambda every target starts from
 * @param floorMargin accuracy margin added to each target during training; NaN means automatic:
 *     {@code marginZ * sqrt(tau (1 - tau) / n)} for a calibration split of n rows
 * @param marginZ z-score of the automatic margin
 * @param folds cross-fitting folds for the p_hat the policy is trained on
 * @param predictor options of the per-model correctness predictor
 */
public record ProteusConfig(double tauMin, double tauMax, int tauBins, int hiddenUnits, int iterations, int batchSize,
                            double policyLearningRate, double dualStep, double initialLambda, double floorMargin,
                            double marginZ, int folds, CorrectnessPredictor.Options predictor) {

    public ProteusConfig {
        if (!(tauMin > 0 && tauMin <= tauMax && tauMax < 1)) {
            throw new IllegalArgumentException("need 0 < tauMin <= tauMax < 1, got " + tauMin + ".." + tauMax);
        }
        if (tauBins < 1 || tauBins > 201 || (tauMin == tauMax && tauBins != 1)) {
            throw new IllegalArgumentException("tauBins must be between 1 and 201 (1 when tauMin = tauMax), got " + tauBins);
        }
        if (hiddenUnits < 1 || hiddenUnits > 512) {
            throw new IllegalArgumentException("hiddenUnits must be between 1 and 512, got " + hiddenUnits);
        }
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("iterations must be between 1 and 1,000,000, got " + iterations);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 100,000, got " + batchSize);
        }
        if (!(policyLearningRate > 0 && policyLearningRate <= 1)) {
            throw new IllegalArgumentException("policyLearningRate must be in (0, 1], got " + policyLearningRate);
        }
        if (!(dualStep > 0 && dualStep <= 100)) {
            throw new IllegalArgumentException("dualStep must be in (0, 100], got " + dualStep);
        }
        if (!(initialLambda > 0 && initialLambda < 1e6)) {
            throw new IllegalArgumentException("initialLambda must be in (0, 1e6), got " + initialLambda);
        }
        if (!Double.isNaN(floorMargin) && !(floorMargin >= 0 && floorMargin <= 0.1)) {
            throw new IllegalArgumentException("floorMargin must be in [0, 0.1] or NaN for automatic, got " + floorMargin);
        }
        if (!(marginZ >= 0 && marginZ <= 5)) {
            throw new IllegalArgumentException("marginZ must be in [0, 5], got " + marginZ);
        }
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("folds must be between 2 and 20, got " + folds);
        }
        if (predictor == null) {
            throw new IllegalArgumentException("predictor options are required");
        }
    }

    public static ProteusConfig defaults() {
        return new ProteusConfig(0.85, 0.95, 11, 32, 1000, 128, 3e-3, 2.0, 1.0, Double.NaN, 2.0, 5,
                CorrectnessPredictor.Options.defaults());
    }

    public ProteusConfig withIterations(int n) {
        return new ProteusConfig(tauMin, tauMax, tauBins, hiddenUnits, n, batchSize, policyLearningRate, dualStep,
                initialLambda, floorMargin, marginZ, folds, predictor);
    }

    public ProteusConfig withFloorMargin(double margin) {
        return new ProteusConfig(tauMin, tauMax, tauBins, hiddenUnits, iterations, batchSize, policyLearningRate, dualStep,
                initialLambda, margin, marginZ, folds, predictor);
    }

    /** Target of bin {@code k}. */
    public double binTau(int k) {
        return tauBins == 1 ? tauMin : tauMin + (tauMax - tauMin) * k / (tauBins - 1);
    }

    /** The margin used for {@code tau} on a split of {@code n} rows. */
    public double marginFor(double tau, int n) {
        return Double.isNaN(floorMargin) ? marginZ * Math.sqrt(tau * (1 - tau) / n) : floorMargin;
    }
}
