package dev.switchyard.engine.sim;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One what-if: traffic, prices, model pool, router, SLA, feedback, volume, seed. A run is fully
 * defined by its scenario: same scenario, same numbers, whatever the thread count.
 *
 * @param name label for results
 * @param sample the traffic sample the stream is drawn from (its scores are the hidden truth)
 * @param catalog for price-name resolution and quality priors ({@link Catalog#empty()} when none)
 * @param prices price sheet, or null to use the sample's recorded costs
 * @param modelPool models to route between (empty = every model of the sample)
 * @param router router name ({@code slarouter}, {@code best-fixed}, {@code sla-oracle}...)
 * @param routerParameters router parameters (validated against its descriptor)
 * @param predictor predictor used by routers that need p_hat ({@code category} by default)
 * @param textFeatures name of the prompt feature extractor, or null for the first one registered
 *     (used only when the sample has prompts)
 * @param sla target and compliance window
 * @param feedback the true feedback channel, and what the router assumes about it
 * @param volume requests per month, growth, horizon
 * @param mixShift optional change of category mix mid-horizon, or null
 * @param seed the run's seed
 * @param replications independent replications (different streams, truths and feedback)
 * @param calibrationFraction share of the sample held out as the labelled calibration split; the
 *     stream is drawn from the rest for every router, so all routers face the same traffic
 * @param scaling how far the run is simulated request by request before subsampling
 * @param judge the judge a cascade asks before escalating: its error rate and price are facts of the
 *     scenario (how good and how dear the judge model is), not the router's choice, and every call is paid
 * @param latency the latency term of the SLA (L, percentile, metric, per-tier L), {@link LatencyTarget#none()}
 *     when the contract names none; routers are told it through their context
 */
public record Scenario(
        String name,
        TrafficSample sample,
        Catalog catalog,
        PriceSheet prices,
        List<String> modelPool,
        String router,
        RouterParameters routerParameters,
        String predictor,
        String textFeatures,
        Sla sla,
        Feedback feedback,
        Volume volume,
        MixShift mixShift,
        long seed,
        int replications,
        double calibrationFraction,
        Scaling scaling,
        Judge judge,
        LatencyTarget latency) {

    /** The scenario without a latency term ({@link LatencyTarget#none()}). */
    public Scenario(String name, TrafficSample sample, Catalog catalog, PriceSheet prices, List<String> modelPool, String router,
            RouterParameters routerParameters, String predictor, String textFeatures, Sla sla, Feedback feedback, Volume volume,
            MixShift mixShift, long seed, int replications, double calibrationFraction, Scaling scaling, Judge judge) {
        this(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla, feedback, volume,
                mixShift, seed, replications, calibrationFraction, scaling, judge, LatencyTarget.none());
    }

    /** The scenario without a judge setting: the default judge ({@link Judge#defaults()}). */
    public Scenario(String name, TrafficSample sample, Catalog catalog, PriceSheet prices, List<String> modelPool, String router,
            RouterParameters routerParameters, String predictor, String textFeatures, Sla sla, Feedback feedback, Volume volume,
            MixShift mixShift, long seed, int replications, double calibrationFraction, Scaling scaling) {
        this(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla, feedback, volume,
                mixShift, seed, replications, calibrationFraction, scaling, Judge.defaults());
    }

    public Scenario {
        Objects.requireNonNull(sample, "scenario needs a traffic sample");
        name = name == null || name.isBlank() ? sample.name() : name;
        catalog = catalog == null ? Catalog.empty() : catalog;
        modelPool = modelPool == null ? List.of() : List.copyOf(modelPool);
        for (String m : modelPool) {
            if (sample.modelIndex(m) < 0) {
                throw new IllegalArgumentException("model pool lists '" + m + "' but the sample has only " + sample.models());
            }
        }
        if (!modelPool.isEmpty() && modelPool.size() < 1) {
            throw new IllegalArgumentException("model pool is empty");
        }
        if (router == null || router.isBlank()) {
            throw new IllegalArgumentException("scenario needs a router name");
        }
        routerParameters = routerParameters == null ? RouterParameters.none() : routerParameters;
        predictor = predictor == null || predictor.isBlank() ? "category" : predictor;
        Objects.requireNonNull(sla, "scenario needs an SLA (target and window)");
        Objects.requireNonNull(feedback, "scenario needs a feedback model");
        Objects.requireNonNull(volume, "scenario needs a volume");
        if (replications < 1 || replications > 10_000) {
            throw new IllegalArgumentException("replications must be between 1 and 10000, got " + replications);
        }
        if (!(calibrationFraction >= 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in [0, 1), got " + calibrationFraction);
        }
        scaling = scaling == null ? Scaling.defaults() : scaling;
        judge = judge == null ? Judge.defaults() : judge;
        latency = latency == null ? LatencyTarget.none() : latency;
        if (prices == null && !sample.hasRecordedCosts()) {
            throw new IllegalArgumentException("sample '" + sample.name()
                    + "' records no per-query costs; give a price sheet (--prices) so requests can be priced");
        }
    }

    /** A scenario with the defaults: one-sided feedback q = 0.2, tau = 0.9 per day, 1M requests, seed 42, 1 replication. */
    public static Scenario of(TrafficSample sample, PriceSheet prices, Catalog catalog, String router) {
        return new Scenario(null, sample, catalog, prices, List.of(), router, RouterParameters.none(), "category", null,
                new Sla(0.90, Window.DAY, 0), Feedback.oneSided(0.2), Volume.requests(1_000_000), null, 42L, 1, 0.3,
                Scaling.defaults(), Judge.defaults());
    }

    public Scenario withRouter(String newRouter, RouterParameters params) {
        return new Scenario(name, sample, catalog, prices, modelPool, newRouter, params, predictor, textFeatures, sla, feedback,
                volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withRouter(String newRouter) {
        return withRouter(newRouter, RouterParameters.none());
    }

    public Scenario withTarget(double tau) {
        return withSla(new Sla(tau, sla.window(), sla.windowRequests()));
    }

    public Scenario withSla(Sla newSla) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, newSla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withFeedback(Feedback newFeedback) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                newFeedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withVolume(Volume newVolume) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, newVolume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, newSeed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withReplications(int n) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, n, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withPrices(PriceSheet sheet) {
        return new Scenario(name, sample, catalog, sheet, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withModelPool(List<String> pool) {
        return new Scenario(name, sample, catalog, prices, pool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withMixShift(MixShift shift) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, shift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    public Scenario withCalibrationFraction(double fraction) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, fraction, scaling, judge, latency);
    }

    public Scenario withScaling(Scaling newScaling) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, newScaling, judge, latency);
    }

    /** Another judge for routers that ask one (cascade). */
    public Scenario withJudge(Judge newJudge) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, newJudge, latency);
    }

    /** Another latency term (L, percentile, metric, per-tier L). */
    public Scenario withLatency(LatencyTarget newLatency) {
        return new Scenario(name, sample, catalog, prices, modelPool, router, routerParameters, predictor, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, newLatency);
    }

    public Scenario withPredictor(String name) {
        return new Scenario(this.name, sample, catalog, prices, modelPool, router, routerParameters, name, textFeatures, sla,
                feedback, volume, mixShift, seed, replications, calibrationFraction, scaling, judge, latency);
    }

    /**
     * What the engine does not take as given in this scenario, in words for the user (empty when nothing):
     * e.g. a false-report rate the router is told only up to q/2. Results carry these as warnings.
     */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        feedback.cappedAssumptionNote().ifPresent(out::add);
        return out;
    }

    /** A rate in warnings: four significant digits, no trailing zeros. */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The models actually routed between. */
    public List<String> pool() {
        return modelPool.isEmpty() ? sample.models() : modelPool;
    }

    /** SLA compliance window. */
    public enum Window { DAY, WEEK, MONTH, REQUESTS }

    /**
     * @param target tau in (0,1)
     * @param window compliance window
     * @param windowRequests window size when {@code window} is REQUESTS
     */
    public record Sla(double target, Window window, long windowRequests) {
        public Sla {
            if (!(target > 0 && target < 1)) {
                throw new IllegalArgumentException("SLA target must be in (0, 1), got " + target);
            }
            Objects.requireNonNull(window, "SLA window");
            if (window == Window.REQUESTS && windowRequests < 1) {
                throw new IllegalArgumentException("an SLA window of N requests needs N >= 1, got " + windowRequests);
            }
        }
    }

    /**
     * The true feedback channel and the router's assumptions about it.
     *
     * @param kind one-sided (default), two-sided sparse, full
     * @param rate q: report rate after a bad answer (one-sided) or label rate (two-sided)
     * @param falseReportRate f: report rate after a good answer (one-sided)
     * @param delayRequests requests that arrive before the feedback does (0 = immediate)
     * @param assumedRate the q the router is told (NaN = the true q)
     * @param assumedFalseReportRate the f the router is told (NaN = the true f)
     */
    public record Feedback(FeedbackKind kind, double rate, double falseReportRate, long delayRequests, double assumedRate,
            double assumedFalseReportRate) {
        public Feedback {
            Objects.requireNonNull(kind, "feedback kind");
            if (kind == FeedbackKind.FULL) {
                rate = 1.0;
                falseReportRate = 0.0;
            }
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("feedback rate q must be in (0, 1], got " + rate);
            }
            if (!(falseReportRate >= 0 && falseReportRate < rate)) {
                throw new IllegalArgumentException("false-report rate f must be in [0, q), got " + falseReportRate);
            }
            if (delayRequests < 0) {
                throw new IllegalArgumentException("feedback delay must be >= 0 requests, got " + delayRequests);
            }
        }

        public static Feedback oneSided(double q) {
            return new Feedback(FeedbackKind.ONE_SIDED, q, 0.0, 0, Double.NaN, Double.NaN);
        }

        public static Feedback twoSided(double q) {
            return new Feedback(FeedbackKind.TWO_SIDED_SPARSE, q, 0.0, 0, Double.NaN, Double.NaN);
        }

        public static Feedback full() {
            return new Feedback(FeedbackKind.FULL, 1.0, 0.0, 0, Double.NaN, Double.NaN);
        }

        public Feedback withDelay(long requests) {
            return new Feedback(kind, rate, falseReportRate, requests, assumedRate, assumedFalseReportRate);
        }

        public Feedback withAssumedRate(double q) {
            return new Feedback(kind, rate, falseReportRate, delayRequests, q, assumedFalseReportRate);
        }

        /** Delay given in hours, converted at the scenario's average arrival rate. */
        public static long hoursToRequests(double hours, Volume volume) {
            return Math.round(hours * volume.requestsPerMonth() / (Volume.DAYS_PER_MONTH * 24.0));
        }

        /** The false-report rate the router is told before the cap at q/2 (one-sided only; 0 otherwise). */
        private double assumedFalseReportBeforeCap() {
            double f = Double.isNaN(assumedFalseReportRate) ? falseReportRate : assumedFalseReportRate;
            return kind == FeedbackKind.ONE_SIDED ? f : 0;
        }

        /**
         * Present when {@link #assumptions()} tells the router a smaller false-report rate than the scenario
         * gives it (the one-sided estimator divides by q - f, so the router is told at most q/2): a warning
         * for the result, never a silent change.
         */
        public java.util.Optional<String> cappedAssumptionNote() {
            double f = assumedFalseReportBeforeCap();
            double q = Double.isNaN(assumedRate) ? rate : assumedRate;
            if (f <= q / 2) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("false-report rate capped: the router is told f = " + num(q / 2) + " (q/2 for q = "
                    + num(q) + "), not the scenario's f = " + num(f) + "; users still report falsely at the true rate "
                    + num(falseReportRate));
        }

        /** What the router is told. */
        public FeedbackAssumptions assumptions() {
            double q = Double.isNaN(assumedRate) ? rate : assumedRate;
            double f = Double.isNaN(assumedFalseReportRate) ? falseReportRate : assumedFalseReportRate;
            if (kind != FeedbackKind.ONE_SIDED) {
                f = 0;
            }
            return new FeedbackAssumptions(kind, q, Math.min(f, q / 2));
        }
    }

    /**
     * @param requestsPerMonth requests in the first month (a month is 30 days)
     * @param monthlyGrowth e.g. 0.05 for +5% per month
     * @param months horizon
     * @param dailyRhythm spread requests over the day like the sample's timestamps (when it has them)
     */
    public record Volume(long requestsPerMonth, double monthlyGrowth, int months, boolean dailyRhythm) {
        public static final int DAYS_PER_MONTH = 30;

        public Volume {
            if (requestsPerMonth < 1) {
                throw new IllegalArgumentException("requests per month must be >= 1, got " + requestsPerMonth);
            }
            if (!(monthlyGrowth > -1 && monthlyGrowth <= 10)) {
                throw new IllegalArgumentException("monthly growth must be in (-1, 10], got " + monthlyGrowth);
            }
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("horizon must be 1 to 120 months, got " + months);
            }
        }

        /** N requests over one month. */
        public static Volume requests(long n) {
            return new Volume(n, 0, 1, true);
        }

        public long requestsInMonth(int month) {
            return Math.max(0, Math.round(requestsPerMonth * Math.pow(1 + monthlyGrowth, month)));
        }

        public long totalRequests() {
            long total = 0;
            for (int m = 0; m < months; m++) {
                total += requestsInMonth(m);
            }
            return total;
        }
    }

    /**
     * From {@code atFraction} of the horizon on, category frequencies are multiplied by these
     * weights (categories not named keep weight 1), to show how a router adapts.
     */
    public record MixShift(double atFraction, Map<String, Double> categoryWeights) {
        public MixShift {
            if (!(atFraction > 0 && atFraction < 1)) {
                throw new IllegalArgumentException("mix shift point must be in (0, 1) of the horizon, got " + atFraction);
            }
            categoryWeights = Map.copyOf(categoryWeights);
            for (Map.Entry<String, Double> e : categoryWeights.entrySet()) {
                if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                    throw new IllegalArgumentException("mix shift weight of '" + e.getKey() + "' must be >= 0, got " + e.getValue());
                }
            }
        }
    }

    /**
     * The simulated judge (LLM-as-judge or a rule) a cascade consults: it errs both ways with probability
     * {@code errorRate}, and each judge call costs {@code costPerCall} USD, paid like a model call.
     *
     * @param errorRate chance a verdict is wrong, in [0, 0.5]
     * @param costPerCall USD per judge call, >= 0; NaN = the mean expected cost per request of the cheapest
     *     model in the pool (a judge model at least reads the request)
     */
    public record Judge(double errorRate, double costPerCall) {
        public static final double DEFAULT_ERROR_RATE = 0.1;

        public Judge {
            if (!(errorRate >= 0 && errorRate <= 0.5)) {
                throw new IllegalArgumentException("judge error rate must be in [0, 0.5], got " + errorRate);
            }
            if (!(Double.isNaN(costPerCall) || (costPerCall >= 0 && Double.isFinite(costPerCall)))) {
                throw new IllegalArgumentException("judge cost per call must be >= 0 USD, got " + costPerCall);
            }
        }

        /** Error rate 0.1, priced like the pool's cheapest model. */
        public static Judge defaults() {
            return new Judge(DEFAULT_ERROR_RATE, Double.NaN);
        }
    }

    /**
     * @param exactDays the first days simulated request by request, whatever the volume (learning dynamics)
     * @param maxSimulatedPerMonth beyond those days, at most this many requests per month are simulated and
     *     weighted up to the month's volume (the result then reports that it is scaled, with its sampling error)
     */
    public record Scaling(int exactDays, long maxSimulatedPerMonth) {
        public Scaling {
            if (exactDays < 0) {
                throw new IllegalArgumentException("exact days must be >= 0, got " + exactDays);
            }
            if (maxSimulatedPerMonth < 1000) {
                throw new IllegalArgumentException("simulate at least 1000 requests per month, got " + maxSimulatedPerMonth);
            }
        }

        public static Scaling defaults() {
            return new Scaling(14, 5_000_000);
        }

        /** Everything request by request (tests, small volumes). */
        public static Scaling exact() {
            return new Scaling(Integer.MAX_VALUE / 2, Long.MAX_VALUE);
        }
    }
}
