package dev.switchyard.engine.routing;

/**
 * What a router can say about a model's latency before serving: the catalog's log-normal prior
 * ({@link LatencyPriors}) at a prompt's input-token count, on log2 input-token buckets so that routers
 * can learn and cache per (model, bucket). Shared by the online latency controller (its prior) and the
 * offline routers' latency filter. Never the realised draws.
 */
public final class LatencyModel {
    /** Input-token buckets: bucket b holds prompts of [2^b, 2^(b+1)) tokens (0 and 1 token in bucket 0). */
    public static final int BUCKETS = 20;
    /** z of the 95th percentile: the catalog's p95 / p50 gives the log-normal's sigma. */
    private static final double Z95 = 1.6448536269514722;

    private LatencyModel() {
    }

    /** The log2 bucket of a prompt of {@code inputTokens}. Branch-free apart from the cap. */
    public static int bucket(int inputTokens) {
        int b = 31 - Integer.numberOfLeadingZeros(inputTokens | 1);
        return b < BUCKETS ? b : BUCKETS - 1;
    }

    /** A representative prompt length of a bucket (its geometric middle). */
    public static int representativeTokens(int bucket) {
        return (int) Math.round(Math.pow(2, bucket + 0.5));
    }

    /** Log-normal sigma of a model's time to first token from its catalog p50/p95; NaN when unknown. */
    public static double sigma(LatencyPriors priors, int model) {
        double p50 = priors.ttftP50Ms(model);
        double p95 = priors.ttftP95Ms(model);
        if (!(p50 > 0) || !(p95 > p50)) {
            return Double.NaN;
        }
        return Math.log(p95 / p50) / Z95;
    }

    /**
     * Prior median of the constrained metric for a prompt of {@code inputTokens}: time to first token
     * with the prefill term; for {@link LatencyTarget.Metric#TOTAL} the answer's streaming is added at
     * {@code expectedOutputTokens} (the router does not know the realised output). NaN when unknown.
     */
    public static double priorMedianMs(LatencyPriors priors, int model, int inputTokens, LatencyTarget.Metric metric,
            double expectedOutputTokens) {
        if (!priors.known(model)) {
            return Double.NaN;
        }
        double ttft = priors.medianTtftMs(model, inputTokens);
        if (metric == LatencyTarget.Metric.TOTAL) {
            double tps = priors.outputTokensPerSecond(model);
            if (tps > 0 && expectedOutputTokens > 0) {
                ttft += 1000.0 * expectedOutputTokens / tps;
            }
        }
        return ttft;
    }

    /** Prior P(latency > L) under the log-normal; NaN when the catalog states nothing for the model. */
    public static double priorExceedance(LatencyPriors priors, int model, int inputTokens, double targetMs,
            LatencyTarget.Metric metric, double expectedOutputTokens) {
        double median = priorMedianMs(priors, model, inputTokens, metric, expectedOutputTokens);
        double sigma = sigma(priors, model);
        if (Double.isNaN(median) || Double.isNaN(sigma)) {
            return Double.NaN;
        }
        if (!Double.isFinite(targetMs)) {
            return 0;
        }
        return 1 - StandardNormal.cdf((Math.log(targetMs) - Math.log(median)) / sigma);
    }

    /** Prior {@code percentile} quantile of the metric in ms; NaN when unknown. */
    public static double priorQuantileMs(LatencyPriors priors, int model, int inputTokens, double percentile,
            LatencyTarget.Metric metric, double expectedOutputTokens) {
        double median = priorMedianMs(priors, model, inputTokens, metric, expectedOutputTokens);
        double sigma = sigma(priors, model);
        if (Double.isNaN(median) || Double.isNaN(sigma)) {
            return Double.NaN;
        }
        return median * Math.exp(sigma * StandardNormal.quantile(percentile));
    }
}
