package dev.switchyard.engine.plan;

import java.util.Map;

/**
 * The latency term of one judged setting (decision 1404): what the contract asks and how the run kept it. A window
 * keeps the whole promise only when both its satisfaction and its latency term hold; these figures say how much of a
 * breach is latency's doing.
 *
 * @param metric the constrained metric, {@code ttft} (time to first token) or {@code total}
 * @param targetMs L in milliseconds for tiers without their own; NaN when only tiers have one
 * @param percentile the target's percentile, e.g. 0.95
 * @param tierTargetsMs per-tier L
 * @param latencyP95Ms p95 of the constrained metric over the run (mean over replications; a timeline cut into
 *     stretches: the stretches' mean)
 * @param percentileMs the constrained metric at the contract's percentile over the run, same averaging
 * @param windowCompliance share of judged contract windows whose latency term held (every tier with an L)
 * @param windowsJudged contract windows the latency term was judged on (pooled over replications)
 * @param qualityBreachProbability share of contract windows below the satisfaction target, latency left aside
 */
public record PlanLatency(String metric, double targetMs, double percentile, Map<String, Double> tierTargetsMs,
        double latencyP95Ms, double percentileMs, double windowCompliance, int windowsJudged, double qualityBreachProbability) {

    public PlanLatency {
        tierTargetsMs = Map.copyOf(tierTargetsMs);
    }

    /** The share of judged windows whose latency term did not hold. */
    public double latencyBreachProbability() {
        return Double.isNaN(windowCompliance) ? Double.NaN : 1 - windowCompliance;
    }

    /** The contract's latency term in words, e.g. "p95 time to first token at most 2,000 ms" (tiers included). */
    public String describe() {
        String what = (metric.equals("total") ? "total latency" : "time to first token");
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "p%s %s", pct(percentile), what));
        if (!Double.isNaN(targetMs)) {
            b.append(String.format(java.util.Locale.ROOT, " at most %,.0f ms", targetMs));
        }
        if (!tierTargetsMs.isEmpty()) {
            b.append(Double.isNaN(targetMs) ? " at most" : ";");
            new java.util.TreeMap<>(tierTargetsMs).forEach((t, l) -> b.append(String.format(java.util.Locale.ROOT, " %s %,.0f ms", t, l)));
        }
        return b.toString();
    }

    private static String pct(double p) {
        double v = 100 * p;
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
