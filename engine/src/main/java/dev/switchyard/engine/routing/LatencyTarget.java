package dev.switchyard.engine.routing;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latency term of an SLA, as a router is told it: the {@code percentile} of the chosen latency
 * {@link Metric} must stay at or below {@code targetMs} (so P(latency > L) <= 1 - percentile), per SLA
 * window like the quality term. Tiers named in {@code tierTargetsMs} have their own L (gold can be
 * tighter than bronze); other tiers use {@code targetMs}. {@link #none()} when the contract names no
 * latency (routers then ignore latency altogether).
 *
 * @param metric which latency is judged (time to first token by default: it is what users feel and it
 *        depends on the prompt, which the router sees, not on the answer's length, which it does not)
 * @param targetMs L in milliseconds; {@code +Infinity} for no target
 * @param percentile in (0, 1), e.g. 0.95 for "p95 under L"
 * @param tierTargetsMs per-tier L by tier name (may be empty)
 */
public record LatencyTarget(Metric metric, double targetMs, double percentile, Map<String, Double> tierTargetsMs) {

    /** Which latency a target constrains. */
    public enum Metric {
        /** Time to first token. */
        TTFT,
        /** Time to the last token (the whole answer). */
        TOTAL;

        public static Metric parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown latency metric '" + s + "'; expected ttft or total");
            }
        }
    }

    public static final double DEFAULT_PERCENTILE = 0.95;

    public LatencyTarget {
        if (metric == null) {
            metric = Metric.TTFT;
        }
        if (Double.isNaN(targetMs) || targetMs <= 0) {
            throw new IllegalArgumentException("latency target must be a number of milliseconds > 0, got " + targetMs);
        }
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("latency percentile must be in (0, 1), e.g. 0.95; got " + percentile);
        }
        TreeMap<String, Double> copy = new TreeMap<>();
        if (tierTargetsMs != null) {
            tierTargetsMs.forEach((tier, l) -> {
                if (tier == null || tier.isBlank()) {
                    throw new IllegalArgumentException("a per-tier latency target needs a tier name");
                }
                if (l == null || Double.isNaN(l) || l <= 0) {
                    throw new IllegalArgumentException("latency target of tier '" + tier + "' must be > 0 ms, got " + l);
                }
                copy.put(tier, l);
            });
        }
        tierTargetsMs = Map.copyOf(copy);
    }

    /** No latency term: every router behaves as before latency existed. */
    public static LatencyTarget none() {
        return new LatencyTarget(Metric.TTFT, Double.POSITIVE_INFINITY, DEFAULT_PERCENTILE, Map.of());
    }

    /** A single L for every tier. */
    public static LatencyTarget of(double targetMs, double percentile) {
        return new LatencyTarget(Metric.TTFT, targetMs, percentile, Map.of());
    }

    /** True when some tier has a finite L. */
    public boolean isActive() {
        return Double.isFinite(targetMs) || !tierTargetsMs.isEmpty();
    }

    /** L for a tier by name ({@code null} or unknown tier: the default L). */
    public double targetMs(String tier) {
        if (tier == null) {
            return targetMs;
        }
        Double l = tierTargetsMs.get(tier);
        return l == null ? targetMs : l;
    }
}
