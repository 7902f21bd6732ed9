package dev.switchyard.engine.routing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a router has learned, as a plain value for the configuration export: scalars (lambda, Q,
 * eps_t, theta...) and per (category, model) estimates.
 *
 * @param router router name
 * @param scalars named numbers, e.g. {@code Q}, {@code lambda}, {@code epsilon}
 * @param estimates per cell and model: the satisfaction estimate and the evidence behind it
 */
public record LearnedState(String router, Map<String, Double> scalars, List<CellEstimate> estimates) {

    public LearnedState {
        scalars = java.util.Collections.unmodifiableMap(new TreeMap<>(scalars));
        estimates = List.copyOf(estimates);
    }

    public static LearnedState of(String router, Map<String, Double> scalars) {
        return new LearnedState(router, scalars, List.of());
    }

    /**
     * @param cell category name (or another cell label)
     * @param model model id
     * @param satisfaction estimated probability of a satisfying answer
     * @param served answers observed in this cell for this model
     * @param signals reports (one-sided) or labels (two-sided) received
     */
    public record CellEstimate(String cell, String model, double satisfaction, double served, double signals) {
    }
}
