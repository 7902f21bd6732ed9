package dev.switchyard.app.plan;

import java.util.List;
import java.util.Optional;

/**
 * The planner's answer to "which router, at what cost, keeps this promise?", shaped for the
 * Scenario screen's recommendation panel.
 *
 * @param recommended the cheapest candidate that keeps the promise; empty when none does
 * @param candidates every router tried, the recommendation first
 * @param ceiling the highest satisfaction any deployable router reached (targets above cannot be promised)
 * @param floorMonthlySpend what the theoretical floor (a hindsight bound) spends; NaN when not run
 * @param events the price and catalog changes these figures include, in words, with their first month
 * @param seconds wall time of the analysis
 * @param note how the figures were computed, in words
 */
public record Advice(double target, String window, double maxBreach, Optional<Candidate> recommended,
                     List<Candidate> candidates, double ceiling, String ceilingRouter, double floorMonthlySpend,
                     List<Event> events, double seconds, long seed, String engineVersion, String note) {

    public Advice {
        candidates = List.copyOf(candidates);
        events = List.copyOf(events);
    }

    /** A timeline event: the month it starts and what it is. */
    public record Event(int fromMonth, String description) {
    }

    /** The candidates that lost, each with its reason (cheaper but breaching, or dearer). */
    public List<Candidate> others() {
        return candidates.stream().filter(c -> recommended.map(r -> !r.router().equals(c.router())).orElse(true)).toList();
    }
}
