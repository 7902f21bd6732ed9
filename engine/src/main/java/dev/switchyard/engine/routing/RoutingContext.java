package dev.switchyard.engine.routing;

import dev.switchyard.engine.traffic.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything a router is given at construction. Nothing here holds the hidden truth of an
 * evaluated request: the calibration split (for offline routers only) is disjoint from the stream.
 *
 * @param models model ids; index i in every array of the API is {@code models.get(i)}
 * @param categories category dictionary ({@link RequestView#category()} indexes it)
 * @param tenants tenant dictionary (may be empty)
 * @param slaTiers SLA tier dictionary (may be empty)
 * @param costs per-model mean expected costs and the normaliser
 * @param priors prior satisfaction per (category, model)
 * @param target SLA target tau in (0, 1)
 * @param feedback what the router is told about the feedback channel (assumed q, f)
 * @param calibration labelled calibration split; present only for routers whose role is OFFLINE or BASELINE
 * @param textFeatures the extractor used to precompute {@link RequestView#textFeatures()}, if any
 * @param predictorName predictor the scenario asks routers that use p_hat to use (e.g. {@code category})
 * @param random this router's seeded generator (derived from scenario seed and replication)
 * @param predictors the predictors available by name
 * @param window the SLA window the contract names (routers that control per window use it)
 * @param latency the latency term of the contract ({@link LatencyTarget#none()} when it names none)
 * @param latencyPriors per-model latency as the catalog states it (a prior; never the realised draws)
 */
public record RoutingContext(
        List<String> models,
        Dictionary categories,
        Dictionary tenants,
        Dictionary slaTiers,
        CostScale costs,
        QualityPriors priors,
        double target,
        FeedbackAssumptions feedback,
        Optional<CalibrationSet> calibration,
        Optional<TextFeatureExtractor> textFeatures,
        String predictorName,
        RandomGenerator random,
        List<PredictorFactory> predictors,
        SlaWindow window,
        LatencyTarget latency,
        LatencyPriors latencyPriors) {

    /** A context without a latency term. */
    public RoutingContext(List<String> models, Dictionary categories, Dictionary tenants, Dictionary slaTiers, CostScale costs,
            QualityPriors priors, double target, FeedbackAssumptions feedback, Optional<CalibrationSet> calibration,
            Optional<TextFeatureExtractor> textFeatures, String predictorName, RandomGenerator random,
            List<PredictorFactory> predictors, SlaWindow window) {
        this(models, categories, tenants, slaTiers, costs, priors, target, feedback, calibration, textFeatures, predictorName,
                random, predictors, window, LatencyTarget.none(), null);
    }

    /** A context judged on the cumulative mean only (no contract window). */
    public RoutingContext(List<String> models, Dictionary categories, Dictionary tenants, Dictionary slaTiers, CostScale costs,
            QualityPriors priors, double target, FeedbackAssumptions feedback, Optional<CalibrationSet> calibration,
            Optional<TextFeatureExtractor> textFeatures, String predictorName, RandomGenerator random,
            List<PredictorFactory> predictors) {
        this(models, categories, tenants, slaTiers, costs, priors, target, feedback, calibration, textFeatures, predictorName,
                random, predictors, SlaWindow.cumulative());
    }

    public RoutingContext {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one model");
        }
        if (categories == null || tenants == null || slaTiers == null || costs == null || priors == null
                || feedback == null || calibration == null || textFeatures == null || random == null) {
            throw new IllegalArgumentException("routing context is missing a part");
        }
        if (costs.modelCount() != models.size()) {
            throw new IllegalArgumentException("cost scale has " + costs.modelCount() + " models, pool has " + models.size());
        }
        if (priors.modelCount() != models.size() || priors.categoryCount() != categories.size()) {
            throw new IllegalArgumentException("priors are " + priors.categoryCount() + " x " + priors.modelCount()
                    + ", expected categories x models = " + categories.size() + " x " + models.size());
        }
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("SLA target tau must be in (0, 1), got " + target);
        }
        predictorName = predictorName == null || predictorName.isBlank() ? "category" : predictorName;
        predictors = List.copyOf(predictors);
        window = window == null ? SlaWindow.cumulative() : window;
        latency = latency == null ? LatencyTarget.none() : latency;
        latencyPriors = latencyPriors == null ? LatencyPriors.unknown(models.size()) : latencyPriors;
        if (latencyPriors.modelCount() != models.size()) {
            throw new IllegalArgumentException("latency priors have " + latencyPriors.modelCount() + " models, pool has " + models.size());
        }
    }

    public int modelCount() {
        return models.size();
    }

    /** The labelled split, or a clear error for routers that cannot work without one. */
    public CalibrationSet requireCalibration(String router) {
        return calibration.orElseThrow(() -> new IllegalArgumentException("router '" + router
                + "' trains on a labelled calibration split; set a calibration fraction > 0"));
    }

    /** Creates the predictor named {@code name} (or the scenario's default when null). */
    public Predictor createPredictor(String name) {
        String wanted = name == null ? predictorName : name;
        for (PredictorFactory f : predictors) {
            if (f.name().equals(wanted)) {
                return f.create(this);
            }
        }
        throw new IllegalArgumentException("unknown predictor '" + wanted + "'; available: "
                + predictors.stream().map(PredictorFactory::name).toList());
    }

    /** A copy with another target (PROTEUS-style routers re-target without retraining). */
    public RoutingContext withTarget(double newTarget) {
        return new RoutingContext(models, categories, tenants, slaTiers, costs, priors, newTarget, feedback,
                calibration, textFeatures, predictorName, random, predictors, window, latency, latencyPriors);
    }

    /** A copy without the calibration split (what online routers get). */
    public RoutingContext withoutCalibration() {
        return new RoutingContext(models, categories, tenants, slaTiers, costs, priors, target, feedback,
                Optional.empty(), textFeatures, predictorName, random, predictors, window, latency, latencyPriors);
    }

    /** A copy told another SLA window. */
    public RoutingContext withWindow(SlaWindow newWindow) {
        return new RoutingContext(models, categories, tenants, slaTiers, costs, priors, target, feedback,
                calibration, textFeatures, predictorName, random, predictors, newWindow, latency, latencyPriors);
    }

    /** A copy told another latency term and latency priors. */
    public RoutingContext withLatency(LatencyTarget newLatency, LatencyPriors newPriors) {
        return new RoutingContext(models, categories, tenants, slaTiers, costs, priors, target, feedback,
                calibration, textFeatures, predictorName, random, predictors, window, newLatency, newPriors);
    }
}
