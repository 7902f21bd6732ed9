package dev.switchyard.engine.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How fast a model answers, as distributions (decision 1400): time to first token is log-normal with median
 * {@code ttftP50Ms} and 95th percentile {@code ttftP95Ms} for a short prompt, plus
 * {@code prefillMsPerThousandInputTokens} per 1,000 input tokens; output streams at a log-normal speed with median
 * {@code outputTokensPerSecond} and log-sigma {@code outputSpeedSigma}. Used to draw latency when a sample records
 * none. Catalogs written before the prefill, spread and source fields existed still load (prefill 0, spread
 * {@link #DEFAULT_OUTPUT_SPEED_SIGMA}, source empty).
 *
 * @param source where these figures come from (e.g. a public TTFT measurement), free text; empty when not stated
 */
public record LatencyProfile(double ttftP50Ms, double ttftP95Ms, double outputTokensPerSecond,
        double prefillMsPerThousandInputTokens, double outputSpeedSigma, String source) {

    /** Log-normal sigma of output speed when the catalog states none (about +-25% between p5 and p95). */
    public static final double DEFAULT_OUTPUT_SPEED_SIGMA = 0.15;

    public LatencyProfile {
        requireFiniteNonNegative(ttftP50Ms, "ttftP50Ms");
        requireFiniteNonNegative(ttftP95Ms, "ttftP95Ms");
        requireFiniteNonNegative(outputTokensPerSecond, "outputTokensPerSecond");
        requireFiniteNonNegative(prefillMsPerThousandInputTokens, "prefillMsPerThousandInputTokens");
        requireFiniteNonNegative(outputSpeedSigma, "outputSpeedSigma");
        if (outputSpeedSigma > 2) {
            throw new IllegalArgumentException("latency outputSpeedSigma must be at most 2 (a log-normal sigma), got "
                    + outputSpeedSigma);
        }
        if (ttftP95Ms < ttftP50Ms) {
            throw new IllegalArgumentException("latency ttftP95Ms (" + ttftP95Ms
                    + ") must be at least ttftP50Ms (" + ttftP50Ms + ")");
        }
        source = source == null ? "" : source.strip();
    }

    /** The profile of older catalogs: no prefill term, the default speed spread, no stated source. */
    public LatencyProfile(double ttftP50Ms, double ttftP95Ms, double outputTokensPerSecond) {
        this(ttftP50Ms, ttftP95Ms, outputTokensPerSecond, 0, DEFAULT_OUTPUT_SPEED_SIGMA, "");
    }

    /** This profile with another median TTFT (p95 raised to it when below); prefill, spread and source kept. */
    public LatencyProfile withTtftP50Ms(double p50) {
        return new LatencyProfile(p50, Math.max(p50, ttftP95Ms), outputTokensPerSecond, prefillMsPerThousandInputTokens,
                outputSpeedSigma, source);
    }

    /** This profile with another output speed; everything else kept. */
    public LatencyProfile withOutputTokensPerSecond(double tokensPerSecond) {
        return new LatencyProfile(ttftP50Ms, ttftP95Ms, tokensPerSecond, prefillMsPerThousandInputTokens, outputSpeedSigma,
                source);
    }

    /** Reads a catalog entry; the fields added for issue 14 are optional. */
    @JsonCreator
    static LatencyProfile fromJson(@JsonProperty("ttftP50Ms") Double ttftP50Ms, @JsonProperty("ttftP95Ms") Double ttftP95Ms,
            @JsonProperty("outputTokensPerSecond") Double outputTokensPerSecond,
            @JsonProperty("prefillMsPerThousandInputTokens") Double prefill,
            @JsonProperty("outputSpeedSigma") Double outputSpeedSigma, @JsonProperty("source") String source) {
        return new LatencyProfile(required(ttftP50Ms, "ttftP50Ms"), required(ttftP95Ms, "ttftP95Ms"),
                required(outputTokensPerSecond, "outputTokensPerSecond"), prefill == null ? 0 : prefill,
                outputSpeedSigma == null ? DEFAULT_OUTPUT_SPEED_SIGMA : outputSpeedSigma, source);
    }

    /** Expected wall time of one answer with the given number of output tokens (short prompt, median speed). */
    public double expectedLatencyMs(int outputTokens) {
        if (outputTokensPerSecond <= 0) {
            return ttftP50Ms;
        }
        return ttftP50Ms + 1000.0 * outputTokens / outputTokensPerSecond;
    }

    private static double required(Double v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("latency " + name + " is missing");
        }
        return v;
    }

    private static void requireFiniteNonNegative(double v, String name) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("latency " + name + " must be a finite number >= 0, got " + v);
        }
    }
}
