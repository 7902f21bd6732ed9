package dev.switchyard.app.plan;

import java.util.Optional;

/**
 * The planner's answer to "what can we promise for this much a month?".
 *
 * @param maxTarget the highest target some deployable router keeps within the budget; NaN when none
 * @param answer the router that keeps it, with its spend and breach probability; empty when none
 */
public record BudgetResult(double monthlyBudget, double maxTarget, Optional<Candidate> answer, double seconds) {
}
