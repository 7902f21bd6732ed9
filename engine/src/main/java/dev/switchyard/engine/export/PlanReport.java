package dev.switchyard.engine.export;

import dev.switchyard.engine.plan.FloorPoint;
import dev.switchyard.engine.plan.MarginalCost;
import dev.switchyard.engine.plan.Negotiation;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.plan.TierFigure;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.plan.Timelines;
import dev.switchyard.engine.sim.Scenario;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The planner's answers at the top of the report, in words a finance reader uses: the recommendation,
 * the alternatives and why they lose, what a higher target costs, and each customer tier. Dates are
 * calendar dates; no parameter name appears without its meaning.
 *
 * @param recommendation the recommendation for the report's scenario
 * @param negotiation what several targets cost (e.g. 90%, 95%, 99%), or empty
 */
public record PlanReport(Recommendation recommendation, Optional<Negotiation> negotiation) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * The planner's answers for {@code s}: its recommendation and what {@code targets} cost with the routers
     * that came closest (the recommendation's first {@code routers} candidates).
     */
    public static PlanReport compute(Scenario s, java.util.Collection<Double> targets, int routers)
            throws dev.switchyard.engine.pricing.CostTable.UnpricedModelsException {
        dev.switchyard.engine.plan.Planner planner = dev.switchyard.engine.plan.Planner.standard();
        dev.switchyard.engine.plan.PlanOptions o = dev.switchyard.engine.plan.PlanOptions.defaults();
        Recommendation r = planner.recommend(s, o, dev.switchyard.engine.sim.RunControl.NONE,
                dev.switchyard.engine.plan.PlanListener.NONE);
        java.util.TreeSet<Double> ts = new java.util.TreeSet<>(targets);
        ts.add(s.sla().target());
        List<String> top = r.candidates().stream().limit(Math.max(1, routers)).map(PlanPoint::router).toList();
        Negotiation n = planner.negotiate(s, List.copyOf(ts), o.withRouters(top).withProbeCeiling(false),
                dev.switchyard.engine.sim.RunControl.NONE, dev.switchyard.engine.plan.PlanListener.NONE);
        return new PlanReport(r, Optional.of(n));
    }

    String render(Scenario s) {
        StringBuilder h = new StringBuilder(8 * 1024);
        Recommendation r = recommendation;
        LocalDate start = Timelines.start(s);
        LocalDate end = Timelines.firstDay(s, s.volume().months() + 1).minusDays(1);
        String promise = HtmlReport.pct(r.target()) + " of requests answered to the user's satisfaction in every "
                + r.window() + ", with at most a " + HtmlReport.pct(r.maxBreach()) + " chance that any one " + r.window()
                + " falls short";
        h.append("<section class=\"plan\"><h2>Recommendation</h2>\n");
        h.append("<p>Promise: ").append(HtmlReport.esc(promise)).append(", from ").append(DATE.format(start)).append(" to ")
                .append(DATE.format(end)).append(", at ").append(HtmlReport.esc(String.format(Locale.ROOT, "%,d", s.volume().requestsPerMonth())))
                .append(" requests a month.</p>\n");
        if (r.recommended().isPresent()) {
            PlanPoint p = r.recommended().get();
            h.append("<p class=\"lead\"><strong>").append(HtmlReport.esc(p.displayName())).append("</strong> keeps this promise for <strong>")
                    .append(HtmlReport.money(p.monthlySpend())).append(" a month</strong> (a typical month between ")
                    .append(HtmlReport.money(p.monthlySpendSpread().p10())).append(" and ").append(HtmlReport.money(p.monthlySpendSpread().p90()))
                    .append("), ").append(HtmlReport.money(p.costPer1000())).append(" per 1,000 requests. ")
                    .append(HtmlReport.esc(breachWords(p, r.window()))).append("</p>\n");
            if (p.aimTarget() > p.target() + 1e-9) {
                h.append("<p>It is set to aim at ").append(HtmlReport.pct(p.aimTarget()))
                        .append(", above the promise, so that a bad ").append(HtmlReport.esc(r.window()))
                        .append(" stays rare; that margin is included in the cost.</p>\n");
            }
            if (p.reconstructed()) {
                h.append("<p class=\"warn\">").append(HtmlReport.esc(p.displayName()))
                        .append(" is rebuilt from its paper's description, not the authors' code.</p>\n");
            }
        } else {
            h.append("<p class=\"warn\">No router that can be deployed keeps this promise. The closest are below; the highest")
                    .append(" satisfaction any of them reached is ").append(HtmlReport.pct(r.ceiling())).append(".</p>\n");
        }
        r.floor().ifPresent(f -> h.append("<p class=\"note\">Theoretical floor: a router that knew every answer's quality in advance")
                .append(" would spend ").append(HtmlReport.money(f.monthlySpend()))
                .append(" a month. No real router can reach it; it shows how much room is left.</p>\n"));
        if (!r.events().isEmpty()) {
            h.append("<p>Changes on the timeline included in these figures:</p>\n<ul>\n");
            for (TimelineEvent e : r.events()) {
                h.append("<li>").append(HtmlReport.esc(eventWords(s, e))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");

        h.append("<section><h2>Alternatives</h2>\n<table><tr><th>Router</th><th>Spend a month</th><th>Satisfied</th>")
                .append("<th>Chance a ").append(HtmlReport.esc(r.window())).append(" falls short</th><th>Verdict</th></tr>\n");
        for (PlanPoint p : r.candidates()) {
            h.append("<tr><td>").append(HtmlReport.esc(p.displayName())).append("</td><td class=\"num\">")
                    .append(HtmlReport.money(p.monthlySpend())).append("</td><td class=\"num\">").append(HtmlReport.pct(p.meanSatisfaction()))
                    .append("</td><td class=\"num\">").append(chance(p)).append("</td><td>")
                    .append(HtmlReport.esc(p.meetsSla() ? "keeps the promise" : "does not: " + p.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");

        negotiation.ifPresent(n -> {
            h.append("<section><h2>What a higher target costs</h2>\n<table><tr><th>Router</th>");
            for (double t : n.targets()) {
                h.append("<th>").append(HtmlReport.pct(t)).append("</th>");
            }
            h.append("<th>One more point costs</th></tr>\n");
            for (String router : n.points().stream().map(PlanPoint::router).distinct().toList()) {
                List<PlanPoint> curve = n.curve(router);
                h.append("<tr><td>").append(HtmlReport.esc(curve.get(0).displayName())).append("</td>");
                for (PlanPoint p : curve) {
                    h.append("<td class=\"num\">").append(p.meetsSla() ? HtmlReport.money(p.monthlySpend()) + " a month" : "cannot promise")
                            .append("</td>");
                }
                Optional<MarginalCost> m = n.marginal().stream().filter(x -> x.router().equals(router)).findFirst();
                h.append("<td class=\"num\">").append(m.map(PlanReport::marginalWords).orElse("—")).append("</td></tr>\n");
            }
            if (!n.floor().isEmpty()) {
                h.append("<tr><td>Theoretical floor (knows every answer in advance; not deployable)</td>");
                for (double t : n.targets()) {
                    Optional<FloorPoint> f = n.floor().stream().filter(x -> Math.abs(x.target() - t) < 1e-9).findFirst();
                    h.append("<td class=\"num\">").append(f.map(x -> HtmlReport.money(x.monthlySpend()) + " a month").orElse("—"))
                            .append("</td>");
                }
                h.append("<td>—</td></tr>\n");
            }
            h.append("</table>\n<p class=\"note\">Each figure is the cheapest setting of that router that keeps the target with the")
                    .append(" same accepted chance of a bad ").append(HtmlReport.esc(r.window()))
                    .append("; all routers were run on the same simulated requests, so the differences are like for like.</p>\n</section>\n");
        });

        r.recommended().filter(p -> !p.tiers().isEmpty()).ifPresent(p -> {
            h.append("<section><h2>Customer tiers</h2>\n<table><tr><th>Tier</th><th>Share of traffic</th><th>Satisfied</th>")
                    .append("<th>Target</th><th>Chance a ").append(HtmlReport.esc(r.window())).append(" falls short</th></tr>\n");
            for (TierFigure t : p.tiers()) {
                h.append("<tr><td>").append(HtmlReport.esc(t.tier())).append("</td><td class=\"num\">").append(HtmlReport.pct(t.requestShare()))
                        .append("</td><td class=\"num\">").append(HtmlReport.pct(t.meanSatisfaction())).append("</td><td class=\"num\">")
                        .append(HtmlReport.pct(t.target())).append(t.ownTarget() ? " (its own)" : " (the contract's)")
                        .append("</td><td class=\"num\"").append(t.meetsTarget() ? "" : " style=\"color:#b00020\"").append(">")
                        .append(HtmlReport.pct(t.breachProbability())).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (p.tiers().stream().anyMatch(t -> !t.meetsTarget())) {
                h.append("<p class=\"warn\">A tier shown in red falls short of its target more often than accepted, although the")
                        .append(" traffic as a whole keeps the promise. Give that tier its own target to plan for it.</p>\n");
            }
            h.append("</section>\n");
        });
        return h.toString();
    }

    private static String chance(PlanPoint p) {
        if (Double.isNaN(p.breachProbability())) {
            return "—";
        }
        String s = HtmlReport.pct(p.breachProbability());
        if (p.breachInterval().defined()) {
            s += " (" + HtmlReport.pct(p.breachInterval().low()) + " – " + HtmlReport.pct(p.breachInterval().high()) + ")";
        }
        return s;
    }

    private static String breachWords(PlanPoint p, String window) {
        if (Double.isNaN(p.breachProbability())) {
            return "";
        }
        String s = String.format(Locale.ROOT, "In the simulation %s of %ss fell short of the target", HtmlReport.pct(p.breachProbability()),
                window);
        if (p.breachInterval().defined()) {
            s += String.format(Locale.ROOT, " (90%% interval %s to %s)", HtmlReport.pct(p.breachInterval().low()),
                    HtmlReport.pct(p.breachInterval().high()));
        }
        return s + ".";
    }

    private static String marginalWords(MarginalCost m) {
        String s = HtmlReport.money(m.perPoint()) + " a month per point";
        if (m.interval().defined()) {
            s += " (" + HtmlReport.money(m.interval().low()) + " to " + HtmlReport.money(m.interval().high()) + ")";
        }
        return s;
    }

    static String eventWords(Scenario s, TimelineEvent e) {
        String from = DATE.format(Timelines.firstDay(s, e.fromMonth()));
        if (e instanceof TimelineEvent.PriceChange pc) {
            double pct = (pc.factor() - 1) * 100;
            return String.format(Locale.ROOT, "from %s, %s prices %s by %.0f%%", from, pc.target(), pct < 0 ? "fall" : "rise", Math.abs(pct));
        }
        if (e instanceof TimelineEvent.PriceSheetFrom ps) {
            return "from " + from + ", the price sheet " + ps.sheet().label() + " applies";
        }
        if (e instanceof TimelineEvent.ModelJoins j) {
            return "from " + from + ", " + j.model() + " can be used";
        }
        TimelineEvent.ModelLeaves l = (TimelineEvent.ModelLeaves) e;
        return "from " + from + ", " + l.model() + " is no longer used" + (l.date() == null ? "" : " (retired on " + DATE.format(l.date()) + ")");
    }
}
