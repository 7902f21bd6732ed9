package dev.switchyard.engine.export;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.Seeds;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.traffic.TrafficSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link RoutingConfig} for a simulated scenario. */
public final class RoutingConfigs {
    private RoutingConfigs() {
    }

    /**
     * @param prepared the scenario prepared for simulation (as the simulator used it)
     * @param result the simulation's result, for the learned state; null to export before running
     * @param workspace the workspace file name, or null
     * @param now export time (provenance)
     */
    public static RoutingConfig export(Scenario s, PreparedScenario prepared, SimulationResult result, String workspace,
                                       Instant now) {
        return export(s, prepared, result, workspace, now, null);
    }

    /**
     * @param captured the router of replication 0 as the simulator created and left it (see
     *     {@link RouterCapture}), for the initial and warm states; null to export without them
     */
    public static RoutingConfig export(Scenario s, PreparedScenario prepared, SimulationResult result, String workspace,
                                       Instant now, RouterCapture captured) {
        String refusal = ConfiguredRouters.refusal(Routers.standard().descriptor(s.router()));
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        RouterDescriptor d = Routers.standard().descriptor(s.router());
        TrafficSample sample = s.sample();
        List<String> pool = prepared.models();
        int m = pool.size();
        int cats = sample.categories().size();
        int[] col = new int[m];
        for (int j = 0; j < m; j++) {
            col[j] = sample.modelIndex(pool.get(j));
        }
        // The same per-category means the simulator's expected costs use (decision 0300), in the same order.
        double[] outMean = new double[cats * m];
        double[] recMean = new double[cats * m];
        int[] count = new int[cats];
        for (int q = 0; q < sample.size(); q++) {
            int c = sample.category(q);
            count[c]++;
            for (int j = 0; j < m; j++) {
                outMean[c * m + j] += sample.outputTokens(q, col[j]);
                if (s.prices() == null) {
                    recMean[c * m + j] += sample.recordedCost(q, col[j]);
                }
            }
        }
        double[][] out = new double[cats][m];
        double[][] rec = s.prices() == null ? new double[cats][m] : null;
        for (int c = 0; c < cats; c++) {
            for (int j = 0; j < m; j++) {
                out[c][j] = outMean[c * m + j] / Math.max(1, count[c]);
                if (rec != null) {
                    rec[c][j] = recMean[c * m + j] / Math.max(1, count[c]);
                }
            }
        }
        CostScale scale = prepared.costScale();
        List<RoutingConfig.PoolModel> models = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            String id = pool.get(j);
            ModelPrice price = s.prices() == null ? null : s.prices().priceOf(id, s.catalog()).orElseThrow(
                    () -> new IllegalArgumentException("model '" + id + "' has no price in " + s.prices().label()));
            List<String> aliases = s.catalog().resolve(id).map(ModelInfo::aliases).orElse(List.of());
            models.add(new RoutingConfig.PoolModel(id, aliases, price, scale.meanExpectedCost(j), rateLimit(s.catalog(), pool, j)));
        }
        QualityPriors priors = prepared.priors();
        double[][] means = new double[cats][m];
        for (int c = 0; c < cats; c++) {
            for (int j = 0; j < m; j++) {
                means[c][j] = priors.mean(c, j);
            }
        }
        FeedbackAssumptions fa = s.feedback().assumptions();
        LearnedState state = result == null ? null : result.learnedState();
        RoutingConfig.LearnedStateDoc learned = state == null ? null : new RoutingConfig.LearnedStateDoc(state.router(),
                state.scalars(), state.estimates().stream().map(e -> new RoutingConfig.Estimate(e.cell(), e.model(),
                        e.satisfaction(), e.served(), e.signals())).toList());
        return new RoutingConfig(RoutingConfig.SCHEMA, RoutingConfig.SCHEMA_VERSION,
                new RoutingConfig.RouterInfo(d.name(), d.displayName(), d.reconstructed(), d.provenance(), d.role().name()),
                new java.util.TreeMap<>(s.routerParameters().resolve(d).values()),
                new RoutingConfig.Sla(s.sla().target(), s.sla().window().name(), s.sla().windowRequests()),
                new RoutingConfig.FeedbackInfo(fa.kind().name(), fa.assumedRate(), fa.assumedFalseReportRate()),
                s.predictor(), effectiveTextFeatures(s), models,
                new RoutingConfig.CostFacts(scale.normaliser(), scale.basis(),
                        s.prices() == null ? null : s.prices().label(), s.prices() == null ? "USD" : s.prices().currency(),
                        s.prices() == null || s.prices().retrievedOn() == null ? null : s.prices().retrievedOn().toString(),
                        s.prices() == null || s.prices().effectiveFrom() == null ? null : s.prices().effectiveFrom().toString()),
                sample.categories().values(), sample.tenants().values(), sample.slaTiers().values(), out, rec,
                new RoutingConfig.Priors(priors.strength(), priors.source(), means),
                Seeds.mix(s.seed(), 0, Seeds.ROUTER), learned,
                new RoutingConfig.Provenance(workspace, s.name(), result == null ? EngineInfo.version() : result.engineVersion(),
                        now.toString(), s.seed(), 0, sample.name(), scale.basis()),
                simulation(s), captured == null ? null : captured.initialState(), captured == null ? null : captured.warmState())
                .withLatency(s.latency(), prepared.latencyPriors());
    }

    /**
     * Pool model {@code j}'s rate limit as the simulation applied it (sim/RateLimiter, decision 1403): the catalog's
     * figures, and the fallback resolved to the pool model it answers to (empty when the declared one is not in the
     * pool: the simulation's chain ends there too). Null when the catalog declares none.
     */
    static RoutingConfig.ModelRateLimit rateLimit(dev.switchyard.engine.catalog.Catalog catalog, List<String> pool, int j) {
        if (catalog == null) {
            return null;
        }
        dev.switchyard.engine.catalog.RateLimit limit = catalog.resolve(pool.get(j)).map(ModelInfo::rateLimit).orElse(null);
        if (limit == null) {
            return null;
        }
        int to = catalog.fallbackIndex(limit, pool);
        String fallback = to < 0 ? "" : pool.get(to);
        return new RoutingConfig.ModelRateLimit(limit.requestsPerMinute(), limit.tokensPerMinute(), fallback,
                limit.fallback(), limit.source());
    }

    /** The scenario settings replay --traffic needs to draw the simulator's stream again. */
    static RoutingConfig.Simulation simulation(Scenario s) {
        Scenario.Feedback f = s.feedback();
        Scenario.Volume v = s.volume();
        return new RoutingConfig.Simulation(f.kind().name(), f.rate(), f.falseReportRate(), f.delayRequests(),
                Double.isNaN(f.assumedRate()) ? null : f.assumedRate(),
                Double.isNaN(f.assumedFalseReportRate()) ? null : f.assumedFalseReportRate(), v.requestsPerMonth(),
                v.monthlyGrowth(), v.months(), v.dailyRhythm(), s.replications(), s.calibrationFraction(),
                s.scaling().exactDays(), s.scaling().maxSimulatedPerMonth(), s.modelPool(),
                s.mixShift() == null ? null : s.mixShift().atFraction(),
                s.mixShift() == null ? null : s.mixShift().categoryWeights(), s.judge().errorRate(),
                Double.isNaN(s.judge().costPerCall()) ? null : s.judge().costPerCall());
    }

    /** The extractor the simulator used: only when the sample has prompts; the scenario's, else the first registered. */
    private static String effectiveTextFeatures(Scenario s) {
        if (!s.sample().hasPrompts()) {
            return null;
        }
        if (s.textFeatures() != null) {
            return s.textFeatures();
        }
        return Routers.standard().textFeatureExtractors().stream().findFirst().map(e -> e.name()).orElse(null);
    }

    /** Prepares the scenario and exports (for callers without a prepared scenario at hand). */
    public static RoutingConfig export(Scenario s, SimulationResult result, String workspace, Instant now)
            throws CostTable.UnpricedModelsException {
        return export(s, PreparedScenario.of(s), result, workspace, now);
    }
}
