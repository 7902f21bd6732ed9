package dev.switchyard.engine.export;

import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.WarmState;
import dev.switchyard.engine.routing.baseline.CascadeRouter;
import dev.switchyard.engine.routing.baseline.FixedRouter;
import dev.switchyard.engine.routing.baseline.RandomMixRouter;
import dev.switchyard.engine.routing.offline.CorrectnessPredictor;
import dev.switchyard.engine.routing.offline.OmniRouter;
import dev.switchyard.engine.routing.offline.ThresholdRouter;
import dev.switchyard.engine.routing.proteus.ProteusPolicy;
import dev.switchyard.engine.routing.proteus.ProteusRouter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a router into the state a configuration carries, and a configuration back into the router.
 *
 * <p>Two kinds of state (docs/decisions/1200-warm-start.md):
 * <ul>
 *   <li><b>initial state</b>: what a router was trained to before its first request, taken when the
 *       simulator created it: the offline routers' correctness predictor (hashed logistic weights),
 *       PROTEUS's policy network and per-target duals, the threshold's calibrated theta,
 *       OmniRouter's warm-start multipliers, the baselines' chosen models and the cascade's chain.
 *       A router rebuilt from it routes exactly as the simulated one did from request 0, with no
 *       calibration split at hand;</li>
 *   <li><b>warm state</b>: what an online router (SLARouter, MESS+) learned by the end of the
 *       simulation; restored on top of a freshly built router so production does not pay the
 *       learning phase again.</li>
 * </ul>
 * Oracles read the hidden truth and are refused.
 */
public final class ConfiguredRouters {
    private ConfiguredRouters() {
    }

    /** Why a router cannot be exported, or null when it can. */
    public static String refusal(RouterDescriptor d) {
        if (d.isBound()) {
            return "'" + d.name() + "' is a hindsight bound: it chooses by reading every answer's true quality, which no"
                    + " production router can know, so it has no configuration to export; export a deployable router"
                    + " (slarouter, proteus, threshold, ...) and compare it with the bound in the planner instead";
        }
        if (!d.available()) {
            return "router '" + d.name() + "' is not available in this build";
        }
        return null;
    }

    /** The state a router was trained to before its first request; null for routers built from parameters alone. */
    public static RoutingConfig.StateDoc initialState(Router r) {
        Map<String, Double> s = new TreeMap<>();
        Map<String, double[]> a = new TreeMap<>();
        String name;
        if (r instanceof ProteusRouter p) {
            name = "proteus";
            ProteusPolicy policy = p.policy();
            putPredictor(policy.predictor(), s, a);
            s.put("policy.inputs", (double) policy.network().inputs());
            s.put("policy.hidden", (double) policy.network().hidden());
            s.put("policy.models", (double) policy.models());
            s.put("policy.categories", (double) policy.categories());
            a.put("policy.parameters", policy.network().parameters());
            a.put("policy.taus", policy.trainedTaus());
            a.put("policy.lambdas", policy.trainedLambdas());
            a.put("policy.margins", policy.trainedMargins());
        } else if (r instanceof ThresholdRouter t) {
            name = "threshold";
            putPredictor(t.predictor(), s, a);
            ThresholdRouter.Calibration c = t.calibration();
            s.put("theta", c.theta());
            s.put("calibrationSatisfaction", c.satisfaction());
            s.put("calibrationCost", c.cost());
            s.put("reachable", c.reachable() ? 1.0 : 0.0);
        } else if (r instanceof OmniRouter o) {
            name = "omnirouter";
            putPredictor(o.predictor(), s, a);
            OmniRouter.Assignment w = o.currentAssignment();
            s.put("warm.lambda", w.lambda());
            s.put("warm.predictedAccuracy", w.predictedAccuracy());
            a.put("warm.capacityPrices", w.capacityPrices());
            double[] choices = new double[w.choices().length];
            for (int i = 0; i < choices.length; i++) {
                choices[i] = w.choices()[i];
            }
            a.put("warm.choices", choices);
        } else if (r instanceof FixedRouter f) {
            name = f.exportState().router();
            s.put("model", (double) f.model());
            s.put("estimatedScore", f.estimatedSatisfaction());
        } else if (r instanceof RandomMixRouter m) {
            name = m.exportState().router();
            s.putAll(m.exportState().scalars());
            s.put("expectedScore", m.estimatedSatisfaction());
        } else if (r instanceof CascadeRouter c) {
            name = c.exportState().router();
            int[] chain = c.chain();
            double[] d = new double[chain.length];
            for (int i = 0; i < chain.length; i++) {
                d[i] = chain[i];
            }
            a.put("chain", d);
        } else {
            return null;
        }
        return RoutingConfig.StateDoc.of(new WarmState(name, s, a));
    }

    private static void putPredictor(CorrectnessPredictor p, Map<String, Double> s, Map<String, double[]> a) {
        s.put("predictor.models", (double) p.models());
        s.put("predictor.hashBits", (double) p.hashBits());
        s.put("predictor.categories", (double) p.categories());
        s.put("predictor.learningRate", p.learningRate());
        p.weightArrays().forEach((k, v) -> a.put("predictor." + k, v));
    }

