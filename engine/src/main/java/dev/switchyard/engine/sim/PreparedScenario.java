package dev.switchyard.engine.sim;

import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.ReferenceModels;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import dev.switchyard.engine.routing.oracle.HindsightPool;
import dev.switchyard.engine.routing.oracle.SlaOracle;
import dev.switchyard.engine.traffic.TrafficSample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The read-only data every replication of a scenario shares: the calibration/evaluation split, per
 * evaluation row the request features, expected and realised costs and hidden scores in flat
 * arrays (row-major, pool models only), priors, features, the daily rhythm. Built once; depends on
 * the sample, prices, pool, calibration fraction and seed, not on the router, target or feedback,
 * so a sweep shares it across its grid.
 */
public final class PreparedScenario {
    /** Prior pseudo-count: weak, washed out after a few dozen answers. */
    static final double PRIOR_STRENGTH = 2.0;

    final TrafficSample sample;
    final List<String> models;
    final int m;
    final int rows;
    final int[] sampleRow;
    final int[] category;
    final int[] tenant;
    final int[] tier;
    final int[] inputTokens;
    final int[] cachedTokens;
    final double[] expectedCost;
    final double[] normCost;
    final double[] realisedCost;
    final double[] realisedNorm;
    final float[] score;
    /**
     * The hot loop's cells of each evaluation row, one contiguous run per row so that a request's gather touches as
     * few cache lines as it can (decisions 0305, 1060, 1140): per row {@code stride} floats, the normalised expected
     * cost, realised cost (USD) and score of each model, then the latency model's cells ({@link #latencyAt}: output
     * tokens, and recorded latencies where the traffic has them), then the input tokens ({@link #inputTokensAt}, as a
     * float: exact below 2^24 tokens). Float precision (7 digits) is ample for a single request; every sum is
     * accumulated in double. The expected USD cost, which only a router's {@code expectedCost} reads, is apart
     * ({@link #expectedUsd}).
     */
    final float[] packed;
    final int stride;
    final int latencyAt;
    final int inputTokensAt;
    /** Expected USD cost of each (row, model), {@code [row * m + model]}. */
    final float[] expectedUsd;
    final FeatureVector[] features;
    final CostScale costScale;
    final QualityPriors priors;
    final Optional<CalibrationSet> calibration;
    final Optional<TextFeatureExtractor> extractor;
    final int bestFixed;
    /** Labelled data for baselines and the savings references: the calibration split, else the whole sample. */
    final CalibrationSet referenceData;
    private final double[] referenceScore;
    private final double[] referenceCost;
    final double[] hourCdf;
    final long startMillis;
    final String costBasis;
    final int[][] rowsByCategory;
    private final ConcurrentHashMap<Double, double[]> oracleCostByTarget = new ConcurrentHashMap<>();

