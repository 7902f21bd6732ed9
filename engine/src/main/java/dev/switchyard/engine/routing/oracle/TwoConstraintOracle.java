package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bound, not deployable: the SLA oracle under both terms of a contract, satisfaction >= tau and P(latency > L) <= 1 - p
 * per SLA tier (docs/decisions/1402-two-constraint-oracle.md). Routes each request with the choice {@link TwoConstraintFit}
 * made for its pool row in hindsight (its hidden score and its exceedance under the simulator's latency distributions),
 * so it meets both terms on the pool in expectation at the lowest cost a deterministic per-query rule can. Under a mix
 * shift it routes with a second fit on the post-shift mix from the shift on, as the one-constraint oracle does. Its state
 * also carries the bound at cell resolution (category x tier x prompt-length bucket), the floor for routers that route on
 * those features.
 */
public final class TwoConstraintOracle implements HindsightRouter {
    private final String name;
    private final TwoConstraintFit fit;
    private final TwoConstraintFit fitAfterShift;
    private final TwoConstraintFit cells;
    private final List<String> tiers;
    private boolean shifted;

    TwoConstraintOracle(String name, double tau, LatencyTarget latency, List<String> tiers, HindsightPool pool) {
        this.name = name;
        this.tiers = List.copyOf(tiers);
        this.fit = fitted(tau, latency, tiers, pool, TwoConstraintFit.Resolution.ROW);
        HindsightPool after = pool.afterMixShift();
        this.fitAfterShift = after == pool ? fit : fitted(tau, latency, tiers, after, TwoConstraintFit.Resolution.ROW);
        this.cells = fitted(tau, latency, tiers, pool, TwoConstraintFit.Resolution.CELL);
    }

    /** The fit for this pool, memoised by the pool (every replication and router of a scenario shares it). */
    public static TwoConstraintFit fitted(double tau, LatencyTarget latency, List<String> tiers, HindsightPool pool,
            TwoConstraintFit.Resolution resolution) {
        return pool.memo(List.of("two-constraint", tau, latency, List.copyOf(tiers), resolution),
                () -> TwoConstraintFit.fit(tau, latency, tiers, pool, resolution));
    }

    @Override
    public int route(RequestView request, HiddenTruth truth) {
        int row = truth.row();
        if (row < 0) {
            throw new IllegalStateException("the two-constraint SLA oracle needs the request's pool row from its hidden truth");
        }
        shifted = truth.afterMixShift();
        return (shifted ? fitAfterShift : fit).choice(row);
    }

    @Override
    public double multiplier() {
        return (shifted ? fitAfterShift : fit).lambda();
    }

    @Override
    public LearnedState exportState() {
        Map<String, Double> s = new LinkedHashMap<>();
        put(s, "", fit);
        if (fitAfterShift != fit) {
            put(s, "afterMixShift.", fitAfterShift);
        }
        put(s, "cells.", cells);
        return LearnedState.of(name, s);
    }

    private void put(Map<String, Double> s, String prefix, TwoConstraintFit f) {
        s.put(prefix + "lambda", f.lambda());
        for (int slot = 0; slot < f.slots(); slot++) {
            if (Double.isNaN(f.exceedance(slot))) {
                continue;
            }
            String tier = slot == 0 ? "untiered" : tiers.get(slot - 1);
            s.put(prefix + "latency." + tier + ".mu", f.mu(slot));
            s.put(prefix + "latency." + tier + ".exceedance", f.exceedance(slot));
        }
        s.put(prefix + "meanScore", f.meanScore());
        s.put(prefix + "meanNormalisedCost", f.meanCost());
        s.put(prefix + "dualBound", f.dualBound());
        s.put(prefix + "feasible", f.feasible() ? 1.0 : 0.0);
    }
}
