package dev.switchyard.engine.routing.proteus;

import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RoutingProvider;
import dev.switchyard.engine.routing.TrainedStateCache;
import dev.switchyard.engine.routing.offline.OfflineTraining;
import java.util.List;

/**
 * Registers PROTEUS with the router registry (through {@code META-INF/services}). One policy is
 * trained per (calibration split, replication seed, settings) and serves every target: a sweep over
 * tau reuses it, as the paper's "a single trained model serves the full accuracy spectrum" says. A
 * target outside [tauMin, tauMax] widens the trained range to the 0.05 step beyond it.
 */
public final class ProteusRouting implements RoutingProvider {
    public static final String NAME = "proteus";

    public static final RouterDescriptor DESCRIPTOR = new RouterDescriptor(NAME, "PROTEUS",
            "Takes the satisfaction target as a dial: one policy, trained once on past data, serves any target from 85% to 95%.",
            true, "reconstructed from the paper's abstract (arXiv 2601.19402): Beta policy trained by policy gradient with dual ascent",
            RouterDescriptor.Role.OFFLINE, true, List.of(
                    ParameterSpec.number("iterations", "Training iterations",
                            "Policy-gradient steps on the calibration data; more is slower to train and steadier.",
                            1000, 200, 20_000, true, true),
                    ParameterSpec.number("hiddenUnits", "Policy size", "Hidden units of the policy network.",
                            32, 4, 128, true, true),
                    ParameterSpec.number("marginZ", "Safety margin (z)",
                            "How far above each target training aims, in standard errors of the calibration sample; 0 aims exactly at the target.",
                            2.0, 0.0, 4.0, false, true),
                    ParameterSpec.number("dualStep", "Dual step", "How fast the price of missing the target moves during training.",
                            2.0, 0.1, 10.0, true, true),
                    ParameterSpec.number("learningRate", "Policy learning rate", "Adam step of the policy network.",
                            0.003, 0.0001, 0.1, true, true),
                    ParameterSpec.number("tauMin", "Lowest target trained", "Low end of the target range one policy serves.",
                            0.85, 0.5, 0.99, false, true),
                    ParameterSpec.number("tauMax", "Highest target trained", "High end of the target range one policy serves.",
                            0.95, 0.5, 0.99, false, true)));

    @Override
    public List<RouterFactory> routers() {
        return List.of(new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return DESCRIPTOR;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                return new ProteusRouter(policy(context, parameters), context.target())
                        .withLatencyFilter(dev.switchyard.engine.routing.online.LatencyFilter.forContext(context));
            }
        });
    }

    /**
     * Spacing of the trained targets, each with its own dual (decision 1003): 0.01, so 0.85..0.95 trains 11; serving
     * interpolates lambda log-linearly between them. At 0.005 the final dual solve, most of the training time, ran
     * twice as often for no measurable change in tracking.
     */
    static final double BIN_STEP = 0.01;

    /** Step to which a target outside the trained range widens it. */
    static final double WIDEN_STEP = 0.05;

    /** The config these parameters ask for, with the range widened to include {@code target} (to the next 0.05 step). */
    public static ProteusConfig config(RouterParameters p, double target) {
        double lo = p.number("tauMin");
        double hi = p.number("tauMax");
        if (lo > hi) {
            throw new IllegalArgumentException("proteus: tauMin " + lo + " is above tauMax " + hi);
        }
        // widened to the 0.05 step around the target, not to the target itself: every target between two steps then
        // shares one trained policy (a sweep from 0.80 to 0.84 trained five, a slider move below 0.85 a new one each time)
        lo = Math.min(lo, Math.floor(target / WIDEN_STEP + 1e-9) * WIDEN_STEP);
        hi = Math.max(hi, Math.min(0.99, Math.ceil(target / WIDEN_STEP - 1e-9) * WIDEN_STEP));
        hi = Math.max(hi, target);
        lo = Math.round(lo * 1e9) / 1e9;
        hi = Math.round(hi * 1e9) / 1e9;
        int bins = lo == hi ? 1 : Math.max(2, (int) Math.round((hi - lo) / BIN_STEP) + 1);
        ProteusConfig d = ProteusConfig.defaults();
        return new ProteusConfig(lo, hi, Math.min(201, bins), (int) p.number("hiddenUnits"), (int) p.number("iterations"),
                d.batchSize(), p.number("learningRate"), p.number("dualStep"), d.initialLambda(), Double.NaN,
                p.number("marginZ"), d.folds(), d.predictor());
    }

    /**
     * What a policy's training reads besides the calibration split (decision 1010, one cache since decision 1030): the
     * predictor's training (its seed, feature space, options, category count, cost normaliser) and the config (range,
     * bins, network, iterations, steps, margin). The policy's own generator is derived from the same seed.
     */
    record PolicyKey(OfflineTraining.Key training, ProteusConfig config) {
    }

    /** Trains (or recalls) the policy for this context and these parameters. */
    public static ProteusPolicy policy(RoutingContext context, RouterParameters parameters) {
        RouterParameters p = parameters.resolve(DESCRIPTOR);
        ProteusConfig config = config(p, context.target());
        long seed = context.random().nextLong();
        PolicyKey key = new PolicyKey(OfflineTraining.key(context, seed, config.predictor()), config);
        return TrainedStateCache.get(context.requireCalibration(NAME), key, () -> {
            OfflineTraining t = OfflineTraining.of(context, NAME, seed, config.predictor());
            return ProteusTrainer.train(t.split(), t.predictor(), t.outOfFold(), config,
                    OfflineTraining.trainingRandom(seed ^ 0x9E3779B97F4A7C15L));
        });
    }

}