    private PreparedScenario(Scenario s, Routers registry) throws CostTable.UnpricedModelsException {
        this.sample = s.sample();
        this.models = List.copyOf(s.pool());
        this.m = models.size();
        int[] col = new int[m];
        for (int j = 0; j < m; j++) {
            col[j] = sample.modelIndex(models.get(j));
        }
        CostTable table = CostTable.of(sample, s.prices(), s.catalog());
        this.costBasis = table.basis();
        int n = sample.size();
        int cats = sample.categories().size();

        // expected cost per (sample row, pool model): never the row's own realised output (decision 0300)
        double[] outMean = new double[cats * m];
        double[] recMean = new double[cats * m];
        int[] catCount = new int[cats];
        for (int q = 0; q < n; q++) {
            int c = sample.category(q);
            catCount[c]++;
            for (int j = 0; j < m; j++) {
                outMean[c * m + j] += sample.outputTokens(q, col[j]);
                if (s.prices() == null) {
                    recMean[c * m + j] += sample.recordedCost(q, col[j]);
                }
            }
        }
        for (int c = 0; c < cats; c++) {
            for (int j = 0; j < m; j++) {
                outMean[c * m + j] /= Math.max(1, catCount[c]);
                recMean[c * m + j] /= Math.max(1, catCount[c]);
            }
        }
        ModelPrice[] price = new ModelPrice[m];
        if (s.prices() != null) {
            for (int j = 0; j < m; j++) {
                price[j] = s.prices().priceOf(models.get(j), s.catalog()).orElseThrow();
            }
        }
        double[] expAll = new double[n * m];
        double[] meanExp = new double[m];
        for (int q = 0; q < n; q++) {
            int c = sample.category(q);
            for (int j = 0; j < m; j++) {
                double e;
                if (price[j] != null) {
                    long in = sample.inputTokens(q);
                    long cached = sample.cachedInputTokens(q);
                    double base = price[j].cost(in, cached, 0);
                    double perOut = (price[j].cost(in, cached, 1_000_000) - base) / 1_000_000.0;
                    e = base + outMean[c * m + j] * perOut;
                } else {
                    e = recMean[c * m + j];
                }
                expAll[q * m + j] = e;
                meanExp[j] += e;
            }
        }
        for (int j = 0; j < m; j++) {
            meanExp[j] /= n;
        }
        this.costScale = new CostScale(meanExp, table.basis());
        double norm = costScale.normaliser();

        // calibration split: a seeded shuffle, the same for every replication and router
        int calSize = (int) Math.floor(n * s.calibrationFraction());
        if (calSize > 0 && n - calSize < 1) {
            calSize = n - 1;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (calSize > 0) {
            SplittableRandom split = Seeds.generator(s.seed(), 0, Seeds.SPLIT);
            for (int i = n - 1; i > 0; i--) {
                int k = split.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
        }
        int[] cal = Arrays.copyOfRange(order, 0, calSize);
        int[] eval = Arrays.copyOfRange(order, calSize, n);
        Arrays.sort(cal);
        Arrays.sort(eval);

        this.extractor = sample.hasPrompts() ? chooseExtractor(s, registry) : Optional.empty();

        this.rows = eval.length;
        this.sampleRow = eval;
        this.category = new int[rows];
        this.tenant = new int[rows];
        this.tier = new int[rows];
        this.inputTokens = new int[rows];
        this.cachedTokens = new int[rows];
        this.expectedCost = new double[rows * m];
        this.normCost = new double[rows * m];
        this.realisedCost = new double[rows * m];
        this.realisedNorm = new double[rows * m];
        this.score = new float[rows * m];
        this.features = new FeatureVector[rows];
        for (int r = 0; r < rows; r++) {
            int q = eval[r];
            fillRow(r, q, col, table, expAll, norm);
        }
        this.latencyModel = new LatencyModel(sample, s.catalog(), models, sampleRow);
        this.latencyAt = 3 * m;
        this.inputTokensAt = latencyAt + latencyModel.cellsPerRow();
        this.stride = inputTokensAt + 1;
        this.packed = new float[rows * stride];
        this.expectedUsd = new float[rows * m];
        for (int r = 0; r < rows; r++) {
            int b = r * stride;
            for (int j = 0; j < m; j++) {
                int i = r * m + j;
                packed[b + j] = (float) normCost[i];
                packed[b + m + j] = (float) realisedCost[i];
                packed[b + 2 * m + j] = score[i];
                expectedUsd[i] = (float) expectedCost[i];
            }
            latencyModel.gather(r, packed, b + latencyAt);
            packed[b + inputTokensAt] = latencyModel.inputTokens(r);
        }
        List<List<Integer>> byCat = new ArrayList<>();
        for (int c = 0; c < cats; c++) {
            byCat.add(new ArrayList<>());
        }
        for (int r = 0; r < rows; r++) {
            byCat.get(category[r]).add(r);
        }
        this.rowsByCategory = new int[cats][];
        for (int c = 0; c < cats; c++) {
            rowsByCategory[c] = byCat.get(c).stream().mapToInt(Integer::intValue).toArray();
        }

        if (calSize > 0) {
            this.calibration = Optional.of(buildCalibration(cal, col, table, expAll, norm));
        } else {
            this.calibration = Optional.empty();
        }
        // The labelled data a team picks its single model from (decision 0308): the calibration split when
        // there is one, else the whole sample (spec 3.4, "highest mean score on the sample"). Baselines read
        // it, and the savings references are chosen on it with the same ReferenceModels calls, so the
        // best-fixed baseline saves exactly 0 against best fixed.
        if (calibration.isPresent()) {
            this.referenceData = calibration.get();
        } else {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            this.referenceData = buildCalibration(all, col, table, expAll, norm);
        }
        this.referenceScore = referenceData.meanScores();
        this.referenceCost = referenceData.meanRealisedCosts();
        this.bestFixed = ReferenceModels.best(referenceScore, referenceCost);
        this.priors = buildPriors(s, cal, col, cats);
        this.hourCdf = rhythm(s);
        this.startMillis = startOf(sample);
    }

    private final LatencyModel latencyModel;

    /** The catalog's latency per pool model as routers are told it (a prior, never the realised draws). */
    public dev.switchyard.engine.routing.LatencyPriors latencyPriors() {
        return latencyModel().priors();
    }

    /** The pool's latency distributions, shared by every run of this preparation. */
    LatencyModel latencyModel() {
        return latencyModel;
    }

    /** Prepares a scenario (costs every cell once; seconds at most for large samples). */
    public static PreparedScenario of(Scenario s) throws CostTable.UnpricedModelsException {
        return new PreparedScenario(s, Routers.standard());
    }

    static PreparedScenario of(Scenario s, Routers registry) throws CostTable.UnpricedModelsException {
        return new PreparedScenario(s, registry);
    }

    private void fillRow(int r, int q, int[] col, CostTable table, double[] expAll, double norm) {
        category[r] = sample.category(q);
        tenant[r] = sample.tenant(q);
        tier[r] = sample.slaTier(q);
        inputTokens[r] = sample.inputTokens(q);
        cachedTokens[r] = sample.cachedInputTokens(q);
        for (int j = 0; j < m; j++) {
            int i = r * m + j;
            expectedCost[i] = expAll[q * m + j];
            normCost[i] = expectedCost[i] / norm;
            realisedCost[i] = table.cost(q, col[j]);
            realisedNorm[i] = realisedCost[i] / norm;
            score[i] = sample.score(q, col[j]);
        }
        features[r] = extractor.map(e -> e.extract(sample.prompt(q))).orElse(FeatureVector.EMPTY);
    }

    private Optional<TextFeatureExtractor> chooseExtractor(Scenario s, Routers registry) {
        if (s.textFeatures() != null) {
            return Optional.of(registry.textFeatureExtractor(s.textFeatures()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown text feature extractor '" + s.textFeatures() + "'; available: "
                            + registry.textFeatureExtractors().stream().map(TextFeatureExtractor::name).toList())));
        }
        return registry.textFeatureExtractors().stream().findFirst();
    }

    private CalibrationSet buildCalibration(int[] cal, int[] col, CostTable table, double[] expAll, double norm) {
        int k = cal.length;
        int[] cat = new int[k];
        int[] in = new int[k];
        int[] cached = new int[k];
        int[] ten = new int[k];
        int[] ti = new int[k];
        double[] exp = new double[k * m];
        float[] sc = new float[k * m];
        double[] real = new double[k * m];
        List<FeatureVector> feats = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int q = cal[i];
            cat[i] = sample.category(q);
            in[i] = sample.inputTokens(q);
            cached[i] = sample.cachedInputTokens(q);
            ten[i] = sample.tenant(q);
            ti[i] = sample.slaTier(q);
            for (int j = 0; j < m; j++) {
                exp[i * m + j] = expAll[q * m + j];
                sc[i * m + j] = sample.score(q, col[j]);
                real[i * m + j] = table.cost(q, col[j]);
            }
            feats.add(extractor.map(e -> e.extract(sample.prompt(q))).orElse(FeatureVector.EMPTY));
        }
        return new CalibrationSet(m, cat, in, cached, ten, ti, exp, norm, sc, real, feats);
    }

