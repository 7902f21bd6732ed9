package dev.switchyard.app.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latency term of the SLA as the Scenario screen sets it: "p95 time to first token under L ms", per tier where a
 * tier has its own L (the CLI's {@code --tier-latency TIER=L}), or off.
 *
 * @param targetMs L in milliseconds; NaN when the scenario has no default latency target (off, unless tiers have one)
 * @param percentile the percentile that must stay under L, in (0, 1), e.g. 0.95
 * @param tierTargetsMs an L of its own for some SLA tiers (gold -> 1200); the others use {@code targetMs}
 */
public record LatencyGoal(double targetMs, double percentile, Map<String, Double> tierTargetsMs) {
    public static final LatencyGoal OFF = new LatencyGoal(Double.NaN, 0.95);

    public LatencyGoal {
        if (!Double.isNaN(targetMs)) {
            requireMs(targetMs);
        }
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("the latency percentile must be between 0% and 100%, got " + percentile);
        }
        tierTargetsMs = tierTargetsMs == null ? Map.of() : Map.copyOf(new TreeMap<>(tierTargetsMs));
        for (Map.Entry<String, Double> e : tierTargetsMs.entrySet()) {
            try {
                requireMs(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("tier " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** One latency target for every tier. */
    public LatencyGoal(double targetMs, double percentile) {
        this(targetMs, percentile, Map.of());
    }

    static void requireMs(double ms) {
        if (!(ms > 0 && ms < 1e7)) {
            throw new IllegalArgumentException("a latency target must be a positive number of milliseconds, got " + ms);
        }
    }

    /** True when some request is held to a latency target (the default L, or a tier's own). */
    public boolean isOn() {
        return !Double.isNaN(targetMs) || !tierTargetsMs.isEmpty();
    }

    /** This goal with {@code tier}'s own L ({@code ms}), or without one ({@code ms} NaN: the tier uses the default L). */
    public LatencyGoal withTier(String tier, double ms) {
        Map<String, Double> next = new TreeMap<>(tierTargetsMs);
        if (Double.isNaN(ms)) {
            next.remove(tier);
        } else {
            next.put(tier, ms);
        }
        return new LatencyGoal(targetMs, percentile, next);
    }

    /** The L a tier is held to: its own, else the default (NaN: none). */
    public double targetMs(String tier) {
        Double own = tier == null ? null : tierTargetsMs.get(tier);
        return own != null ? own : targetMs;
    }

    @Override
    public String toString() {
        if (!isOn()) {
            return "no latency target";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "p%.0f TTFT", 100 * percentile));
        if (!Double.isNaN(targetMs)) {
            b.append(String.format(Locale.ROOT, " under %,.0f ms", targetMs));
        }
        String sep = Double.isNaN(targetMs) ? " under " : "; ";
        for (Map.Entry<String, Double> e : tierTargetsMs.entrySet()) {
            b.append(sep).append(String.format(Locale.ROOT, "%s %,.0f ms", e.getKey(), e.getValue()));
            sep = ", ";
        }
        return b.toString();
    }
}
