package dev.switchyard.app.negotiate;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Formats;

/**
 * What the negotiate screen shows: for each router, cost and breach probability across SLA
 * targets; the marginal cost of each extra point; and, for one router, compliance over a grid of
 * feedback rate x target.
 *
 * @param grid [feedbackRate][target]: the probability a month meets the target
 */
public record NegotiationResult(List<Point> curve, List<Double> gridTargets, List<Double> gridFeedbackRates,
                                String gridRouter, double[][] grid, List<TierPoint> tiers) {

    public NegotiationResult {
        curve = List.copyOf(curve);
        tiers = List.copyOf(tiers);
        gridTargets = List.copyOf(gridTargets);
        gridFeedbackRates = List.copyOf(gridFeedbackRates);
    }

    /** One router at one target. */
    public record Point(String router, String routerDisplayName, double target, double monthlySpend, double costPer1k,
                        double satisfaction, double breachProbability) {
    }

    /** The scenario's router at one target, for one SLA tier of the traffic (gold, silver, bronze...). */
    public record TierPoint(String tier, double target, double share, double satisfaction, double costPer1k) {
    }

    public List<String> tierNames() {
        return tiers.stream().map(TierPoint::tier).distinct().toList();
    }

    public DataTable tierTable() {
        List<List<String>> rows = new ArrayList<>();
        for (TierPoint t : tiers) {
            rows.add(List.of(t.tier(), Formats.plain(t.target()), Formats.plain(t.share()), Formats.plain(t.satisfaction()),
                    Formats.plain(t.costPer1k())));
        }
        return new DataTable("Per SLA tier (" + gridRouter + ")", List.of("tier", "target", "share of traffic",
                "satisfaction", "USD per 1000 requests"), rows);
    }

    public List<String> routers() {
        return curve.stream().map(Point::routerDisplayName).distinct().toList();
    }

    public List<Point> curveOf(String routerDisplayName) {
        return curve.stream().filter(p -> p.routerDisplayName().equals(routerDisplayName)).toList();
    }

    /** Extra monthly spend per extra SLA point between consecutive targets, per router. */
    public record Marginal(String routerDisplayName, double fromTarget, double toTarget, double perPointPerMonth,
                           double perPointPer1k) {
    }

    public List<Marginal> marginals() {
        List<Marginal> out = new ArrayList<>();
        for (String r : routers()) {
            List<Point> pts = curveOf(r);
            for (int i = 1; i < pts.size(); i++) {
                Point a = pts.get(i - 1);
                Point b = pts.get(i);
                double points = (b.target() - a.target()) * 100;
                if (points <= 0) {
                    continue;
                }
                out.add(new Marginal(r, a.target(), b.target(), (b.monthlySpend() - a.monthlySpend()) / points,
                        (b.costPer1k() - a.costPer1k()) / points));
            }
        }
        return out;
    }

    public DataTable curveTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Point p : curve) {
            rows.add(List.of(p.routerDisplayName(), Formats.plain(p.target()), Formats.plain(p.monthlySpend()),
                    Formats.plain(p.costPer1k()), Formats.plain(p.satisfaction()), Formats.plain(p.breachProbability())));
        }
        return new DataTable("Cost vs SLA target", List.of("router", "target", "monthly spend USD",
                "USD per 1000 requests", "satisfaction", "P(breached month)"), rows);
    }

    public DataTable marginalTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Marginal m : marginals()) {
            rows.add(List.of(m.routerDisplayName(), Formats.plain(m.fromTarget()), Formats.plain(m.toTarget()),
                    Formats.plain(m.perPointPerMonth()), Formats.plain(m.perPointPer1k())));
        }
        return new DataTable("Marginal cost per SLA point", List.of("router", "from target", "to target",
                "USD per month per point", "USD per 1000 requests per point"), rows);
    }

    public DataTable gridTable() {
        List<String> headers = new ArrayList<>();
        headers.add("feedback rate \\ target");
        gridTargets.forEach(t -> headers.add(Formats.plain(t)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < gridFeedbackRates.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(Formats.plain(gridFeedbackRates.get(i)));
            for (int j = 0; j < gridTargets.size(); j++) {
                row.add(Formats.plain(grid[i][j]));
            }
            rows.add(row);
        }
        return new DataTable("Compliance: feedback rate x target (" + gridRouter + ")", headers, rows);
    }
}