    /**
     * Catalog quality priors where the catalog has them; else the calibration split's category
     * means (the "sample's category means" of the spec); else a neutral 0.5.
     */
    private QualityPriors buildPriors(Scenario s, int[] cal, int[] col, int cats) {
        double[][] means = new double[cats][m];
        double[][] sum = new double[cats][m];
        int[] count = new int[cats];
        for (int q : cal) {
            int c = sample.category(q);
            count[c]++;
            for (int j = 0; j < m; j++) {
                sum[c][j] += sample.score(q, col[j]);
            }
        }
        boolean anyCatalog = false;
        boolean anyCalibration = false;
        for (int c = 0; c < cats; c++) {
            String catName = sample.categories().get(c);
            for (int j = 0; j < m; j++) {
                Optional<ModelInfo> info = s.catalog().resolve(models.get(j));
                Double prior = info.map(i -> i.qualityPriors().get(catName)).orElse(null);
                if (prior != null) {
                    means[c][j] = prior;
                    anyCatalog = true;
                } else if (count[c] > 0) {
                    means[c][j] = sum[c][j] / count[c];
                    anyCalibration = true;
                } else {
                    means[c][j] = 0.5;
                }
            }
        }
        String source = anyCatalog && anyCalibration ? "catalog quality priors, calibration category means where the catalog has none"
                : anyCatalog ? "catalog quality priors" : anyCalibration ? "calibration split category means" : "neutral 0.5";
        return new QualityPriors(means, PRIOR_STRENGTH, source);
    }

