package dev.switchyard.engine.export;

import dev.switchyard.engine.pricing.ModelPrice;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing configuration production runs: a versioned JSON document
 * ({@code "schema":"switchyard-routing-config","schemaVersion":1}) holding everything
 * {@link LiveRouter} needs to make the decisions the simulation made, with no traffic sample:
 * router and parameters, SLA target and window, the model pool with the prices assumed, the cost
 * facts the router sees (per category mean output tokens, the normaliser), the priors, the feedback
 * assumptions, the learned state and provenance. Read with {@link RoutingConfigJson}; unknown fields
 * and other schema versions are refused.
 *
 * @param routerSeed seed of the live router's generator (derived like the simulation's replication 0)
 * @param meanOutputTokens per category (in {@code categories} order) and model (in {@code models} order)
 * @param meanRecordedCostUsd same shape; used instead of prices when the scenario priced from recorded costs, else null
 * @param simulation the scenario settings of the simulation (so {@code replay --traffic} can draw its stream), or null
 * @param initialState what the router was trained to before its first request (offline routers' predictor and policy,
 *     the baselines' choices), or null for routers that start from their parameters alone
 * @param warmState the learned state to resume from (online routers, end of the simulation), or null
 * @param latency the contract's latency term and the catalog's latency priors the router was given, or null when
 *     the contract names no latency (additive field: files without it read as before)
 */
public record RoutingConfig(
        String schema,
        int schemaVersion,
        RouterInfo router,
        Map<String, String> parameters,
        Sla sla,
        FeedbackInfo feedback,
        String predictor,
        String textFeatures,
        List<PoolModel> models,
        CostFacts costs,
        List<String> categories,
        List<String> tenants,
        List<String> slaTiers,
        double[][] meanOutputTokens,
        double[][] meanRecordedCostUsd,
        Priors priors,
        long routerSeed,
        LearnedStateDoc learnedState,
        Provenance provenance,
        Simulation simulation,
        StateDoc initialState,
        StateDoc warmState,
        LatencyTerm latency) {

    public static final String SCHEMA = "switchyard-routing-config";
    /** Version 2 adds {@code simulation}, {@code initialState} and {@code warmState}; version 1 files still read. */
    public static final int SCHEMA_VERSION = 2;
    public static final int OLDEST_SCHEMA_VERSION = 1;

    /** A configuration without a latency term. */
    public RoutingConfig(String schema, int schemaVersion, RouterInfo router, Map<String, String> parameters, Sla sla,
            FeedbackInfo feedback, String predictor, String textFeatures, List<PoolModel> models, CostFacts costs,
            List<String> categories, List<String> tenants, List<String> slaTiers, double[][] meanOutputTokens,
            double[][] meanRecordedCostUsd, Priors priors, long routerSeed, LearnedStateDoc learnedState, Provenance provenance,
            Simulation simulation, StateDoc initialState, StateDoc warmState) {
        this(schema, schemaVersion, router, parameters, sla, feedback, predictor, textFeatures, models, costs, categories, tenants,
                slaTiers, meanOutputTokens, meanRecordedCostUsd, priors, routerSeed, learnedState, provenance, simulation,
                initialState, warmState, null);
    }

    public RoutingConfig {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("field 'schema' must be \"" + SCHEMA + "\", got " + quoted(schema));
        }
        if (schemaVersion < OLDEST_SCHEMA_VERSION || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("field 'schemaVersion' " + schemaVersion + " is not supported (this build reads "
                    + SCHEMA_VERSION + ")" + (schemaVersion > SCHEMA_VERSION ? "; the file was written by a newer Switchyard" : ""));
        }
        Objects.requireNonNull(router, "field 'router' is required");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        Objects.requireNonNull(sla, "field 'sla' is required");
        Objects.requireNonNull(feedback, "field 'feedback' is required");
        predictor = predictor == null || predictor.isBlank() ? "category" : predictor;
        models = List.copyOf(Objects.requireNonNull(models, "field 'models' is required"));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("field 'models' must list at least one model");
        }
        Objects.requireNonNull(costs, "field 'costs' is required");
        categories = List.copyOf(Objects.requireNonNull(categories, "field 'categories' is required"));
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        slaTiers = slaTiers == null ? List.of() : List.copyOf(slaTiers);
        requireShape(meanOutputTokens, "meanOutputTokens", categories.size(), models.size());
        if (meanRecordedCostUsd != null) {
            requireShape(meanRecordedCostUsd, "meanRecordedCostUsd", categories.size(), models.size());
        }
        boolean priced = models.stream().allMatch(m -> m.price() != null);
        if (!priced && meanRecordedCostUsd == null) {
            throw new IllegalArgumentException("every model in 'models' needs a 'price', or 'meanRecordedCostUsd' must be given");
        }
        Objects.requireNonNull(priors, "field 'priors' is required");
        requireShape(priors.means(), "priors.means", categories.size(), models.size());
        Objects.requireNonNull(provenance, "field 'provenance' is required");
        if (latency != null) {
            latency.requireModels(models.stream().map(PoolModel::id).toList());
        }
        List<String> ids = models.stream().map(PoolModel::id).toList();
        for (int j = 0; j < models.size(); j++) {
            ModelRateLimit limit = models.get(j).rateLimit();
            if (limit != null && limit.hasFallback() && (!ids.contains(limit.fallback()) || limit.fallback().equals(ids.get(j)))) {
                throw new IllegalArgumentException("field 'models[" + j + "].rateLimit.fallback' names '" + limit.fallback()
                        + "', which is " + (limit.fallback().equals(ids.get(j)) ? "the model itself" : "not in 'models' " + ids));
            }
        }
    }

    /** True when a pool model declares a rate limit. */
    public boolean hasRateLimits() {
        return models.stream().anyMatch(m -> m.rateLimit() != null);
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    private static void requireShape(double[][] values, String field, int rows, int cols) {
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException("field '" + field + "' must have one row per category (" + rows + ")");
        }
        for (int i = 0; i < rows; i++) {
            if (values[i] == null || values[i].length != cols) {
                throw new IllegalArgumentException("field '" + field + "[" + i + "]' must have one value per model (" + cols + ")");
            }
            for (double v : values[i]) {
                if (!Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException("field '" + field + "[" + i + "]' holds " + v + "; values must be finite and >= 0");
                }
            }
        }
    }

    /** This configuration with another warm state (a snapshot of a running router), at the current schema version. */
    public RoutingConfig withWarmState(StateDoc state) {
        return new RoutingConfig(schema, SCHEMA_VERSION, router, parameters, sla, feedback, predictor, textFeatures, models, costs,
                categories, tenants, slaTiers, meanOutputTokens, meanRecordedCostUsd, priors, routerSeed, learnedState, provenance,
                simulation, initialState, state, latency);
    }

    /** This configuration with the contract's latency term and the catalog's latency priors (null: none). */
    public RoutingConfig withLatency(dev.switchyard.engine.routing.LatencyTarget target,
            dev.switchyard.engine.routing.LatencyPriors priors) {
        LatencyTerm term = target == null || !target.isActive() ? null : LatencyTerm.of(target, priors, modelIds());
        return new RoutingConfig(schema, schemaVersion, router, parameters, sla, feedback, predictor, textFeatures, models, costs,
                categories, tenants, slaTiers, meanOutputTokens, meanRecordedCostUsd, priors(), routerSeed, learnedState,
                provenance, simulation, initialState, warmState, term);
    }

    public List<String> modelIds() {
        return models.stream().map(PoolModel::id).toList();
    }

    /** @param reconstructed true when rebuilt from a paper without its full text or code (say so to users) */
    public record RouterInfo(String name, String displayName, boolean reconstructed, String provenance, String role) {
        public RouterInfo {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field 'router.name' is required");
            }
        }
    }

    /**
     * @param target the contract target: what is promised, and what the figures are judged against
     * @param window DAY, WEEK, MONTH or REQUESTS
     * @param aim the target the router is set to when the planner gave it a safety margin above the contract (e.g.
     *     0.91 to keep a 0.90 contract); null when it aims at {@code target} (additive field: files without it read as
     *     before, with their {@code target} as the router's aim)
     */
    public record Sla(double target, String window, long windowRequests, Double aim) {
        public Sla {
            if (!(target > 0 && target < 1)) {
                throw new IllegalArgumentException("field 'sla.target' must be in (0, 1), got " + target);
            }
            if (aim != null && !(aim > 0 && aim < 1)) {
                throw new IllegalArgumentException("field 'sla.aim' must be in (0, 1), got " + aim);
            }
            if (aim != null && Math.abs(aim - target) < 1e-12) {
                aim = null;
            }
        }

        /** A contract whose router aims at the target itself. */
        public Sla(double target, String window, long windowRequests) {
            this(target, window, windowRequests, null);
        }

        /** The target the live router serves with: its aim when it has one, else the contract target. */
        public double routerTarget() {
            return aim == null ? target : aim;
        }
    }

    /**
     * This configuration promising {@code contractTarget} while its router keeps the target it was exported with as its
     * aim (the planner's margin, issue 9); NaN or the same target: no aim.
     */
    public RoutingConfig withContractTarget(double contractTarget) {
        if (Double.isNaN(contractTarget) || Math.abs(contractTarget - sla.routerTarget()) < 1e-12) {
            return this;
        }
        Sla s = new Sla(contractTarget, sla.window(), sla.windowRequests(), sla.routerTarget());
        return new RoutingConfig(schema, schemaVersion, router, parameters, s, feedback, predictor, textFeatures, models, costs,
                categories, tenants, slaTiers, meanOutputTokens, meanRecordedCostUsd, priors, routerSeed, learnedState, provenance,
                simulation, initialState, warmState, latency);
    }

    /**
     * The latency term of the SLA: the {@code percentile} of {@code metric} stays at or below {@code targetMs}
     * per SLA window, per tier where {@code tierTargetsMs} names one, and the catalog's latency per model that
     * the router starts from (null where the catalog states nothing).
     *
     * @param metric TTFT or TOTAL
     * @param targetMs the default L in ms, or null when only tiers have one
     */
    public record LatencyTerm(String metric, Double targetMs, double percentile, Map<String, Double> tierTargetsMs,
                              List<ModelLatency> models) {
        public LatencyTerm {
            tierTargetsMs = tierTargetsMs == null ? Map.of() : new java.util.TreeMap<>(tierTargetsMs);
            models = models == null ? List.of() : List.copyOf(models);
            if (metric == null) {
                throw new IllegalArgumentException("field 'latency.metric' is required (TTFT or TOTAL)");
            }
            if (targetMs == null && tierTargetsMs.isEmpty()) {
                throw new IllegalArgumentException("field 'latency' names no target: give 'latency.targetMs' or 'latency.tierTargetsMs'");
            }
            try {
                // fields are not assigned yet in a compact constructor: validate from the parameters
                target(metric, targetMs, percentile, tierTargetsMs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'latency': " + e.getMessage(), e);
            }
        }

        static LatencyTerm of(dev.switchyard.engine.routing.LatencyTarget t, dev.switchyard.engine.routing.LatencyPriors p,
                List<String> ids) {
            List<ModelLatency> ms = new java.util.ArrayList<>();
            for (int j = 0; j < ids.size(); j++) {
                ms.add(p == null ? new ModelLatency(ids.get(j), null, null, null, null) : new ModelLatency(ids.get(j),
                        finite(p.ttftP50Ms(j)), finite(p.ttftP95Ms(j)), finite(p.prefillMsPerThousandInputTokens(j)),
                        finite(p.outputTokensPerSecond(j))));
            }
            return new LatencyTerm(t.metric().name(), Double.isFinite(t.targetMs()) ? t.targetMs() : null, t.percentile(),
                    t.tierTargetsMs(), ms);
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static double orNaN(Double v) {
            return v == null ? Double.NaN : v;
        }

        public dev.switchyard.engine.routing.LatencyTarget toTarget() {
            return target(metric, targetMs, percentile, tierTargetsMs);
        }

        private static dev.switchyard.engine.routing.LatencyTarget target(String metric, Double targetMs, double percentile,
                Map<String, Double> tierTargetsMs) {
            return new dev.switchyard.engine.routing.LatencyTarget(dev.switchyard.engine.routing.LatencyTarget.Metric.parse(metric),
                    targetMs == null ? Double.POSITIVE_INFINITY : targetMs, percentile, tierTargetsMs);
        }

        /** The latency priors in the pool's order (unknown where the file states none). */
        public dev.switchyard.engine.routing.LatencyPriors toPriors(List<String> ids) {
            int m = ids.size();
            double[] p50 = new double[m];
            double[] p95 = new double[m];
            double[] prefill = new double[m];
            double[] tps = new double[m];
            java.util.Arrays.fill(p50, Double.NaN);
            java.util.Arrays.fill(p95, Double.NaN);
            java.util.Arrays.fill(prefill, Double.NaN);
            java.util.Arrays.fill(tps, Double.NaN);
            for (ModelLatency ml : models) {
                int j = ids.indexOf(ml.id());
                p50[j] = orNaN(ml.ttftP50Ms());
                p95[j] = orNaN(ml.ttftP95Ms());
                prefill[j] = orNaN(ml.prefillMsPerThousandInputTokens());
                tps[j] = orNaN(ml.outputTokensPerSecond());
            }
            return new dev.switchyard.engine.routing.LatencyPriors(p50, p95, prefill, tps);
        }

        void requireModels(List<String> ids) {
            for (ModelLatency ml : models) {
                if (!ids.contains(ml.id())) {
                    throw new IllegalArgumentException("field 'latency.models' names model '" + ml.id()
                            + "', which is not in 'models' " + ids);
                }
            }
        }
    }

    /** A model's catalog latency (ms; tokens per second), null where the catalog states nothing. */
    public record ModelLatency(String id, Double ttftP50Ms, Double ttftP95Ms, Double prefillMsPerThousandInputTokens,
                               Double outputTokensPerSecond) {
        public ModelLatency {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a model in 'latency.models' has no id");
            }
            for (Double v : new Double[] {ttftP50Ms, ttftP95Ms, prefillMsPerThousandInputTokens, outputTokensPerSecond}) {
                if (v != null && !(Double.isFinite(v) && v >= 0)) {
                    throw new IllegalArgumentException("latency of model '" + id + "' holds " + v + "; values must be finite and >= 0");
                }
            }
        }
    }

    /** What the router assumes about the feedback channel in production. */
    public record FeedbackInfo(String kind, double assumedRate, double assumedFalseReportRate) {
    }

    /**
     * @param aliases other names of the model (catalog aliases), e.g. for gateways
     * @param price the price assumed in the simulation, or null when it used recorded costs
     * @param meanExpectedCostUsd mean expected cost per request on the sample
     */
    public record PoolModel(String id, List<String> aliases, ModelPrice price, double meanExpectedCostUsd,
                            ModelRateLimit rateLimit) {
        public PoolModel {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a model in 'models' has no id");
            }
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** A model without a rate limit. */
        public PoolModel(String id, List<String> aliases, ModelPrice price, double meanExpectedCostUsd) {
            this(id, aliases, price, meanExpectedCostUsd, null);
        }
    }

    /**
     * A pool model's per-minute capacity as the catalog declared it (decision 1403; in the file since decision 1420):
     * at most {@code requestsPerMinute} requests and {@code tokensPerMinute} tokens (input plus output) per minute, 0
     * meaning no limit of that kind, and the pool model that takes the requests beyond them.
     *
     * @param fallback the pool id the requests beyond the limit go to, or empty when none (or the declared one is not
     *     in the pool: the chain then ends there, as in the simulation)
     * @param declaredFallback the fallback as the catalog named it (for people; differs from {@code fallback} when that
     *     model is outside the pool), or empty
     * @param source the catalog's provenance of the figures, or empty
     */
    public record ModelRateLimit(long requestsPerMinute, long tokensPerMinute, String fallback, String declaredFallback,
                                 String source) {
        public ModelRateLimit {
            if (requestsPerMinute < 0 || tokensPerMinute < 0) {
                throw new IllegalArgumentException("field 'models[].rateLimit' needs requestsPerMinute and tokensPerMinute >= 0"
                        + " (0 = no limit), got " + requestsPerMinute + " and " + tokensPerMinute);
            }
            if (requestsPerMinute == 0 && tokensPerMinute == 0) {
                throw new IllegalArgumentException("field 'models[].rateLimit' names neither requestsPerMinute nor"
                        + " tokensPerMinute; leave rateLimit out for a model without limits");
            }
            fallback = fallback == null ? "" : fallback.strip();
            declaredFallback = declaredFallback == null ? "" : declaredFallback.strip();
            source = source == null ? "" : source.strip();
        }

        public boolean hasFallback() {
            return !fallback.isEmpty();
        }
    }

    /** @param priceSheet label of the price sheet (name, version, effective date), or null */
    public record CostFacts(double normaliserUsd, String basis, String priceSheet, String currency, String retrievedOn,
                            String effectiveFrom) {
        public CostFacts {
            if (!(normaliserUsd > 0) || Double.isInfinite(normaliserUsd)) {
                throw new IllegalArgumentException("field 'costs.normaliserUsd' must be > 0, got " + normaliserUsd);
            }
        }
    }

    public record Priors(double strength, String source, double[][] means) {
    }

    /** The router's learned state at the end of the simulation (replication 0), for inspection and warm starts. */
    public record LearnedStateDoc(String router, Map<String, Double> scalars, List<Estimate> estimates) {
        public LearnedStateDoc {
            scalars = scalars == null ? Map.of() : Map.copyOf(scalars);
            estimates = estimates == null ? List.of() : List.copyOf(estimates);
        }
    }

    public record Estimate(String cell, String model, double satisfaction, double served, double signals) {
    }

    /**
     * @param workspace workspace file name, or null when exported from a run outside a workspace
     * @param seed the scenario seed of the simulation
     */
    public record Provenance(String workspace, String scenario, String engineVersion, String exportedAt, long seed,
                             int replication, String sample, String costBasis) {
        public Provenance {
            if (scenario == null || engineVersion == null || exportedAt == null) {
                throw new IllegalArgumentException("fields 'provenance.scenario', 'provenance.engineVersion' and"
                        + " 'provenance.exportedAt' are required");
            }
        }
    }

    /**
     * The simulated scenario's settings beyond what the router sees, so that {@code replay --traffic}
     * can rebuild the simulator's stream: the true feedback channel, the volume and scaling, the
     * calibration split, the pool.
     *
     * @param assumedRate the q the router was told, null when it was the true q
     * @param assumedFalseReportRate the f the router was told, null when it was the true f
     * @param judgeErrorRate the cascade judge's error rate (null: the default)
     * @param judgeCostPerCall USD per judge call (null: priced like the pool's cheapest model)
     */
    public record Simulation(String feedbackKind, double feedbackRate, double falseReportRate, long feedbackDelayRequests,
                             Double assumedRate, Double assumedFalseReportRate, long requestsPerMonth, double monthlyGrowth,
                             int months, boolean dailyRhythm, int replications, double calibrationFraction, int exactDays,
                             long maxSimulatedPerMonth, List<String> pool, Double mixShiftAt, Map<String, Double> mixShiftWeights,
                             Double judgeErrorRate, Double judgeCostPerCall) {
        public Simulation {
            Objects.requireNonNull(feedbackKind, "field 'simulation.feedbackKind' is required");
            pool = pool == null ? List.of() : List.copyOf(pool);
            mixShiftWeights = mixShiftWeights == null ? null : Map.copyOf(mixShiftWeights);
        }
    }

    /**
     * A router's state as named scalars and arrays; arrays are stored packed ({@link PackedArray}).
     *
     * @param router the router it belongs to
     */
    public record StateDoc(String router, Map<String, Double> scalars, Map<String, PackedArray> arrays) {
        public StateDoc {
            if (router == null || router.isBlank()) {
                throw new IllegalArgumentException("a router state needs field 'router'");
            }
            scalars = scalars == null ? Map.of() : new java.util.TreeMap<>(scalars);
            arrays = arrays == null ? Map.of() : new java.util.TreeMap<>(arrays);
        }

        public static StateDoc of(dev.switchyard.engine.routing.WarmState s) {
            Map<String, PackedArray> packed = new java.util.TreeMap<>();
            s.arrays().forEach((k, v) -> packed.put(k, PackedArray.of(v)));
            return new StateDoc(s.router(), s.scalars(), packed);
        }

        public dev.switchyard.engine.routing.WarmState toWarmState() {
            Map<String, double[]> out = new java.util.TreeMap<>();
            arrays.forEach((k, v) -> out.put(k, v.toArray()));
            return new dev.switchyard.engine.routing.WarmState(router, scalars, out);
        }
    }
}
