package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RoutingProvider;
import dev.switchyard.engine.routing.TrainedStateCache;
import java.util.List;

/**
 * Registers the threshold router and OmniRouter with the router registry (through
 * {@code META-INF/services}). Both are trained on the scenario's calibration split.
 */
public final class OfflineRouters implements RoutingProvider {
    public static final String THRESHOLD = "threshold";
    public static final String OMNIROUTER = "omnirouter";

    public static final RouterDescriptor THRESHOLD_DESCRIPTOR = new RouterDescriptor(THRESHOLD, "Threshold",
            "Sends each request to the cheapest model predicted to answer it well enough; the bar is tuned once on past data to hit the target.",
            true, "reconstructed in the RouteLLM manner (multi-model threshold calibrated to a satisfaction target)",
            RouterDescriptor.Role.OFFLINE, true, List.of(
                    ParameterSpec.number("margin", "Calibration margin",
                            "Extra satisfaction aimed for when tuning the threshold, to absorb the difference between past and new traffic.",
                            0.0, 0.0, 0.1, false, true)));

    public static final RouterDescriptor OMNIROUTER_DESCRIPTOR = new RouterDescriptor(OMNIROUTER, "OmniRouter",
            "Plans each batch of requests so that the predicted satisfaction just meets the target; it trusts its predictions and never learns from feedback.",
            true, "reconstructed from the paper's description (arXiv 2502.20576): batch Lagrangian with capacity prices",
            RouterDescriptor.Role.OFFLINE, true, List.of(
                    ParameterSpec.number("batchSize", "Batch size",
                            "Requests planned together; each batch's multiplier is used for the next one.",
                            1000, 10, 100_000, true, true),
                    ParameterSpec.number("maxModelShare", "Largest share per model",
                            "Capacity limit: the largest share of a batch any one model may take (1 = no limit).",
                            1.0, 0.05, 1.0, false, true),
                    ParameterSpec.number("optimism", "Predictor optimism",
                            "Added to every predicted success to show what an over-confident predictor does to a router that never checks (0 = as trained).",
                            0.0, 0.0, 0.2, false, true)));

    @Override
    public List<RouterFactory> routers() {
        return List.of(thresholdFactory(), omniFactory());
    }

    static RouterFactory thresholdFactory() {
        return new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return THRESHOLD_DESCRIPTOR;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                long seed = context.random().nextLong();
                CorrectnessPredictor.Options options = CorrectnessPredictor.Options.defaults();
                OfflineTraining t = OfflineTraining.of(context, THRESHOLD, seed, options);
                double margin = parameters.number("margin");
                // the calibration reads the training's out-of-fold p_hat and labels, the target and the margin: the
                // same for every feedback rate, so a sweep calibrates once per (training, target, margin)
                ThresholdKey key = new ThresholdKey(OfflineTraining.key(context, seed, options), context.target(), margin);
                ThresholdRouter.Calibration c = TrainedStateCache.get(context.requireCalibration(THRESHOLD), key,
                        () -> ThresholdRouter.calibrate(t.outOfFold(), t.split(), key.target(), key.margin()));
                return new ThresholdRouter(t.predictor(), c)
                        .withLatencyFilter(dev.switchyard.engine.routing.online.LatencyFilter.forContext(context));
            }
        };
    }

    static RouterFactory omniFactory() {
        return new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return OMNIROUTER_DESCRIPTOR;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                long seed = context.random().nextLong();
                CorrectnessPredictor.Options options = CorrectnessPredictor.Options.defaults();
                OfflineTraining t = OfflineTraining.of(context, OMNIROUTER, seed, options);
                int m = context.modelCount();
                double share = parameters.number("maxModelShare");
                if (share * m < 1 - 1e-9) {
                    throw new IllegalArgumentException("omnirouter: largest share per model " + share + " x " + m
                            + " models < 1, so a batch cannot be served; raise maxModelShare to at least " + (1.0 / m));
                }
                double[] cap = share >= 1 ? null : filled(m, share);
                double optimism = parameters.number("optimism");
                // the warm start reads the trained predictor, the split's costs, the target, the capacity and the optimism
                // (never the labels): the same for every feedback rate, so a sweep solves it once per such key
                OmniWarmKey key = new OmniWarmKey(OfflineTraining.key(context, seed, options), context.target(), share, optimism);
                OmniRouter.Assignment warm = TrainedStateCache.get(context.requireCalibration(OMNIROUTER), key,
                        () -> OmniRouter.warmStart(t.predictor(), t.split(), key.target(), cap, key.optimism()));
                return new OmniRouter(t.predictor(), context.target(), (int) parameters.number("batchSize"), cap, optimism, warm);
            }
        };
    }

    /** What the threshold's calibration reads besides the split (decision 1010). */
    record ThresholdKey(OfflineTraining.Key training, double target, double margin) {
    }

    /** What OmniRouter's warm start reads besides the split (the capacity is one share for every model). */
    record OmniWarmKey(OfflineTraining.Key training, double target, double maxModelShare, double optimism) {
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
