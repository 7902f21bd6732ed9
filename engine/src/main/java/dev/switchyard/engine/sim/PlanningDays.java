package dev.switchyard.engine.sim;

/**
 * Which days of a run were scaled and how many requests each simulated (per day, or per (tier, day) tier-major),
 * so the planner can judge windows at their real request counts against any target (PlanningWindows).
 */
public record PlanningDays(boolean[] scaled, double[] simulated) {
}
