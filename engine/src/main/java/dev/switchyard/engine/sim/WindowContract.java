package dev.switchyard.engine.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a result says about the contract window (the scenario's SLA window): the chance that a window
 * breaches the target, and what the first window costs, since early learning is part of the contract.
 * Computed from the replications' day and window tallies (hidden truth, after the run).
 */
public final class WindowContract {
    private WindowContract() {
    }

    /**
     * Share of SLA windows (the scenario's window, partial last windows included) whose mean satisfaction
     * is below the target, over all replications; NaN when there is no window.
     */
    public static double windowBreachProbability(SimulationResult r) {
        long windows = 0;
        long breached = 0;
        for (ReplicationResult rep : r.replications()) {
            windows += rep.scenarioWindows().windows();
            breached += rep.scenarioWindows().windows() - rep.scenarioWindows().met();
        }
        return windows == 0 ? Double.NaN : (double) breached / windows;
    }

    /**
     * Mean cost per request (USD) in the first SLA window, over replications. Calendar windows are read
     * from the daily tallies; an N-request window from the days that hold its first N requests (the last
     * of them prorated, so the figure is exact when spend is even within that day).
     */
    public static double firstWindowCost(SimulationResult r) {
        double sum = 0;
        int n = 0;
        for (ReplicationResult rep : r.replications()) {
            double[] first = firstWindow(rep, r.scenario().window(), r.scenario().windowRequests());
            if (first[0] > 0) {
                sum += first[1] / first[0];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean cost per request (USD) after the first SLA window, over replications; NaN when the run has one window. */
    public static double laterWindowsCost(SimulationResult r) {
        double sum = 0;
        int n = 0;
        for (ReplicationResult rep : r.replications()) {
            double[] first = firstWindow(rep, r.scenario().window(), r.scenario().windowRequests());
            double rest = rep.representedRequests() - first[0];
            if (rest > 0.5) {
                sum += (rep.totalCost() - first[1]) / rest;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** {requests, cost} of the first window of one replication. */
    static double[] firstWindow(ReplicationResult rep, String window, long windowRequests) {
        double[] req = rep.dayRequests();
        double[] cost = rep.dayCost();
        int days = switch (window.toUpperCase(Locale.ROOT)) {
            case "DAY" -> 1;
            case "WEEK" -> 7;
            case "MONTH" -> Scenario.Volume.DAYS_PER_MONTH;
            default -> -1;
        };
        double n = 0;
        double c = 0;
        if (days > 0) {
            for (int d = 0; d < Math.min(days, req.length); d++) {
                n += req[d];
                c += cost[d];
            }
            return new double[] {n, c};
        }
        double want = Math.max(1, windowRequests);
        for (int d = 0; d < req.length && n < want; d++) {
            if (req[d] <= 0) {
                continue;
            }
            double take = Math.min(req[d], want - n);
            n += take;
            c += cost[d] * take / req[d];
        }
        return new double[] {n, c};
    }

    /**
     * A note when routing by category does not beat one model: the cheapest single model that met the
     * target on this run ({@code single}, the cheapest-meeting-target baseline on the same scenario) cost
     * no more than {@code routed}. Empty when routing is cheaper or no single model met the target.
     */
    public static Optional<String> singleModelNote(SimulationResult routed, SimulationResult single) {
        double tau = routed.scenario().target();
        if (single.meanSatisfaction().mean() < tau || routed.costPerRequest().mean() < single.costPerRequest().mean()) {
            return Optional.empty();
        }
        List<String> models = single.models().stream().filter(m -> m.requestShare().mean() > 0.5)
                .map(SimulationResult.ModelStats::model).toList();
        String model = models.isEmpty() ? "one model" : models.get(0);
        return Optional.of(String.format(Locale.ROOT,
                "routing by category does not beat a single model here: %s alone met the %.3f target (%.4f) at %.6f USD/request,"
                        + " %s pays %.6f; send all traffic to %s or give the router features that separate the requests",
                model, tau, single.meanSatisfaction().mean(), single.costPerRequest().mean(), routed.scenario().router(),
                routed.costPerRequest().mean(), model));
    }
}