    /** Cumulative share of requests by hour of day (24 bins), from the sample's timestamps; null = uniform. */
    private static double[] rhythm(Scenario s) {
        TrafficSample sample = s.sample();
        if (!s.volume().dailyRhythm() || !sample.hasTimestamps()) {
            return null;
        }
        double[] hours = new double[24];
        for (int q = 0; q < sample.size(); q++) {
            long ms = Math.floorMod(sample.timestampMillis(q), 86_400_000L);
            hours[(int) (ms / 3_600_000L)]++;
        }
        double[] cdf = new double[25];
        for (int h = 0; h < 24; h++) {
            cdf[h + 1] = cdf[h] + hours[h] + 0.5; // a little mass everywhere: no hour is ever impossible
        }
        for (int h = 0; h <= 24; h++) {
            cdf[h] /= cdf[24];
        }
        return cdf;
    }

    /** The first simulated day (UTC midnight): the sample's first timestamp's day, else 5 January 2026. */
    public static Instant horizonStart(TrafficSample sample) {
        return Instant.ofEpochMilli(startOf(sample));
    }

    private static long startOf(TrafficSample sample) {
        if (sample.hasTimestamps()) {
            long min = Long.MAX_VALUE;
            for (int q = 0; q < sample.size(); q++) {
                min = Math.min(min, sample.timestampMillis(q));
            }
            return Math.floorDiv(min, 86_400_000L) * 86_400_000L;
        }
        return LocalDate.of(2026, 1, 5).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Time of day (ms) for a position {@code u} in [0,1) of the day's requests, following the rhythm. */
    long timeOfDay(double u) {
        if (hourCdf == null) {
            return (long) (u * 86_400_000L);
        }
        int h = 0;
        while (h < 23 && hourCdf[h + 1] <= u) {
            h++;
        }
        double within = (u - hourCdf[h]) / Math.max(1e-12, hourCdf[h + 1] - hourCdf[h]);
        return (long) ((h + Math.min(0.999999, Math.max(0, within))) * 3_600_000L);
    }

    public int evaluationRows() {
        return rows;
    }

    public int modelCount() {
        return m;
    }

    public List<String> models() {
        return models;
    }

    public CostScale costScale() {
        return costScale;
    }

    public String bestFixedModel() {
        return models.get(bestFixed);
    }

    /**
     * Pool index of the cheapest single model whose mean score on the reference data reaches {@code tau}
     * (what the cheapest-meeting-target baseline serves), or -1 when none does.
     */
    int cheapestMeetingTarget(double tau) {
        return ReferenceModels.cheapestMeeting(referenceScore, referenceCost, tau);
    }

    /** The model {@link #cheapestMeetingTarget} names, or null when no single model meets {@code tau}. */
    public String cheapestMeetingTargetModel(double tau) {
        int j = cheapestMeetingTarget(tau);
        return j < 0 ? null : models.get(j);
    }

    /** Mean expected cost per request (USD) of the pool's cheapest model: the default price of a judge call. */
    double cheapestMeanExpectedCost() {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            min = Math.min(min, costScale.meanNormalisedCost(j) * costScale.normaliser());
        }
        return min;
    }

