package dev.switchyard.engine.plan;

/**
 * What a hindsight bound (the SLA oracle) spends at a target: a theoretical floor no deployable
 * router can reach, so it carries no breach figure.
 *
 * @param router the bound's name ({@code sla-oracle})
 * @param target the SLA target
 * @param monthlySpend mean spend per month, USD
 * @param costPer1000 USD per 1,000 requests
 * @param meanSatisfaction satisfaction it reaches on the hidden truth
 */
public record FloorPoint(String router, double target, double monthlySpend, double costPer1000, double meanSatisfaction) {
}
