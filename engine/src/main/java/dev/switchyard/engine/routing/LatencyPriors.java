package dev.switchyard.engine.routing;

import java.util.Arrays;

/**
 * Per-model latency as the catalog states it, the router's prior before it has observed any latency:
 * time to first token is log-normal with median {@code ttftP50Ms} and 95th percentile {@code ttftP95Ms}
 * for a short prompt, plus {@code prefillMsPerThousandInputTokens} per 1,000 input tokens; output
 * streams at {@code outputTokensPerSecond}. NaN where the catalog states nothing (the router then
 * learns that model's latency from observations alone). Never the realised draws of a simulation.
 */
public final class LatencyPriors {
    private final double[] ttftP50Ms;
    private final double[] ttftP95Ms;
    private final double[] prefillMsPerThousandInputTokens;
    private final double[] outputTokensPerSecond;

    public LatencyPriors(double[] ttftP50Ms, double[] ttftP95Ms, double[] prefillMsPerThousandInputTokens,
            double[] outputTokensPerSecond) {
        int m = ttftP50Ms.length;
        if (ttftP95Ms.length != m || prefillMsPerThousandInputTokens.length != m || outputTokensPerSecond.length != m) {
            throw new IllegalArgumentException("latency priors need one value per model in every array");
        }
        this.ttftP50Ms = ttftP50Ms.clone();
        this.ttftP95Ms = ttftP95Ms.clone();
        this.prefillMsPerThousandInputTokens = prefillMsPerThousandInputTokens.clone();
        this.outputTokensPerSecond = outputTokensPerSecond.clone();
    }

    /** Nothing known about any model's latency. */
    public static LatencyPriors unknown(int models) {
        double[] nan = new double[models];
        Arrays.fill(nan, Double.NaN);
        return new LatencyPriors(nan, nan, nan, nan);
    }

    public int modelCount() {
        return ttftP50Ms.length;
    }

    public boolean known(int model) {
        return !Double.isNaN(ttftP50Ms[model]);
    }

    public double ttftP50Ms(int model) {
        return ttftP50Ms[model];
    }

    public double ttftP95Ms(int model) {
        return ttftP95Ms[model];
    }

    public double prefillMsPerThousandInputTokens(int model) {
        return prefillMsPerThousandInputTokens[model];
    }

    public double outputTokensPerSecond(int model) {
        return outputTokensPerSecond[model];
    }

    /** Median time to first token of {@code model} for a prompt of {@code inputTokens}; NaN when unknown. */
    public double medianTtftMs(int model, int inputTokens) {
        double prefill = Double.isNaN(prefillMsPerThousandInputTokens[model]) ? 0 : prefillMsPerThousandInputTokens[model];
        return ttftP50Ms[model] + prefill * inputTokens / 1000.0;
    }
}
