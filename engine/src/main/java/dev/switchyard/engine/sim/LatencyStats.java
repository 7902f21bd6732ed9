package dev.switchyard.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A run's latency figures across replications (decision 1400): percentiles of time to first token and of total
 * latency (nearest-rank on the real-volume weighted requests, histogram buckets within 0.4%), the share of SLA
 * windows whose percentile of the constrained metric meets the latency target, and the share of requests a rate
 * limit sent to a fallback model.
 *
 * @param metric the constrained metric, {@code ttft} or {@code total}
 * @param targetMs L; +Infinity when the scenario names no latency target
 * @param percentile the target's percentile, e.g. 0.95
 * @param tierTargetsMs per-tier L by tier name
 * @param latencyP95Ms p95 of the constrained metric over the run
 * @param percentileMs the constrained metric at the target's percentile over the run
 * @param windowCompliance share of complete SLA windows meeting L (in every tier); NaN mean without a target
 * @param overTargetShare share of requests above their tier's L; NaN mean without a target
 * @param rateLimitedShare share of requests that a rate limit sent to the model's declared fallback
 * @param run ttft and total p50/p95/p99 over the run (replication means)
 * @param months per month (replication means)
 * @param tiers per SLA tier (replication means); empty when the sample has no tiers
 * @param windowPercentiles replication 0: the constrained metric's percentile per complete window (1.6% buckets)
 * @param notes where the latencies come from and what was assumed
 * @param overLimitShare share of requests served over a rate limit because their whole fallback chain was full
 *     (decision 1403)
 */
public record LatencyStats(String metric, double targetMs, double percentile, Map<String, Double> tierTargetsMs,
        Spread latencyP95Ms, Spread percentileMs, Spread windowCompliance, Spread overTargetShare, Spread rateLimitedShare,
        Quantiles run, List<MonthLatency> months, List<TierLatency> tiers, List<Double> windowPercentiles,
        List<String> notes, Spread overLimitShare) {

    public LatencyStats {
        tierTargetsMs = Map.copyOf(tierTargetsMs);
        months = List.copyOf(months);
        tiers = List.copyOf(tiers);
        windowPercentiles = List.copyOf(windowPercentiles);
        notes = List.copyOf(notes);
    }

    /** p50/p95/p99 of TTFT and total latency, milliseconds (NaN when nothing was served). */
    public record Quantiles(double ttftP50, double ttftP95, double ttftP99, double totalP50, double totalP95,
            double totalP99) {
    }

    /** One month's latency (1-based month). */
    public record MonthLatency(int month, Quantiles latency) {
    }

    /** One SLA tier's latency, its L and the share of its windows meeting it (NaN without a target). */
    public record TierLatency(String tier, double targetMs, Quantiles latency, double windowCompliance) {
    }

    /** True when the scenario names a latency target. */
    public boolean hasTarget() {
        return Double.isFinite(targetMs) || !tierTargetsMs.isEmpty();
    }

    static LatencyStats aggregate(Scenario s, List<String> tierNames, List<LatencyMetrics.Summary> reps, List<String> notes) {
        boolean total = s.latency().metric() == dev.switchyard.engine.routing.LatencyTarget.Metric.TOTAL;
        List<MonthLatency> months = new ArrayList<>();
        int nMonths = reps.get(0).perMonth().size();
        for (int mo = 0; mo < nMonths; mo++) {
            int month = mo;
            months.add(new MonthLatency(mo + 1, mean(reps, r -> r.perMonth().get(month))));
        }
        List<TierLatency> tiers = new ArrayList<>();
        for (int t = 0; t < reps.get(0).perTier().size(); t++) {
            int tier = t;
            tiers.add(new TierLatency(tierNames.get(t), s.latency().targetMs(tierNames.get(t)),
                    mean(reps, r -> r.perTier().get(tier)), Spread.of(reps.stream()
                            .mapToDouble(r -> r.tierWindowCompliance()[tier]).toArray()).mean()));
        }
        return new LatencyStats(total ? "total" : "ttft", s.latency().targetMs(), s.latency().percentile(),
                s.latency().tierTargetsMs(),
                spread(reps, r -> total ? r.run().totalP95() : r.run().ttftP95()),
                spread(reps, LatencyMetrics.Summary::constrainedPercentile),
                spread(reps, LatencyMetrics.Summary::windowCompliance),
                spread(reps, LatencyMetrics.Summary::overTargetShare),
                spread(reps, LatencyMetrics.Summary::rateLimitedShare),
                mean(reps, LatencyMetrics.Summary::run), months, tiers, reps.get(0).windowPercentiles(), notes,
                spread(reps, LatencyMetrics.Summary::overLimitShare));
    }

    private static Spread spread(List<LatencyMetrics.Summary> reps, ToDoubleFunction<LatencyMetrics.Summary> f) {
        return Spread.of(reps.stream().mapToDouble(f).toArray());
    }

    private static Quantiles mean(List<LatencyMetrics.Summary> reps, java.util.function.Function<LatencyMetrics.Summary, Quantiles> f) {
        List<Quantiles> q = reps.stream().map(f).toList();
        return new Quantiles(avg(q, Quantiles::ttftP50), avg(q, Quantiles::ttftP95), avg(q, Quantiles::ttftP99),
                avg(q, Quantiles::totalP50), avg(q, Quantiles::totalP95), avg(q, Quantiles::totalP99));
    }

    private static double avg(List<Quantiles> q, ToDoubleFunction<Quantiles> f) {
        return Spread.of(q.stream().mapToDouble(f).toArray()).mean();
    }
}
