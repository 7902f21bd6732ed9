package dev.switchyard.app.scenario;

import java.util.Locale;

/**
 * The latency term of the SLA as the Scenario screen sets it: "p95 time to first token under L ms", or off.
 *
 * @param targetMs L in milliseconds; NaN when the scenario has no latency target (the default)
 * @param percentile the percentile that must stay under L, in (0, 1), e.g. 0.95
 */
public record LatencyGoal(double targetMs, double percentile) {
    public static final LatencyGoal OFF = new LatencyGoal(Double.NaN, 0.95);

    public LatencyGoal {
        if (!Double.isNaN(targetMs) && !(targetMs > 0 && targetMs < 1e7)) {
            throw new IllegalArgumentException("a latency target must be a positive number of milliseconds, got " + targetMs);
        }
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("the latency percentile must be between 0% and 100%, got " + percentile);
        }
    }

    public boolean isOn() {
        return !Double.isNaN(targetMs);
    }

    @Override
    public String toString() {
        return isOn() ? String.format(Locale.ROOT, "p%.0f TTFT under %,.0f ms", 100 * percentile, targetMs) : "no latency target";
    }
}
