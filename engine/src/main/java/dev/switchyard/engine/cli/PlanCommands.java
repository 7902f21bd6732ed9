package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * What the three planner commands share: the scenario and planner options, {@code --json}, and one flow
     * (load the base scenario, ask the planner, print the answer as JSON or as text).
     *
     * @param <A> the planner's answer
     */
    abstract static class PlanQuestion<A> implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ScenarioOptions options;

        @Mixin
        PlanCliOptions plan;

        @Option(names = "--json", description = "Print exactly one JSON object.")
        boolean json;

        /** The target the base scenario is built at. */
        abstract double baseTarget();

        /** The command's own adjustment of the planner options (none by default). */
        PlanOptions adjust(PlanOptions o) {
            return o;
        }

        abstract A ask(Planner planner, Scenario base, PlanOptions o) throws CostTable.UnpricedModelsException;

        abstract ObjectNode toJson(A answer);

        abstract void print(PrintWriter out, A answer);

        @Override
        public Integer call() throws IOException, ImportException {
            return guarded(spec, out -> {
                Scenario base = plan.base(options, baseTarget());
                A answer = ask(Planner.standard(), base, adjust(plan.planOptions(spec, options, base)));
                if (json) {
                    out.println(Json.mapper().writeValueAsString(toJson(answer)));
                } else {
                    print(out, answer);
                }
                return 0;
            });
        }
    }

    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = {"Recommends the cheapest deployable router that keeps the SLA target.",
                "The cheapest deployable router, and its setting, that keeps the target in every contract window with at most",
                "the accepted chance of a breach (every tier target included); every router tried, and why the others lose."})
    static final class Recommend extends PlanQuestion<Recommendation> {
        @Option(names = "--target", required = true, paramLabel = "T", description = "SLA target promised, e.g. 0.9.")
        double target;

        @Override
        double baseTarget() {
            return target;
        }

        @Override
        Recommendation ask(Planner planner, Scenario base, PlanOptions o) throws CostTable.UnpricedModelsException {
            PrintWriter err = spec.commandLine().getErr();
            // with several replications the planner's first answer (first replication of every run) comes early: said on
            // stderr, so --json still prints exactly one object, the confirmed answer
            PlanListener first = new PlanListener() {
                @Override
                public void firstAnswer(Recommendation r) {
                    synchronized (err) {
                        err.printf(Locale.ROOT, "first answer after %.1f s (first replication of every run; confirming): %s%n",
                                r.seconds(), r.recommended().map(p -> String.format(Locale.ROOT, "%s%s, USD %,.0f a month",
                                        p.displayName(), aim(p), p.monthlySpend())).orElse("no router keeps the promise"));
                        err.flush();
                    }
                }
            };
            return planner.recommend(base, o, RunControl.NONE, first);
        }

        @Override
        ObjectNode toJson(Recommendation r) {
            return PlanJson.recommendation(r);
        }

        @Override
        void print(PrintWriter out, Recommendation r) {
            printRecommendation(out, r);
        }
    }

    @Command(name = "negotiate", mixinStandardHelpOptions = true,
            description = {"What each router costs at each SLA target, and what one more point costs.",
                "What each router costs at each target (the cheapest setting that keeps it), the marginal cost of one more",
                "point of SLA from paired runs, and the theoretical floor (the SLA oracle, not deployable)."})
    static final class Negotiate extends PlanQuestion<Negotiation> {
        @Option(names = "--targets", required = true, split = ",", paramLabel = "T", description = "Targets, e.g. 0.9,0.95,0.99.")
        List<Double> targets = new ArrayList<>();

        @Override
        double baseTarget() {
            return targets.get(0);
        }

        @Override
        PlanOptions adjust(PlanOptions o) {
            return o.withProbeCeiling(false);
        }

        @Option(names = "--latency-targets", split = ",", paramLabel = "L",
                description = {"Also the quality x latency grid: for each latency target L in ms (e.g. 1500,2000,3000) and each",
                    "target, the cheapest router keeping both terms and its monthly spend (one negotiation per L; the",
                    "--latency-percentile and --latency-metric apply; L holds every tier without its own --tier-latency,",
                    "which stay; see --latency-grid-tier)."})
        List<Double> latencyTargets = new ArrayList<>();

        @Option(names = "--latency-grid-tier", paramLabel = "TIER",
                description = {"The grid's L is this SLA tier's own; the default L and the other tiers' stay as set."})
        String latencyGridTier;

        /** The grid, when --latency-targets asked for one. */
        dev.switchyard.engine.plan.LatencyGrid grid;

        @Override
        Negotiation ask(Planner planner, Scenario base, PlanOptions o) throws CostTable.UnpricedModelsException {
            Negotiation n = planner.negotiate(base, targets, o, RunControl.NONE, PlanListener.NONE);
            if (!latencyTargets.isEmpty()) {
                grid = planner.latencyGrid(base, targets, latencyTargets, latencyGridTier, o, RunControl.NONE,
                        dev.switchyard.engine.plan.LatencyGrid.Listener.NONE);
            }
            return n;
        }

        @Override
        ObjectNode toJson(Negotiation n) {
            ObjectNode root = PlanJson.negotiation(n);
            if (grid != null) {
                root.set("latencyGrid", PlanJson.latencyGrid(grid));
            }
            return root;
        }

        @Override
        void print(PrintWriter out, Negotiation n) {
            printNegotiation(out, n);
            if (grid != null) {
                printGrid(out, grid);
            }
        }
    }

    @Command(name = "budget", mixinStandardHelpOptions = true,
            description = "The highest SLA target the team can promise within a monthly budget at the accepted risk, and with which router.")
    static final class Budget extends PlanQuestion<BudgetAnswer> {
        @Option(names = "--monthly-budget", required = true, paramLabel = "USD", description = "Budget per month, USD.")
        double monthlyBudget;

        @Override
        double baseTarget() {
            return 0.9;
        }

        @Override
        BudgetAnswer ask(Planner planner, Scenario base, PlanOptions o) throws CostTable.UnpricedModelsException {
            return planner.budget(base, monthlyBudget, o, RunControl.NONE, PlanListener.NONE);
        }

        @Override
        ObjectNode toJson(BudgetAnswer b) {
            return PlanJson.budget(b);
        }

        @Override
        void print(PrintWriter out, BudgetAnswer b) {
            if (b.point().isEmpty()) {
                out.printf(Locale.ROOT, "No router keeps any target from 50%% up within USD %,.0f a month.%n", monthlyBudget);
                return;
            }
            PlanPoint p = b.point().get();
            out.printf(Locale.ROOT, "Within USD %,.0f a month you can promise %.1f%% per %s with %s: USD %,.0f a month,"
                    + " %.1f%% of windows breached.%n", monthlyBudget, 100 * b.maxTarget(), b.answer().get().window(),
                    p.displayName(), p.monthlySpend(), 100 * p.breachProbability());
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

    static void printGrid(PrintWriter out, dev.switchyard.engine.plan.LatencyGrid g) {
        out.printf(Locale.ROOT, "%nmonthly spend, USD, of the cheapest router keeping both terms (p%.0f %s <= L per window)%n",
                100 * g.percentile(), g.metric().equals("total") ? "total latency" : "time to first token");
        out.println(g.rowsSay());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s", "L \\ target"));
        for (double t : g.targets()) {
            head.append(String.format(Locale.ROOT, " %12s", PlanCliOptions.pct(t)));
        }
        out.println(head);
        for (double l : g.latenciesMs()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%7.0f ms", l));
            for (double t : g.targets()) {
                var c = g.cell(t, l).orElseThrow();
                row.append(String.format(Locale.ROOT, " %12s", c.met() ? money(c.best().monthlySpend()) + (c.toldTighter() ? "*" : "")
                        : "not met"));
            }
            out.println(row);
        }
        if (g.cells().stream().anyMatch(c -> c.met() && c.toldTighter())) {
            out.println("* the router configured for a tighter L of the grid: it keeps this L too, for less");
        }
        out.printf(Locale.ROOT, "grid: %.1f s%n", g.seconds());
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
