package dev.switchyard.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * The answer to "what can we promise for this much a month?".
 *
 * @param monthlyBudget USD per month
 * @param maxTarget the highest target (on a 0.5-point grid) some router keeps within the budget; NaN when none
 * @param answer the recommendation at {@code maxTarget} (router, spend, breach); empty when none
 * @param seconds wall time
 */
public record BudgetAnswer(double monthlyBudget, double maxTarget, Optional<Recommendation> answer, List<TimelineEvent> events,
        double seconds) {

    public BudgetAnswer {
        events = List.copyOf(events);
    }

    /** The recommended point at the max target, when there is one. */
    public Optional<PlanPoint> point() {
        return answer.flatMap(Recommendation::recommended);
    }
}
