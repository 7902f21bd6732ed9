package dev.switchyard.engine.catalog;

/**
 * How fast a model answers: time to first token (median and 95th percentile, milliseconds) and
 * output speed (tokens per second). Used to estimate latency when a sample records none.
 */
public record LatencyProfile(double ttftP50Ms, double ttftP95Ms, double outputTokensPerSecond) {

    public LatencyProfile {
        requireFiniteNonNegative(ttftP50Ms, "ttftP50Ms");
        requireFiniteNonNegative(ttftP95Ms, "ttftP95Ms");
        requireFiniteNonNegative(outputTokensPerSecond, "outputTokensPerSecond");
        if (ttftP95Ms < ttftP50Ms) {
            throw new IllegalArgumentException("latency ttftP95Ms (" + ttftP95Ms
                    + ") must be at least ttftP50Ms (" + ttftP50Ms + ")");
        }
    }

    /** Expected wall time of one answer with the given number of output tokens. */
    public double expectedLatencyMs(int outputTokens) {
        if (outputTokensPerSecond <= 0) {
            return ttftP50Ms;
        }
        return ttftP50Ms + 1000.0 * outputTokens / outputTokensPerSecond;
    }

    private static void requireFiniteNonNegative(double v, String name) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("latency " + name + " must be a finite number >= 0, got " + v);
        }
    }
}
