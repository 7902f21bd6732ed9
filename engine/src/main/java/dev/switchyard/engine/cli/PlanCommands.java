package dev.switchyard.engine.cli;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.plan.BudgetAnswer;
import dev.switchyard.engine.plan.FloorPoint;
import dev.switchyard.engine.plan.MarginalCost;
import dev.switchyard.engine.plan.Negotiation;
import dev.switchyard.engine.plan.PlanListener;
import dev.switchyard.engine.plan.PlanOptions;
import dev.switchyard.engine.plan.PlanPoint;
import dev.switchyard.engine.plan.Planner;
import dev.switchyard.engine.plan.Recommendation;
import dev.switchyard.engine.plan.TierFigure;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The planner's three questions on the command line: {@code recommend}, {@code negotiate}, {@code budget}. */
final class PlanCommands {
    private PlanCommands() {
    }

    /** Runs {@code body}, turning bad input into a one-line error and exit code 2. */
    interface Body {
        int run(PrintWriter out) throws ImportException, IOException, CostTable.UnpricedModelsException;
    }

    /** Bad input becomes one line and exit 2 here; file-system errors go to the CLI's handler (CliErrors), which names the file. */
    static int guarded(CommandSpec spec, Body body) throws IOException, ImportException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            int rc = body.run(out);
            out.flush();
            return rc;
        } catch (CostTable.UnpricedModelsException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UnsupportedOperationException e) {
            err.println("error: " + e.getMessage());
            return 3;
        }
    }

    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = {"Recommends the cheapest deployable router that keeps the SLA target.",
                "The cheapest deployable router, and its setting, that keeps the target in every contract window with at most",
                "the accepted chance of a breach (every tier target included); every router tried, and why the others lose."})
    static final class Recommend implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ScenarioOptions options;

        @Mixin
        PlanCliOptions plan;

        @Option(names = "--target", required = true, paramLabel = "T", description = "SLA target promised, e.g. 0.9.")
        double target;

        @Option(names = "--json", description = "Print exactly one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException, ImportException {
            return guarded(spec, out -> {
                Scenario base = plan.base(options, target);
                PlanOptions o = plan.planOptions(spec, options, base);
                Recommendation r = Planner.standard().recommend(base, o, RunControl.NONE, PlanListener.NONE);
                if (json) {
                    out.println(Json.mapper().writeValueAsString(PlanJson.recommendation(r)));
                } else {
                    printRecommendation(out, r);
                }
                return 0;
            });
        }
    }

    @Command(name = "negotiate", mixinStandardHelpOptions = true,
            description = {"What each router costs at each SLA target, and what one more point costs.",
                "What each router costs at each target (the cheapest setting that keeps it), the marginal cost of one more",
                "point of SLA from paired runs, and the theoretical floor (the SLA oracle, not deployable)."})
    static final class Negotiate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ScenarioOptions options;

        @Mixin
        PlanCliOptions plan;

        @Option(names = "--targets", required = true, split = ",", paramLabel = "T", description = "Targets, e.g. 0.9,0.95,0.99.")
        List<Double> targets = new ArrayList<>();

        @Option(names = "--json", description = "Print exactly one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException, ImportException {
            return guarded(spec, out -> {
                Scenario base = plan.base(options, targets.get(0));
                PlanOptions o = plan.planOptions(spec, options, base).withProbeCeiling(false);
                Negotiation n = Planner.standard().negotiate(base, targets, o, RunControl.NONE, PlanListener.NONE);
                if (json) {
                    out.println(Json.mapper().writeValueAsString(PlanJson.negotiation(n)));
                } else {
                    printNegotiation(out, n);
                }
                return 0;
            });
        }
    }

    @Command(name = "budget", mixinStandardHelpOptions = true,
            description = "The highest SLA target the team can promise within a monthly budget at the accepted risk, and with which router.")
    static final class Budget implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ScenarioOptions options;

        @Mixin
        PlanCliOptions plan;

        @Option(names = "--monthly-budget", required = true, paramLabel = "USD", description = "Budget per month, USD.")
        double monthlyBudget;

        @Option(names = "--json", description = "Print exactly one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException, ImportException {
            return guarded(spec, out -> {
                Scenario base = plan.base(options, 0.9);
                PlanOptions o = plan.planOptions(spec, options, base);
                BudgetAnswer b = Planner.standard().budget(base, monthlyBudget, o, RunControl.NONE, PlanListener.NONE);
                if (json) {
                    out.println(Json.mapper().writeValueAsString(PlanJson.budget(b)));
                } else if (b.point().isEmpty()) {
                    out.printf(Locale.ROOT, "No router keeps any target from 50%% up within USD %,.0f a month.%n", monthlyBudget);
                } else {
                    PlanPoint p = b.point().get();
                    out.printf(Locale.ROOT, "Within USD %,.0f a month you can promise %.1f%% per %s with %s: USD %,.0f a month,"
                            + " %.1f%% of windows breached.%n", monthlyBudget, 100 * b.maxTarget(), b.answer().get().window(),
                            p.displayName(), p.monthlySpend(), 100 * p.breachProbability());
                }
                return 0;
            });
        }
    }

    static void printRecommendation(PrintWriter out, Recommendation r) {
        out.printf(Locale.ROOT, "Promise: %.1f%% satisfaction per %s, at most %.0f%% of %ss breached.%n", 100 * r.target(), r.window(),
                100 * r.maxBreach(), r.window());
        events(out, r.events());
        if (r.recommended().isPresent()) {
            PlanPoint p = r.recommended().get();
            out.printf(Locale.ROOT, "Recommended: %s%s, USD %,.0f a month (USD %.4f per 1,000 requests), %.2f%% satisfied,"
                    + " %.1f%% of windows breached.%n", p.displayName(), aim(p), p.monthlySpend(), p.costPer1000(),
                    100 * p.meanSatisfaction(), 100 * p.breachProbability());
        } else {
            out.println("No deployable router keeps this promise. The closest are listed below.");
        }
        out.printf(Locale.ROOT, "%nrouter                     USD/month  satisfied  breached  verdict%n");
        for (PlanPoint p : r.candidates()) {
            out.printf(Locale.ROOT, "%-24s %11s %9.2f%% %8.1f%%  %s%n", p.router(), money(p.monthlySpend()), 100 * p.meanSatisfaction(),
                    100 * p.breachProbability(), p.meetsSla() ? "keeps it" + aim(p) : p.reason());
        }
        r.floor().ifPresent(f -> out.printf(Locale.ROOT, "%ntheoretical floor (SLA oracle, reads the hidden truth): USD %,.0f a month%n",
                f.monthlySpend()));
        out.printf(Locale.ROOT, "highest satisfaction any deployable router reached: %.2f%% (%s)%n", 100 * r.ceiling(), r.ceilingRouter());
        for (PlanPoint p : r.recommended().stream().toList()) {
            for (TierFigure t : p.tiers()) {
                out.printf(Locale.ROOT, "  tier %-8s %5.1f%% of traffic, %.2f%% satisfied, target %.1f%%, %.1f%% of windows breached%n",
                        t.tier(), 100 * t.requestShare(), 100 * t.meanSatisfaction(), 100 * t.target(), 100 * t.breachProbability());
            }
        }
        out.println(r.note());
    }

    static void printNegotiation(PrintWriter out, Negotiation n) {
        events(out, n.events());
        out.printf(Locale.ROOT, "router                     target  USD/month  satisfied  breached%n");
        for (PlanPoint p : n.points()) {
            out.printf(Locale.ROOT, "%-24s %7.1f%% %10s %9.2f%% %8.1f%%  %s%n", p.router(), 100 * p.target(), money(p.monthlySpend()),
                    100 * p.meanSatisfaction(), 100 * p.breachProbability(), p.meetsSla() ? "" : "does not keep it: " + p.reason());
        }
        for (MarginalCost m : n.marginal()) {
            out.printf(Locale.ROOT, "%s: one more point of target costs USD %,.0f a month (90%% interval %s to %s), %.1f%% -> %.1f%%%n",
                    m.router(), m.perPoint(), money(m.interval().low()), money(m.interval().high()), 100 * m.fromTarget(),
                    100 * m.toTarget());
        }
        for (FloorPoint f : n.floor()) {
            out.printf(Locale.ROOT, "theoretical floor at %.1f%%: USD %,.0f a month%n", 100 * f.target(), f.monthlySpend());
        }
        out.printf(Locale.ROOT, "%.1f s%n", n.seconds());
    }

    private static void events(PrintWriter out, List<TimelineEvent> events) {
        for (TimelineEvent e : events) {
            out.println("timeline: " + e.describe());
        }
    }

    private static String aim(PlanPoint p) {
        return p.aimTarget() > p.target() + 1e-9 ? String.format(Locale.ROOT, " (set to aim at %.1f%%)", 100 * p.aimTarget()) : "";
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
