package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.plan.BudgetAnswer;
import dev.switchyard.engine.plan.FloorPoint;
import dev.switchyard.engine.sim.Interval;
import dev.switchyard.engine.plan.MarginalCost;
import dev.switchyard.engine.plan.Negotiation;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.plan.TierFigure;
import dev.switchyard.engine.plan.TimelineEvent;
import java.util.List;
import java.util.Map;

/** The planner commands' JSON: contract fields first ({@code recommended}, {@code points}, {@code maxTarget}...), then detail. */
final class PlanJson {
    private PlanJson() {
    }

    static ObjectNode recommendation(Recommendation r) {
        ObjectNode root = Json.mapper().createObjectNode();
        if (r.recommended().isPresent()) {
            root.set("recommended", point(r.recommended().get(), false));
        } else {
            root.putNull("recommended");
        }
        ArrayNode cands = root.putArray("candidates");
        for (PlanPoint p : r.candidates()) {
            cands.add(point(p, true));
        }
        num(root, "ceiling", r.ceiling());
        root.put("ceilingRouter", r.ceilingRouter());
        root.put("target", r.target());
        root.put("window", r.window());
        root.put("maxBreach", r.maxBreach());
        if (r.floor().isPresent()) {
            root.set("floor", floor(r.floor().get()));
        } else {
            root.putNull("floor");
        }
        events(root, r.events());
        root.put("seconds", r.seconds());
        root.put("seed", r.seed());
        root.put("engineVersion", r.engineVersion());
        root.put("note", r.note());
        root.put("provisional", r.provisional());
        return root;
    }