    public Optional<CalibrationSet> calibration() {
        return calibration;
    }

    public QualityPriors priors() {
        return priors;
    }

    public String costBasis() {
        return costBasis;
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    private final ConcurrentHashMap<Double, Double> lambdaByTarget = new ConcurrentHashMap<>();
    // the SLA oracle's lambda by bisection on the uniform pool, cached per target
    private final HindsightPool pool = new TruthPool(null,
            tau -> lambdaByTarget.computeIfAbsent(tau, t -> new TruthPool(null, null, null).slaLambda(t)), null);

    /**
     * The evaluation pool with its hidden truth (bounds only).
     *
     * @param weights per-row stream weights (null: uniform draws)
     * @param lambda the SLA oracle's lambda per target (null: bisection on this pool)
     * @param lambdaAfterShift the same on the post-shift mix (null: {@code lambda})
     */
    private final class TruthPool implements HindsightPool {
        private final double[] weights;
        private final DoubleUnaryOperator lambda;
        private final DoubleUnaryOperator lambdaAfterShift;

        TruthPool(double[] weights, DoubleUnaryOperator lambda, DoubleUnaryOperator lambdaAfterShift) {
            this.weights = weights;
            this.lambda = lambda;
            this.lambdaAfterShift = lambdaAfterShift;
        }

        @Override
        public double slaLambda(double tau) {
            return lambda == null ? HindsightPool.super.slaLambda(tau) : lambda.applyAsDouble(tau);
        }

        @Override
        public double slaLambdaAfterMixShift(double tau) {
            return lambdaAfterShift == null ? slaLambda(tau) : lambdaAfterShift.applyAsDouble(tau);
        }

        @Override
        public int size() {
            return rows;
        }

        @Override
        public int modelCount() {
            return m;
        }

        @Override
        public double score(int row, int model) {
            return PreparedScenario.this.score[row * m + model];
        }

        @Override
        public double normalisedRealisedCost(int row, int model) {
            return realisedNorm[row * m + model];
        }

        @Override
        public double weight(int row) {
            return weights == null ? 1.0 : weights[row];
        }

        // the latency term's hidden truth for the two-constraint oracle (decision 1402), added for issue 14
        HindsightPool after;
        Object memoTag = "uniform";

        @Override
        public double[] exceedances(double targetMs, dev.switchyard.engine.routing.LatencyTarget.Metric metric) {
            return exceedanceByTarget.computeIfAbsent(List.of(targetMs, metric),
                    k -> latencyModel().exceedances(targetMs, metric == dev.switchyard.engine.routing.LatencyTarget.Metric.TOTAL));
        }

        @Override
        public int slaTier(int row) {
            return sample.hasSlaTiers() ? tier[row] : -1;
        }

        @Override
        public int category(int row) {
            return category[row];
        }

        @Override
        public int inputTokens(int row) {
            return inputTokens[row];
        }

        @Override
        public HindsightPool afterMixShift() {
            return after == null ? this : after;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T memo(List<Object> key, java.util.function.Supplier<T> compute) {
            return (T) boundMemo.computeIfAbsent(List.of(memoTag, key), k -> compute.get());
        }
    }

    private final ConcurrentHashMap<List<Object>, double[]> exceedanceByTarget = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<Object>, Object> boundMemo = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<Object>, double[]> twoConstraintRowCost = new ConcurrentHashMap<>();

    /** The evaluation pool with its hidden truth, for bounds only; the SLA oracle's lambda is cached per target. */
    HindsightPool pool() {
        return pool;
    }

    private final ConcurrentHashMap<List<Object>, Double> shiftedLambda = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<Object>, double[]> shiftedOracleCost = new ConcurrentHashMap<>();

    /**
     * Per-row stream weight after {@code shift}: a shifted stream draws category c with probability proportional
     * to (rows of c) x (c's weight), then a row of c uniformly, so each row's weight is its category's weight.
     */
    private double[] shiftedWeights(Scenario.MixShift shift) {
        double[] byCat = new double[sample.categories().size()];
        for (int c = 0; c < byCat.length; c++) {
            Double mult = shift.categoryWeights().get(sample.categories().get(c));
            byCat[c] = mult == null ? 1.0 : mult;
        }
        double[] w = new double[rows];
        for (int r = 0; r < rows; r++) {
            w[r] = byCat[category[r]];
        }
        return w;
    }

    /** The SLA oracle's lambda for {@code tau} fitted on the post-shift mix (cached per target and shift). */
    double slaLambdaAfterShift(double tau, Scenario.MixShift shift) {
        return shiftedLambda.computeIfAbsent(List.of(tau, shift),
                k -> SlaOracle.fitLambda(tau, new TruthPool(shiftedWeights(shift), null, null)));
    }

    /** The hindsight pool a bound of this scenario gets: under a mix shift it refits the SLA oracle to the new mix. */
    HindsightPool pool(Scenario.MixShift shift) {
        if (shift == null) {
            return pool;
        }
        TruthPool shifted = new TruthPool(null, pool::slaLambda, tau -> slaLambdaAfterShift(tau, shift));
        TruthPool after = new TruthPool(shiftedWeights(shift), null, null);
        after.memoTag = List.of("after", shift);
        shifted.after = after;
        return shifted;
    }

    /** Per evaluation row, the realised cost (USD) of the SLA oracle's choice after {@code shift} (refitted lambda). */
    double[] slaOracleCostAfterShift(double tau, Scenario.MixShift shift) {
        if (shift == null) {
            return slaOracleCost(tau);
        }
        return shiftedOracleCost.computeIfAbsent(List.of(tau, shift), k -> oracleChoiceCost(slaLambdaAfterShift(tau, shift)));
    }

    /** Per evaluation row, the realised cost (USD) of the SLA oracle's choice at {@code tau}: the regret reference. */
    double[] slaOracleCost(double tau) {
        return oracleCostByTarget.computeIfAbsent(tau, t -> oracleChoiceCost(SlaOracle.fitLambda(t, pool())));
    }

    /**
     * Per evaluation row, the realised cost (USD) of the SLA oracle's choice under both terms when {@code latency} is
     * active (the two-constraint oracle's fit, decision 1402; before/after {@code shift}), else the one-constraint one.
     */
    double[] slaOracleCost(double tau, dev.switchyard.engine.routing.LatencyTarget latency, Scenario.MixShift shift,
            boolean afterShift) {
        if (latency == null || !latency.isActive()) {
            return afterShift ? slaOracleCostAfterShift(tau, shift) : slaOracleCost(tau);
        }
        HindsightPool hp = pool(shift);
        HindsightPool fitted = afterShift ? hp.afterMixShift() : hp;
        List<String> tiers = sample.hasSlaTiers() ? sample.slaTiers().values() : List.of();
        return twoConstraintRowCost.computeIfAbsent(List.of("row-cost", tau, latency, afterShift && shift != null ? shift : "none"),
                k -> {
                    var fit = dev.switchyard.engine.routing.oracle.TwoConstraintOracle.fitted(tau, latency, tiers, fitted,
                            dev.switchyard.engine.routing.oracle.TwoConstraintFit.Resolution.ROW);
                    double[] out = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        out[r] = realisedCost[r * m + fit.choice(r)];
                    }
                    return out;
                });
    }

    private double[] oracleChoiceCost(double lambda) {
        double[] out = new double[rows];
        double[] c = new double[m];
        double[] sc = new double[m];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                c[j] = realisedNorm[r * m + j];
                sc[j] = score[r * m + j];
            }
            out[r] = realisedCost[r * m + dev.switchyard.engine.routing.RuleL.choose(c, sc, lambda, m)];
        }
        return out;
    }

    // Timeline what-ifs (plan package): from a month on, requests cost what another price table says.
    private int[] epochMonths = new int[0];
    private float[][] epochPacked = new float[0][];
    private float[][] epochExpected = new float[0][];

    /** The packed cells in force in {@code month} (0-based): the scenario's own until a later cost epoch starts. */
    float[] packedForMonth(int month) {
        int k = epochOf(month);
        return k < 0 ? packed : epochPacked[k];
    }

    /** The expected USD costs in force in {@code month}, {@code [row * m + model]}, as {@link #packedForMonth}. */
    float[] expectedUsdForMonth(int month) {
        int k = epochOf(month);
        return k < 0 ? expectedUsd : epochExpected[k];
    }

    /** The last cost epoch started by {@code month}, or -1 for the scenario's own costs. */
    private int epochOf(int month) {
        int last = -1;
        for (int k = 0; k < epochMonths.length; k++) {
            if (month >= epochMonths[k]) {
                last = k;
            }
        }
        return last;
    }

    /**
     * Timeline hook: from month {@code fromMonth} (0-based) on, every request costs what {@code costsOf} says (this
     * preparation with another price sheet: same sample, seed, split and pool; null = this one's own costs), times
     * {@code factor} per pool model (a provider's price change). Routers are not rebuilt: they keep the cost normaliser
     * they were built with and see the new per-request costs. Call before any run uses this preparation; a preparation
     * with epochs must not be shared with runs that should not see them.
     */
    public synchronized void addCostEpoch(int fromMonth, PreparedScenario costsOf, double[] factor) {
        PreparedScenario src = costsOf == null ? this : costsOf;
        if (src.rows != rows || src.m != m || !Arrays.equals(src.sampleRow, sampleRow)) {
            throw new IllegalArgumentException("a cost epoch must come from the same sample, split and model pool");
        }
        if (factor.length != m) {
            throw new IllegalArgumentException("a cost epoch needs one factor per pool model (" + m + "), got " + factor.length);
        }
        if (epochMonths.length > 0 && fromMonth <= epochMonths[epochMonths.length - 1]) {
            throw new IllegalArgumentException("cost epochs must be added in month order");
        }
        double norm = costScale.normaliser();
        float[] out = new float[rows * stride];
        float[] outExpected = new float[rows * m];
        for (int r = 0; r < rows; r++) {
            int b = r * stride;
            for (int j = 0; j < m; j++) {
                int i = r * m + j;
                double expected = src.expectedCost[i] * factor[j];
                out[b + j] = (float) (expected / norm);
                out[b + m + j] = (float) (src.realisedCost[i] * factor[j]);
                out[b + 2 * m + j] = score[i];
                outExpected[i] = (float) expected;
            }
            // latency cells and input tokens are the traffic's, whatever the prices
            System.arraycopy(packed, b + latencyAt, out, b + latencyAt, stride - latencyAt);
        }
        epochMonths = Arrays.copyOf(epochMonths, epochMonths.length + 1);
        epochMonths[epochMonths.length - 1] = fromMonth;
        epochPacked = Arrays.copyOf(epochPacked, epochPacked.length + 1);
        epochPacked[epochPacked.length - 1] = out;
        epochExpected = Arrays.copyOf(epochExpected, epochExpected.length + 1);
        epochExpected[epochExpected.length - 1] = outExpected;
    }
}
