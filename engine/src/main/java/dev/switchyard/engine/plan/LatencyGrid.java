package dev.switchyard.engine.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Negotiate's quality x latency grid (issue 14): what the promise "satisfaction target tau per window <em>and</em> the
 * percentile of latency at most L per window" costs a month, for each (tau, L), with the cheapest router that keeps both.
 * Each row of L is its own negotiation (routers are told L and route differently), on the same paired stream. A row's L
 * is the default one (every tier without an L of its own) or one named tier's; the rest of the scenario's latency term
 * is held as it is (decision 1430).
 *
 * @param targets satisfaction targets, ascending
 * @param latenciesMs latency targets L in milliseconds, ascending
 * @param percentile the percentile every L constrains (e.g. 0.95)
 * @param metric the constrained latency, {@code ttft} or {@code total}
 * @param tier the SLA tier whose L the rows set; empty when they set the default L (every tier without its own)
 * @param heldDefaultMs when {@code tier} is named, the default L the other tiers keep ({@code +Infinity}: none); NaN when
 *     the rows set the default L
 * @param heldTierTargetsMs the tiers' own Ls held in every row (the row's tier excluded)
 * @param cells one per (L, tau), rows of L in order, each row's targets in order
 * @param seconds wall time
 */
public record LatencyGrid(List<Double> targets, List<Double> latenciesMs, double percentile, String metric, String tier,
        double heldDefaultMs, Map<String, Double> heldTierTargetsMs, List<Cell> cells, double seconds) {

    public LatencyGrid {
        tier = tier == null ? "" : tier;
        heldTierTargetsMs = Map.copyOf(heldTierTargetsMs);
        targets = List.copyOf(targets);
        latenciesMs = List.copyOf(latenciesMs);
        cells = List.copyOf(cells);
    }

    /**
     * One (tau, L) cell.
     *
     * @param target the satisfaction target
     * @param latencyMs L
     * @param best the cheapest router point keeping both terms; when no router does, the one that came closest
     *     (highest latency-window compliance, then satisfaction) with its reason
     * @param routerLatencyMs the L the router of {@code best} is told (configured with): {@code latencyMs}, or a tighter
     *     row's L when that configuration keeps this cell's promise for less (a p95 under the tighter L is under this one
     *     too, so a looser L never costs more; decision 1430)
     */
    public record Cell(double target, double latencyMs, PlanPoint best, double routerLatencyMs) {
        public Cell(double target, double latencyMs, PlanPoint best) {
            this(target, latencyMs, best, latencyMs);
        }

        /** True when the router is configured with a tighter L than this cell's. */
        public boolean toldTighter() {
            return routerLatencyMs < latencyMs;
        }

        public boolean met() {
            return best.meetsSla();
        }

        /** Monthly spend of the recommended router, when one keeps the promise. */
        public Optional<Double> monthlySpend() {
            return met() ? Optional.of(best.monthlySpend()) : Optional.empty();
        }
    }

    /**
     * What a row's L is, in words for the screen and the CLI: "L is every tier's", "L holds every tier without its own;
     * held: gold 1,200 ms", "L is gold's; held: other tiers 2,000 ms, silver 3,000 ms".
     */
    public String rowsSay() {
        StringBuilder b = new StringBuilder();
        if (tier.isEmpty()) {
            b.append(heldTierTargetsMs.isEmpty() ? "L is every tier's" : "L holds every tier without its own");
        } else {
            b.append("L is ").append(tier).append("'s");
        }
        List<String> kept = new java.util.ArrayList<>();
        if (!tier.isEmpty()) {
            kept.add(Double.isFinite(heldDefaultMs) ? "other tiers " + ms(heldDefaultMs) : "other tiers no target");
        }
        new java.util.TreeMap<>(heldTierTargetsMs).forEach((t, l) -> kept.add(t + " " + ms(l)));
        if (!kept.isEmpty()) {
            b.append("; held: ").append(String.join(", ", kept));
        }
        return b.toString();
    }

    private static String ms(double v) {
        return String.format(java.util.Locale.ROOT, "%,.0f ms", v);
    }

    /** The cell at (tau, L), when asked for. */
    public Optional<Cell> cell(double target, double latencyMs) {
        return cells.stream().filter(c -> Math.abs(c.target() - target) < 1e-9 && Math.abs(c.latencyMs() - latencyMs) < 1e-6)
                .findFirst();
    }

    /** A row's cells as soon as that latency's negotiation is done (for a screen that fills in). */
    public interface Listener {
        Listener NONE = (latencyMs, row) -> { };

        void rowDone(double latencyMs, List<Cell> row);
    }
}
