package dev.switchyard.app.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One router as the planner judged it at a contract target: its cheapest setting that keeps the
 * promise, or the one that came closest and why it fails. Figures come from the engine's planner,
 * never recomputed by the app.
 *
 * @param aimTarget the target the router itself was set to (above the contract target when a margin was needed)
 * @param breachProbability share of contract windows below the target
 * @param breachLow lower end of its 90% interval (NaN when unknown)
 * @param breachHigh upper end of its 90% interval (NaN when unknown)
 * @param reason why it does not keep the promise, in words; empty when it does
 * @param monthSpend mean spend of each month (month 1 first)
 */
public record Candidate(String router, String displayName, Map<String, String> params, double aimTarget, double target,
                        double monthlySpend, double costPer1k, double satisfaction, double breachProbability,
                        double breachLow, double breachHigh, boolean meetsSla, String reason, List<Tier> tiers,
                        List<Double> monthSpend, boolean reconstructed) {

    public Candidate {
        params = Map.copyOf(params);
        reason = reason == null ? "" : reason;
        tiers = List.copyOf(tiers);
        monthSpend = List.copyOf(monthSpend);
    }

    /**
     * The cheapest of {@code candidates} that keeps the promise (the engine planner's rule for its recommendation, applied
     * to the routers judged so far while the analysis runs); empty when none does. The first on a tie.
     */
    public static Optional<Candidate> cheapestKeeping(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.meetsSla() && (best == null || c.monthlySpend() < best.monthlySpend())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One SLA tier against its own target (the contract's when it has none). */
    public record Tier(String name, double target, boolean ownTarget, double share, double satisfaction,
                       double breachProbability, boolean meetsTarget) {
    }
}
