package dev.switchyard.app.negotiate;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Formats;

/**
 * What the negotiate screen shows, as the engine's planner computed it: for each router, cost and
 * breach probability across SLA targets; the theoretical floor; the marginal cost of each extra
 * point with its interval (paired runs); per-tier satisfaction for the scenario's router; and, for
 * that router, compliance over a grid of feedback rate x target.
 *
 * @param grid [feedbackRate][target]: the probability a contract window meets the target; null while partial
 * @param partial more points are coming (the curves fill in while the analysis runs)
 * @param ceiling the highest satisfaction any deployable router reached (NaN when unknown)
 */
public record NegotiationResult(List<Point> curve, List<Marginal> marginals, List<Double> gridTargets,
                                List<Double> gridFeedbackRates, String gridRouter, double[][] grid, List<TierPoint> tiers,
                                boolean partial, double ceiling, double seconds, String note) {

    public NegotiationResult {
        curve = List.copyOf(curve);
        marginals = List.copyOf(marginals);
        tiers = List.copyOf(tiers);
        gridTargets = List.copyOf(gridTargets);
        gridFeedbackRates = List.copyOf(gridFeedbackRates);
        note = note == null ? "" : note;
    }

    /**
     * One router at one target.
     *
     * @param bound an oracle reading the hidden truth: drawn as the theoretical floor, without breach figures
     * @param meetsSla keeps the target at the accepted breach risk
     * @param aim the target the router was set to for this point (the planner's cheapest margin that keeps it)
     * @param params the router's parameters as run: with {@code aim}, the setting the Scenario screen can show
     * @param breachLow lower end of the breach probability's 90% interval (NaN when unknown)
     * @param breachHigh upper end
     */
    public record Point(String router, String routerDisplayName, double target, double monthlySpend, double costPer1k,
                        double satisfaction, double breachProbability, boolean bound, boolean meetsSla, double aim,
                        java.util.Map<String, String> params, double breachLow, double breachHigh) {
        public Point {
            params = params == null ? java.util.Map.of() : java.util.Map.copyOf(params);
        }

        /** A point without its setting (the floor, test doubles). */
        public Point(String router, String routerDisplayName, double target, double monthlySpend, double costPer1k,
                     double satisfaction, double breachProbability, boolean bound, boolean meetsSla) {
            this(router, routerDisplayName, target, monthlySpend, costPer1k, satisfaction, breachProbability, bound, meetsSla,
                    target, java.util.Map.of(), Double.NaN, Double.NaN);
        }
    }

    /** The scenario's router at one contract target, for one SLA tier of the traffic. */
    public record TierPoint(String tier, double target, double tierTarget, double share, double satisfaction,
                            double breachProbability, boolean meetsTarget) {
    }

    /** Extra monthly spend per extra SLA point between two targets, from paired runs, with its 90% interval. */
    public record Marginal(String routerDisplayName, double fromTarget, double toTarget, double perPointPerMonth,
                           double low, double high) {
    }

    public List<String> tierNames() {
        return tiers.stream().map(TierPoint::tier).distinct().toList();
    }

    public List<String> routers() {
        return curve.stream().map(Point::routerDisplayName).distinct().toList();
    }

    /** The routers one could deploy (bounds left out), in the order swept. */
    public List<String> deployableRouters() {
        return curve.stream().filter(p -> !p.bound()).map(Point::routerDisplayName).distinct().toList();
    }

    /** The bounds (theoretical floors), in the order swept. */
    public List<String> bounds() {
        return curve.stream().filter(Point::bound).map(Point::routerDisplayName).distinct().toList();
    }

    public List<Point> curveOf(String routerDisplayName) {
        return curve.stream().filter(p -> p.routerDisplayName().equals(routerDisplayName)).toList();
    }

    /** The targets some point was computed at, ascending. */
    public List<Double> targets() {
        return curve.stream().map(Point::target).distinct().sorted().toList();
    }

    public DataTable tierTable() {
        List<List<String>> rows = new ArrayList<>();
        for (TierPoint t : tiers) {
            rows.add(List.of(t.tier(), Formats.tablePercent(t.target()), Formats.tablePercent(t.tierTarget()),
                    Formats.tablePercent(t.share()), Formats.tablePercent(t.satisfaction()),
                    Formats.tablePercent(t.breachProbability()), t.meetsTarget() ? "met" : "below target"));
        }
        return new DataTable("Per SLA tier (" + gridRouter + ")", List.of("tier", "contract target", "tier target",
                "share of traffic", "satisfaction", "share of windows breached", "status"), rows);
    }

    public DataTable curveTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Point p : curve) {
            rows.add(List.of(p.routerDisplayName() + (p.bound() ? " (theoretical floor)" : ""), Formats.tablePercent(p.target()),
                    Formats.tableUsd(p.monthlySpend()), Formats.tableUsd(p.costPer1k()), Formats.tablePercent(p.satisfaction()),
                    p.bound() ? "n/a (bound)" : Formats.tablePercent(p.breachProbability()),
                    p.bound() ? "n/a (bound)" : p.meetsSla() ? "yes" : "no"));
        }
        return new DataTable("Cost vs SLA target", List.of("router", "target", "monthly spend USD",
                "USD per 1000 requests", "satisfaction", "share of windows breached", "keeps the promise"), rows);
    }

    public DataTable marginalTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Marginal m : marginals) {
            rows.add(List.of(m.routerDisplayName(), Formats.tablePercent(m.fromTarget()), Formats.tablePercent(m.toTarget()),
                    Formats.tableUsd(m.perPointPerMonth()), Formats.tableUsd(m.low()), Formats.tableUsd(m.high())));
        }
        return new DataTable("Marginal cost per SLA point", List.of("router", "from target", "to target",
                "USD per month per point", "90% interval low", "90% interval high"), rows);
    }

    public DataTable gridTable() {
        List<String> headers = new ArrayList<>();
        headers.add("share of bad answers reported \\ target");
        gridTargets.forEach(t -> headers.add(Formats.tablePercent(t)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; grid != null && i < gridFeedbackRates.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(Formats.tablePercent(gridFeedbackRates.get(i)));
            for (int j = 0; j < gridTargets.size(); j++) {
                row.add(Formats.tablePercent(grid[i][j]));
            }
            rows.add(row);
        }
        return new DataTable("Compliance: feedback rate x target (" + gridRouter + ")", headers, rows);
    }
}
