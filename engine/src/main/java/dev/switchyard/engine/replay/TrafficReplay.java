package dev.switchyard.engine.replay;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.export.ConfiguredRouters;
import dev.switchyard.engine.export.RouterCapture;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.MissingCellPolicy;
import dev.switchyard.engine.traffic.importer.TrafficImporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code replay --traffic}: runs a configuration's router, rebuilt from the file alone, through the
 * very stream the simulator draws for the same traffic and seed. It is the simulator itself with
 * one change: the router comes from the configuration ({@link ConfiguredRouters}) instead of being
 * trained or created from the scenario. Prices, pool, priors, feedback channel, volume and scaling
 * come from the configuration's {@code simulation} section, so the stream, the hidden truth and the
 * feedback are the simulation's, and a faithful configuration gives the simulation's decisions:
 * the same {@code modelShare}, bit for bit. Whatever the simulator's generators become, this
 * follows, because it calls the simulator rather than copying its stream.
 *
 * <p>The router starts where the simulated one started (trained state for offline routers and
 * baselines, cold for online ones), because the stream starts at request 0; {@code warm} starts it
 * from the learned state instead (then the decisions differ from the simulation's, by design).
 */
public final class TrafficReplay {
    private TrafficReplay() {
    }

    /**
     * @param requests requests to replay, or null for the simulation's volume
     * @param seed the scenario seed (the simulation's to reproduce it)
     * @param threads simulator threads (results do not depend on it)
     */
    public static SimulationResult run(RoutingConfig config, List<Path> traffic, Long requests, long seed, boolean warm,
                                       int threads) throws ImportException, IOException, CostTable.UnpricedModelsException {
        return run(config, traffic, requests, seed, warm, threads, null);
    }

    /**
     * As {@link #run(RoutingConfig, List, Long, long, boolean, int)}, with the latency the simulation drew: the scenario
     * carries the configuration's latency term, so the router observes every served answer's latency
     * ({@code Router.observeLatency}) as it did in the simulation, and the latency profiles and rate limits come from
     * {@code catalog} when given, else from the configuration's latency priors and rate limits. Recorded {@code ttft_ms} /
     * {@code latency_ms} in the traffic are used as they are either way.
     *
     * @param catalog the catalog the simulation used, or null
     */
    public static SimulationResult run(RoutingConfig config, List<Path> traffic, Long requests, long seed, boolean warm,
                                       int threads, Catalog catalog)
            throws ImportException, IOException, CostTable.UnpricedModelsException {
        RoutingConfig.Simulation sim = config.simulation();
        if (sim == null) {
            throw new IllegalArgumentException("this configuration has no 'simulation' section (schema version 1 files do not);"
                    + " export it again to replay it on traffic");
        }
        Catalog pool = catalogOf(config, catalog);
        TrafficSample sample = TrafficImporter.importFiles(traffic, new ImportOptions(pool, MissingCellPolicy.DROP_ROW,
                null, null, null)).sample();
        if (!sample.categories().values().equals(config.categories())) {
            throw new IllegalArgumentException("the traffic's categories " + sample.categories().values()
                    + " are not the configuration's " + config.categories() + "; replay the traffic the configuration was made on"
                    + " (or a sample with the same categories)");
        }
        Scenario scenario = scenario(config, sample, pool, requests, seed);
        if (config.latency() != null) {
            scenario = scenario.withLatency(config.latency().toTarget());
        }
        String name = config.router().name();
        Routers registry = RouterCapture.registryWith(name, (base, call) -> ConfiguredRouters.build(config,
                ConfiguredRouters.withConfiguredPriors(call.context(), config), Routers.standard(), warm));
        Simulator simulator = new Simulator(registry, threads);
        return simulator.run(PreparedScenario.of(scenario), scenario, RunControl.NONE);
    }

    /** The pool's ids and aliases, so the traffic's model names resolve as they did in the simulation. */
    static Catalog catalogOf(RoutingConfig config) {
        return catalogOf(config, null);
    }

    /**
     * The pool's ids and aliases, with each model's latency profile and rate limit: from {@code catalog} where it
     * knows the model, else the latency the configuration's latency term states (its output-speed spread is not in
     * the file: the default is used) and the rate limit and fallback the configuration carries (decision 1420). A rate
     * limit's fallback outside the pool ends the chain, as in the simulation.
     */
    static Catalog catalogOf(RoutingConfig config, Catalog catalog) {
        Map<String, LatencyProfile> stated = new java.util.HashMap<>();
        if (config.latency() != null) {
            for (RoutingConfig.ModelLatency ml : config.latency().models()) {
                if (ml.ttftP50Ms() != null && ml.ttftP95Ms() != null && ml.outputTokensPerSecond() != null) {
                    stated.put(ml.id(), new LatencyProfile(ml.ttftP50Ms(), Math.max(ml.ttftP50Ms(), ml.ttftP95Ms()),
                            ml.outputTokensPerSecond(), ml.prefillMsPerThousandInputTokens() == null ? 0
                                    : ml.prefillMsPerThousandInputTokens(), LatencyProfile.DEFAULT_OUTPUT_SPEED_SIGMA, ""));
                }
            }
        }
        List<String> ids = config.modelIds();
        List<ModelInfo> models = new ArrayList<>();
        for (RoutingConfig.PoolModel m : config.models()) {
            ModelInfo known = catalog == null ? null : catalog.resolve(m.id()).orElse(null);
            LatencyProfile latency = known != null && known.latency() != null ? known.latency() : stated.get(m.id());
            RateLimit limit = known == null ? configured(m.rateLimit()) : known.rateLimit();
            if (known != null && limit != null && limit.hasFallback()) {
                int to = catalog.fallbackIndex(limit, ids);
                limit = new RateLimit(limit.requestsPerMinute(), limit.tokensPerMinute(), to < 0 ? "" : ids.get(to),
                        limit.source());
            }
            models.add(new ModelInfo(m.id(), m.id(), "", "", "", m.aliases(), 0, 0, latency, Map.of(), null,
                    "routing configuration", limit));
        }
        return new Catalog("routing configuration", models);
    }

    /** The rate limit the configuration carries (its fallback already a pool id), as the simulator reads it. */
    private static RateLimit configured(RoutingConfig.ModelRateLimit limit) {
        return limit == null ? null : new RateLimit(limit.requestsPerMinute(), limit.tokensPerMinute(), limit.fallback(),
                limit.source());
    }

    /** The configuration's prices as a sheet keyed by pool id; null when it priced from recorded costs. */
    static PriceSheet pricesOf(RoutingConfig config) {
        if (config.models().stream().anyMatch(m -> m.price() == null)) {
            return null;
        }
        List<ModelPrice> prices = new ArrayList<>();
        for (RoutingConfig.PoolModel m : config.models()) {
            prices.add(m.price().withModelId(m.id()));
        }
        String label = config.costs().priceSheet() == null ? "routing configuration prices" : config.costs().priceSheet();
        return PriceSheet.of(label, prices);
    }

    static Scenario scenario(RoutingConfig config, TrafficSample sample, Catalog catalog, Long requests, long seed) {
        RoutingConfig.Simulation sim = config.simulation();
        Scenario.Feedback fb = new Scenario.Feedback(FeedbackKind.valueOf(sim.feedbackKind()), sim.feedbackRate(),
                sim.falseReportRate(), sim.feedbackDelayRequests(), sim.assumedRate() == null ? Double.NaN : sim.assumedRate(),
                sim.assumedFalseReportRate() == null ? Double.NaN : sim.assumedFalseReportRate());
        // the router is rebuilt at the target it served with (its aim when the planner gave it a margin)
        Scenario.Sla sla = new Scenario.Sla(config.sla().routerTarget(), Scenario.Window.valueOf(config.sla().window()),
                config.sla().windowRequests());
        Scenario.Volume volume = requests != null ? Scenario.Volume.requests(requests)
                : new Scenario.Volume(sim.requestsPerMonth(), sim.monthlyGrowth(), sim.months(), sim.dailyRhythm());
        Scenario.MixShift shift = sim.mixShiftAt() == null ? null : new Scenario.MixShift(sim.mixShiftAt(), sim.mixShiftWeights());
        List<String> pool = sim.pool().isEmpty() ? config.modelIds() : sim.pool();
        return new Scenario(config.provenance().scenario(), sample, catalog, pricesOf(config), pool, config.router().name(),
                new RouterParameters(config.parameters()), config.predictor(), config.textFeatures(), sla, fb, volume, shift, seed,
                sim.replications(), sim.calibrationFraction(), new Scenario.Scaling(sim.exactDays(), sim.maxSimulatedPerMonth()),
                new Scenario.Judge(sim.judgeErrorRate() == null ? Scenario.Judge.DEFAULT_ERROR_RATE : sim.judgeErrorRate(),
                        sim.judgeCostPerCall() == null ? Double.NaN : sim.judgeCostPerCall()));
    }
}