    static ObjectNode negotiation(Negotiation n) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode pts = root.putArray("points");
        for (PlanPoint p : n.points()) {
            pts.add(point(p, true));
        }
        ObjectNode marginal = root.putObject("marginalCostPerPoint");
        ObjectNode intervals = root.putObject("marginalCostPerPointInterval");
        for (MarginalCost m : n.marginal()) {
            num(marginal, m.router(), m.perPoint());
            interval(intervals, m.router(), m.interval());
        }
        root.put("seconds", n.seconds());
        ArrayNode targets = root.putArray("targets");
        n.targets().forEach(targets::add);
        ArrayNode marg = root.putArray("marginalCosts");
        for (MarginalCost m : n.marginal()) {
            marg.add(marginal(m));
        }
        ArrayNode steps = root.putArray("marginalCostSteps");
        for (MarginalCost m : n.steps()) {
            steps.add(marginal(m));
        }
        ArrayNode floor = root.putArray("floor");
        for (FloorPoint f : n.floor()) {
            floor.add(floor(f));
        }
        num(root, "ceiling", n.ceiling());
        events(root, n.events());
        root.put("note", n.note());
        return root;
    }

    /**
     * Negotiate's quality x latency grid: {@code targets}, {@code latencyTargetsMs}, {@code latencyPercentile},
     * {@code latencyMetric}, {@code latencyGridTier} (the tier whose L the rows set; empty: the default L),
     * {@code heldLatencyTargetMs} (the default L held when a tier is named; null otherwise or when none),
     * {@code heldTierLatencyTargetsMs} (the tiers' own Ls held), {@code rows} (the same in words), {@code cells} [{@code target}, {@code latencyTargetMs}, {@code meetsSla}, {@code router},
     * {@code routerLatencyTargetMs} (the L that router is told: a tighter row's when that keeps this cell for less),
     * {@code monthlySpend} (null when no router keeps both terms), {@code reason} (why not, for the closest router),
     * {@code point} (that router's full figures)], {@code seconds}.
     */
    static ObjectNode latencyGrid(dev.switchyard.engine.plan.LatencyGrid g) {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode ts = o.putArray("targets");
        g.targets().forEach(ts::add);
        ArrayNode ls = o.putArray("latencyTargetsMs");
        g.latenciesMs().forEach(ls::add);
        o.put("latencyPercentile", g.percentile());
        o.put("latencyMetric", g.metric());
        o.put("latencyGridTier", g.tier());
        num(o, "heldLatencyTargetMs", g.heldDefaultMs());
        ObjectNode held = o.putObject("heldTierLatencyTargetsMs");
        new java.util.TreeMap<>(g.heldTierTargetsMs()).forEach(held::put);
        o.put("rows", g.rowsSay());
        ArrayNode cells = o.putArray("cells");
        for (dev.switchyard.engine.plan.LatencyGrid.Cell c : g.cells()) {
            ObjectNode co = cells.addObject();
            co.put("target", c.target());
            co.put("latencyTargetMs", c.latencyMs());
            co.put("meetsSla", c.met());
            co.put("router", c.best().router());
            co.put("routerLatencyTargetMs", c.routerLatencyMs());
            num(co, "monthlySpend", c.met() ? c.best().monthlySpend() : Double.NaN);
            if (!c.met()) {
                co.put("reason", c.best().reason());
            }
            co.set("point", point(c.best(), true));
        }
        o.put("seconds", g.seconds());
        return o;
    }

    static ObjectNode budget(BudgetAnswer b) {
        ObjectNode root = Json.mapper().createObjectNode();
        num(root, "maxTarget", b.maxTarget());
        PlanPoint p = b.point().orElse(null);
        if (p != null) {
            root.put("router", p.router());
            num(root, "monthlySpend", p.monthlySpend());
            num(root, "breachProbability", p.breachProbability());
            interval(root, "breachProbabilityInterval", p.breachInterval());
            root.set("params", params(p.params()));
            num(root, "aimTarget", p.aimTarget());
            num(root, "costPer1000", p.costPer1000());
            num(root, "meanSatisfaction", p.meanSatisfaction());
        } else {
            root.putNull("router");
            root.putNull("monthlySpend");
            root.putNull("breachProbability");
        }
        root.put("monthlyBudget", b.monthlyBudget());
        if (b.answer().isPresent()) {
            root.set("recommendation", recommendation(b.answer().get()));
        }
        root.put("seconds", b.seconds());
        return root;
    }

    static ObjectNode point(PlanPoint p, boolean withVerdict) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("router", p.router());
        o.set("params", params(p.params()));
        num(o, "monthlySpend", p.monthlySpend());
        num(o, "costPer1000", p.costPer1000());
        num(o, "meanSatisfaction", p.meanSatisfaction());
        num(o, "breachProbability", p.breachProbability());
        num(o, "target", p.target());
        if (withVerdict) {
            o.put("meetsSla", p.meetsSla());
            if (!p.meetsSla()) {
                o.put("reason", p.reason());
            }
        }
        o.put("displayName", p.displayName());
        num(o, "aimTarget", p.aimTarget());
        interval(o, "breachProbabilityInterval", p.breachInterval());
        o.put("windows", p.windows());
        num(o, "monthlySpendP10", p.monthlySpendSpread().p10());
        num(o, "monthlySpendP90", p.monthlySpendSpread().p90());
        o.put("reconstructed", p.reconstructed());
        ArrayNode tiers = o.putArray("tiers");
        for (TierFigure t : p.tiers()) {
            ObjectNode to = tiers.addObject();
            to.put("tier", t.tier());
            to.put("target", t.target());
            to.put("ownTarget", t.ownTarget());
            num(to, "requestShare", t.requestShare());
            num(to, "meanSatisfaction", t.meanSatisfaction());
            num(to, "breachProbability", t.breachProbability());
            interval(to, "breachProbabilityInterval", t.breachInterval());
            to.put("meetsTarget", t.meetsTarget());
        }
        ArrayNode months = o.putArray("monthSpend");
        p.monthSpend().forEach(months::add);
        latency(o, p.latency());
        return o;
    }

    /**
     * The latency term next to the contract fields (decision 1404): {@code latencyTargetMs}, {@code latencyPercentile},
     * {@code latencyP95Ms}, {@code latencyWindowCompliance} (share of contract windows whose latency term held),
     * {@code qualityBreachProbability} (windows below the satisfaction target, latency aside); all null without a
     * latency term. {@code breachProbability} then counts a window breached when either term fails.
     */
    static void latency(ObjectNode o, dev.switchyard.engine.plan.PlanLatency l) {
        if (l == null) {
            o.putNull("latencyTargetMs");
            o.putNull("latencyPercentile");
            o.putNull("latencyP95Ms");
            o.putNull("latencyWindowCompliance");
            return;
        }
        num(o, "latencyTargetMs", l.targetMs());
        num(o, "latencyPercentile", l.percentile());
        num(o, "latencyP95Ms", l.latencyP95Ms());
        num(o, "latencyWindowCompliance", l.windowCompliance());
        o.put("latencyMetric", l.metric());
        ObjectNode tiers = o.putObject("latencyTierTargetsMs");
        new java.util.TreeMap<>(l.tierTargetsMs()).forEach(tiers::put);
        num(o, "latencyPercentileMs", l.percentileMs());
        num(o, "latencyBreachProbability", l.latencyBreachProbability());
        num(o, "qualityBreachProbability", l.qualityBreachProbability());
        o.put("latencyWindowsJudged", l.windowsJudged());
    }

    private static ObjectNode floor(FloorPoint f) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("router", f.router());
        o.put("target", f.target());
        num(o, "monthlySpend", f.monthlySpend());
        num(o, "costPer1000", f.costPer1000());
        num(o, "meanSatisfaction", f.meanSatisfaction());
        o.put("bound", true);
        o.put("note", "theoretical floor: reads the hidden truth, not deployable; no breach figure");
        return o;
    }

    private static ObjectNode marginal(MarginalCost m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("router", m.router());
        o.put("fromTarget", m.fromTarget());
        o.put("toTarget", m.toTarget());
        num(o, "perPoint", m.perPoint());
        interval(o, "interval", m.interval());
        return o;
    }

    private static ObjectNode params(Map<String, String> params) {
        ObjectNode o = Json.mapper().createObjectNode();
        new java.util.TreeMap<>(params).forEach(o::put);
        return o;
    }

    private static void events(ObjectNode root, List<TimelineEvent> events) {
        ArrayNode a = root.putArray("events");
        for (TimelineEvent e : events) {
            ObjectNode o = a.addObject();
            o.put("kind", e instanceof TimelineEvent.PriceChange ? "price-change"
                    : e instanceof TimelineEvent.PriceSheetFrom ? "price-sheet"
                    : e instanceof TimelineEvent.ModelJoins ? "model-joins" : "model-leaves");
            o.put("fromMonth", e.fromMonth());
            o.put("description", e.describe());
        }
    }

    /** NaN and infinities as null: JSON has no NaN. */
    static void num(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static void interval(ObjectNode o, String key, Interval iv) {
        if (iv == null || !iv.defined()) {
            o.putNull(key);
        } else {
            o.putArray(key).add(iv.low()).add(iv.high());
        }
    }
}