    private static CorrectnessPredictor predictor(WarmState w) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        w.arrays().forEach((k, v) -> {
            if (k.startsWith("predictor.")) {
                arrays.put(k.substring("predictor.".length()), v);
            }
        });
        return CorrectnessPredictor.restore((int) w.scalar("predictor.models"), (int) w.scalar("predictor.hashBits"),
                (int) w.scalar("predictor.categories"), w.scalar("predictor.learningRate"), arrays);
    }

    /** The context a configured router gets: the simulation's priors (a replayed scenario has no catalog priors). */
    public static RoutingContext withConfiguredPriors(RoutingContext c, RoutingConfig config) {
        QualityPriors priors = new QualityPriors(config.priors().means(), config.priors().strength(), config.priors().source());
        return new RoutingContext(c.models(), c.categories(), c.tenants(), c.slaTiers(), c.costs(), priors, c.target(),
                c.feedback(), c.calibration(), c.textFeatures(), c.predictorName(), c.random(), c.predictors(), c.window())
                .withLatency(c.latency(), c.latencyPriors());
    }

    /**
     * Builds the configured router on {@code context} (whose target may differ from the
     * configuration's for routers that take tau at run time).
     *
     * @param warm restore the configuration's warm state (when it has one)
     * @throws IllegalArgumentException with the reason when the configuration cannot be run
     */
    public static Router build(RoutingConfig config, RoutingContext context, Routers registry, boolean warm) {
        String name = config.router().name();
        RouterDescriptor d = registry.descriptor(name);
        String refusal = refusal(d);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        RouterParameters params = new RouterParameters(config.parameters()).resolve(d);
        boolean trained = d.role() == RouterDescriptor.Role.OFFLINE || d.role() == RouterDescriptor.Role.BASELINE;
        if (trained) {
            if (config.initialState() == null) {
                throw new IllegalArgumentException("router '" + name + "' was trained on the simulation's calibration split and"
                        + " this configuration does not carry what it learned (field 'initialState'; files of schema version 1"
                        + " never do); export it again with this version");
            }
            WarmState s = config.initialState().toWarmState().requireRouter(name);
            switch (name) {
                case "proteus" -> {
                    ProteusPolicy policy = ProteusPolicy.restore(predictor(s), (int) s.scalar("policy.inputs"),
                            (int) s.scalar("policy.hidden"), s.arrays().get("policy.parameters"), s.arrays().get("policy.taus"),
                            s.arrays().get("policy.lambdas"), s.arrays().get("policy.margins"), (int) s.scalar("policy.models"),
                            (int) s.scalar("policy.categories"));
                    return new ProteusRouter(policy, context.target());
                }
                case "threshold" -> {
                    return new ThresholdRouter(predictor(s), new ThresholdRouter.Calibration(s.scalar("theta"),
                            s.scalar("calibrationSatisfaction"), s.scalar("calibrationCost"), s.scalar("reachable") != 0));
                }
                case "omnirouter" -> {
                    int m = context.modelCount();
                    double share = params.number("maxModelShare");
                    double[] cap = null;
                    if (share < 1) {
                        cap = new double[m];
                        java.util.Arrays.fill(cap, share);
                    }
                    double[] c = s.arrays().get("warm.choices");
                    int[] choices = new int[c == null ? 0 : c.length];
                    for (int i = 0; i < choices.length; i++) {
                        choices[i] = (int) c[i];
                    }
                    OmniRouter.Assignment a = new OmniRouter.Assignment(choices, s.scalar("warm.lambda"),
                            s.scalar("warm.predictedAccuracy"), s.array("warm.capacityPrices", m));
                    return new OmniRouter(predictor(s), context.target(), (int) params.number("batchSize"), cap,
                            params.number("optimism"), a);
                }
                case "best-fixed", "cheapest", "cheapest-meeting-target" -> {
                    int model = (int) s.scalar("model");
                    return FixedRouter.restore(name, model, context.models().get(model), s.scalar("estimatedScore"));
                }
                case "random-mix" -> {
                    return RandomMixRouter.restore(name, context.random(), (int) s.scalar("lowModel"), (int) s.scalar("highModel"),
                            s.scalar("highShare"), s.scalar("expectedScore"));
                }
                case "cascade" -> {
                    double[] c = s.arrays().get("chain");
                    int[] chain = new int[c.length];
                    for (int i = 0; i < chain.length; i++) {
                        chain[i] = (int) c[i];
                    }
                    return CascadeRouter.restore(name, chain);
                }
                default -> throw new IllegalArgumentException("router '" + name + "' (role " + d.role()
                        + ") has no rebuild from a configuration in this build");
            }
        }
        Router r = registry.create(name, context, params);
        if (warm && config.warmState() != null) {
            try {
                r.restoreState(config.warmState().toWarmState());
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException(e.getMessage() + " (its predictor '" + config.predictor() + "' keeps no"
                        + " restorable state); load it with a cold start", e);
            }
        }
        return r;
    }
}
