package dev.switchyard.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * Negotiate's quality x latency grid (issue 14): what the promise "satisfaction target tau per window <em>and</em> the
 * percentile of latency at most L per window" costs a month, for each (tau, L), with the cheapest router that keeps both.
 * Each row of L is its own negotiation (routers are told L and route differently), on the same paired stream.
 *
 * @param targets satisfaction targets, ascending
 * @param latenciesMs latency targets L in milliseconds, ascending
 * @param percentile the percentile every L constrains (e.g. 0.95)
 * @param metric the constrained latency, {@code ttft} or {@code total}
 * @param cells one per (L, tau), rows of L in order, each row's targets in order
 * @param seconds wall time
 */
public record LatencyGrid(List<Double> targets, List<Double> latenciesMs, double percentile, String metric, List<Cell> cells,
        double seconds) {

    public LatencyGrid {
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
     */
    public record Cell(double target, double latencyMs, PlanPoint best) {
        public boolean met() {
            return best.meetsSla();
        }

        /** Monthly spend of the recommended router, when one keeps the promise. */
        public Optional<Double> monthlySpend() {
            return met() ? Optional.of(best.monthlySpend()) : Optional.empty();
        }
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
