package dev.switchyard.engine.export;

import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Spread;
import dev.switchyard.engine.sim.TracePoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for a customer or finance meeting: one self-contained HTML file (charts embedded as
 * PNG data URIs, no external resources, printable) with the assumptions, the price sheet and its
 * dates, the SLA terms, the numbers with their spread (mean and P10-P90 across replications), the
 * router and whether it is reconstructed. Every text from user data is HTML-escaped.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * @param workspace workspace file name, or null
     * @param generatedAt shown in the header (pass a fixed instant for reproducible files)
     */
    public static String render(Scenario scenario, SimulationResult result, String workspace, Instant generatedAt) {
        return render(scenario, result, null, workspace, generatedAt);
    }

    /**
     * As {@link #render(Scenario, SimulationResult, String, Instant)}, led by the planner's answers
     * (recommendation, alternatives, what higher targets cost, tiers) when {@code plan} is not null.
     */
    public static String render(Scenario scenario, SimulationResult result, PlanReport plan, String workspace, Instant generatedAt) {
        SimulationResult.ScenarioInfo info = result.scenario();
        // the contract is the scenario's target; the run's own target is what the router was set to (its aim, above the
        // contract when the planner gave it a safety margin, issue 9): both are stated for what they are
        double contract = scenario == null ? info.target() : scenario.sla().target();
        boolean aimed = Math.abs(contract - info.target()) > 1e-9;
        String aimWords = aimed ? "the router is set to aim at " + pct(info.target()) + ", above the " + pct(contract)
                + " contract, so that a breach stays rare (the planner's safety margin)" : "";
        RouterDescriptor router = result.router();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc("Routing plan: " + info.name())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc("Routing plan: " + info.name())).append("</h1>\n<p class=\"meta\">")
                .append(esc("Generated " + generatedAt + " by Switchyard " + result.engineVersion() + ", seed "
                        + result.seed() + (workspace == null ? "" : ", workspace " + workspace)))
                .append("</p></header>\n");

        if (plan != null) {
            h.append(plan.render(scenario));
        }
        // --- headline numbers
        h.append("<section><h2>Summary</h2>\n<table class=\"kpi\">\n");
        // the engine's figures, as simulate --json and the app show them (decision 0308): spend per month is the mean
        // over the horizon, P(breached month) the mean over months of the share of replications below target
        kpi(h, "Spend per month (mean over " + info.months() + (info.months() == 1 ? " month)" : " months)"),
                money(result.monthlySpend().mean()), spread(result.monthlySpend(), HtmlReport::money));
        kpi(h, aimed ? "P(month below the " + pct(info.target()) + " aim)" : "P(breached month)",
                pct(result.meanMonthlyBreachProbability()), "across " + info.replications() + " replications");
        kpi(h, "Spend in the first month", money(monthCost(result)), spread(monthCostSpread(result), HtmlReport::money));
        kpi(h, "Cost per 1,000 requests", money(result.costPer1000().mean()), spread(result.costPer1000(), HtmlReport::money));
        kpi(h, "Total spend over " + info.months() + (info.months() == 1 ? " month" : " months"),
                money(result.totalCost().mean()), spread(result.totalCost(), HtmlReport::money));
        kpi(h, "Savings vs best single model (" + result.bestFixedModel() + ")", pct(result.savingsVsBestFixed().mean()),
                spread(result.savingsVsBestFixed(), HtmlReport::pct));
        kpi(h, "User satisfaction (realised)", pct(result.meanSatisfaction().mean()),
                spread(result.meanSatisfaction(), HtmlReport::pct));
        kpi(h, aimed ? "SLA target (the contract)" : "SLA target", pct(contract), "per " + windowText(info));
        if (aimed) {
            kpi(h, "Router's aim", pct(info.target()), "a safety margin above the contract");
        }
        kpi(h, aimed ? "Share of windows at or above the " + pct(info.target()) + " aim" : "Share of SLA windows met",
                pct(result.windowCompliance().mean()),
                spread(result.windowCompliance(), HtmlReport::pct));
        kpi(h, "Worst window", pct(result.worstWindow().mean()), spread(result.worstWindow(), HtmlReport::pct));
        kpi(h, "Cumulative target met", result.cumulativeCompliant() ? "yes, in every replication"
                : pct(result.cumulativeComplianceRate()) + " of replications", "");
        h.append("</table>\n<p class=\"note\">Numbers are means across ").append(info.replications())
                .append(" replications; ranges are the 10th to 90th percentile (P10-P90). Satisfaction is measured on the")
                .append(" sample's recorded quality scores, which the router never sees.")
                .append(result.scaled() ? " " + esc(result.scalingNote()) : "").append("</p>\n</section>\n");

        // --- charts
        h.append("<section class=\"charts\"><h2>Charts</h2>\n");
        List<Charts.Bar> spendBars = new ArrayList<>();
        List<Charts.Bar> satBars = new ArrayList<>();
        for (SimulationResult.MonthStats m : result.months()) {
            spendBars.add(new Charts.Bar("M" + m.month(), m.cost().mean(), m.cost().p10(), m.cost().p90()));
            satBars.add(new Charts.Bar("M" + m.month(), m.satisfaction().mean(), m.satisfaction().p10(),
                    m.satisfaction().p90()));
        }
        img(h, Charts.bars("Spend per month (USD)", spendBars, HtmlReport::money, Double.NaN, "", 0), "Spend per month");
        double floor = Math.max(0, Math.min(contract, minMean(satBars)) - 0.1);
        img(h, Charts.bars("Satisfaction per month vs SLA target", satBars, HtmlReport::pct, contract,
                "target " + pct(contract), floor), "Satisfaction per month");
        List<String> models = new ArrayList<>();
        double[] req = new double[result.models().size()];
        double[] spend = new double[result.models().size()];
        for (int i = 0; i < result.models().size(); i++) {
            SimulationResult.ModelStats m = result.models().get(i);
            models.add(m.model());
            req[i] = m.requestShare().mean();
            spend[i] = m.spendShare().mean();
        }
        img(h, Charts.shares("Model mix", models, req, spend), "Model mix");
        if (result.trace().size() > 1) {
            double[] x = new double[result.trace().size()];
            double[] real = new double[x.length];
            double[] est = new double[x.length];
            boolean anyEst = false;
            for (int i = 0; i < x.length; i++) {
                TracePoint p = result.trace().get(i);
                x[i] = p.request();
                real[i] = p.realisedSatisfaction();
                est[i] = p.estimatedSatisfaction();
                anyEst |= Double.isFinite(est[i]);
            }
            img(h, Charts.lines("Running satisfaction while the router learns (replication 1)", x, real, "realised",
                    anyEst ? est : null, "router's own estimate", contract, v -> String.format(Locale.ROOT, "%,.0f", v),
                    HtmlReport::pct, 0, 1), "Learning trace");
        }
        h.append("</section>\n");

        // --- router
        h.append("<section><h2>Router</h2>\n<p><strong>").append(esc(router.displayName())).append("</strong> — ")
                .append(esc(router.description())).append("</p>\n");
        if (router.reconstructed()) {
            h.append("<p class=\"warn\">Reconstructed: ").append(esc(router.provenance()))
                    .append(". The original authors' code was not available; results show this reconstruction.</p>\n");
        } else if (!router.provenance().isBlank()) {
            h.append("<p>").append(esc(router.provenance())).append("</p>\n");
        }
        if (result.bound()) {
            h.append("<p class=\"warn\">This is a hindsight bound: it reads the answers' true quality and cannot be deployed.</p>\n");
        }
        h.append("<table><tr><th>Parameter</th><th>Value</th></tr>\n");
        for (Map.Entry<String, String> e : info.routerParameters().entrySet()) {
            // a setting's plain name and meaning first; the technical key only in brackets
            java.util.Optional<dev.switchyard.engine.routing.ParameterSpec> spec = router.parameter(e.getKey());
            row(h, spec.map(p -> p.label() + " (" + e.getKey() + ")").orElse(e.getKey()),
                    e.getValue() + spec.map(p -> " — " + p.help()).orElse(""));
        }
        row(h, "predictor", info.predictor());
        h.append("</table>\n</section>\n");

        // --- SLA terms and assumptions
        h.append("<section><h2>SLA terms</h2>\n<table>\n");
        row(h, "Target", pct(contract) + " of requests satisfy the user" + (aimed ? " (the contract)" : ""));
        if (aimed) {
            row(h, "Router's aim", pct(info.target()) + ": " + aimWords);
        }
        row(h, "Measured per", windowText(info));
        row(h, aimed ? "Probability a month ends below the router's aim" : "Probability a month breaches the target", monthBreaches(result));
        h.append("</table>\n</section>\n");
        h.append("<section><h2>Assumptions</h2>\n<table>\n");
        row(h, "Traffic sample", info.sample() + " (" + fmt(info.sampleQueries()) + " queries; " + fmt(info.evaluationQueries())
                + " drive the simulation" + (info.calibrationQueries() > 0 ? ", " + fmt(info.calibrationQueries())
                + " held out for calibration" : "") + ")");
        row(h, "Volume", fmt(info.requestsPerMonth()) + " requests in the first month, growth "
                + pct(info.monthlyGrowth()) + " per month, " + info.months() + " month(s); " + fmt(result.requests())
                + " requests in all");
        row(h, "SLA window", windowText(info));
        row(h, "Simulation", (result.scaled() ? "scaled: the first " + fmt(Math.min(info.exactDays(), 30L * info.months()))
                + " days request by request, then at most " + fmt(info.maxSimulatedPerMonth()) + " simulated requests per month"
                : "exact: every request simulated") + "; calibration split " + pct(info.calibrationFraction()) + " of the sample");
        row(h, "Model pool", String.join(", ", info.models()));
        row(h, "User feedback", feedbackText(info));
        row(h, "Quality priors", info.priorSource());
        row(h, "Cost basis", info.costBasis());
        row(h, "Replications", info.replications() + " (seed " + result.seed() + ")");
        row(h, "Mix shift during the horizon", info.mixShift() ? "yes" : "no");
        h.append("</table>\n</section>\n");

        // --- price sheet
        PriceSheet sheet = scenario.prices();
        h.append("<section><h2>Prices</h2>\n");
        if (sheet == null) {
            h.append("<p>Costs are the per-request costs recorded in the traffic sample, not a price sheet.</p>\n");
        } else {
            h.append("<p>").append(esc(sheet.label())).append(": source ").append(esc(sheet.source().isBlank() ? "not stated" : sheet.source()))
                    .append(", retrieved ").append(esc(sheet.retrievedOn() == null ? "n/a" : sheet.retrievedOn().toString()))
                    .append(", effective from ").append(esc(sheet.effectiveFrom() == null ? "n/a" : sheet.effectiveFrom().toString()))
                    .append(", currency ").append(esc(sheet.currency())).append(".</p>\n");
            h.append("<table><tr><th>Model</th><th>Input / 1M tokens</th><th>Cached input / 1M</th><th>Output / 1M tokens</th>")
                    .append("<th>Request fee</th><th>Long-context tiers</th></tr>\n");
            for (String model : info.models()) {
                ModelPrice p = sheet.priceOf(model, scenario.catalog()).orElse(null);
                if (p == null) {
                    continue;
                }
                h.append("<tr><td>").append(esc(model)).append("</td><td class=\"num\">").append(money(p.inputPer1M()))
                        .append("</td><td class=\"num\">").append(p.cachedInputPer1M() == null ? "—" : money(p.cachedInputPer1M()))
                        .append("</td><td class=\"num\">").append(money(p.outputPer1M())).append("</td><td class=\"num\">")
                        .append(money(p.requestFee())).append("</td><td class=\"num\">").append(p.tiers().size()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");

        // --- tables
        h.append("<section><h2>Month by month</h2>\n<table><tr><th>Month</th><th>Requests</th><th>Spend (mean)</th>")
                .append("<th>Spend P10-P90</th><th>Satisfaction</th><th>Satisfaction P10-P90</th><th>P(breach)</th></tr>\n");
        for (SimulationResult.MonthStats m : result.months()) {
            h.append("<tr><td>").append(m.month()).append("</td><td class=\"num\">").append(fmt(Math.round(m.requests())))
                    .append("</td><td class=\"num\">").append(money(m.cost().mean())).append("</td><td class=\"num\">")
                    .append(money(m.cost().p10())).append(" – ").append(money(m.cost().p90())).append("</td><td class=\"num\">")
                    .append(pct(m.satisfaction().mean())).append("</td><td class=\"num\">").append(pct(m.satisfaction().p10()))
                    .append(" – ").append(pct(m.satisfaction().p90())).append("</td><td class=\"num\">")
                    .append(pct(m.breachProbability())).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
        h.append("<section><h2>By category</h2>\n<table><tr><th>Category</th><th>Share of traffic</th><th>Satisfaction</th>")
                .append("<th>Cost per request</th><th>Most used model</th></tr>\n");
        for (SimulationResult.CategoryStats c : result.categories()) {
            String top = c.modelShare().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() + " (" + pct(e.getValue()) + ")").orElse("—");
            h.append("<tr><td>").append(esc(c.category())).append("</td><td class=\"num\">").append(pct(c.requestShare()))
                    .append("</td><td class=\"num\">").append(pct(c.satisfaction().mean())).append("</td><td class=\"num\">")
                    .append(money(c.costPerRequest().mean())).append("</td><td>").append(esc(top)).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
        h.append("<footer>Switchyard ").append(esc(result.engineVersion())).append(" — a what-if simulation on recorded")
                .append(" traffic, not a measurement of production. Same scenario and seed give the same numbers.</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    public static void write(Scenario scenario, SimulationResult result, String workspace, Instant generatedAt, Path file)
            throws IOException {
        AtomicFiles.writeString(file, render(scenario, result, workspace, generatedAt));
    }

    /** Writes the report led by the planner's answers (see {@link PlanReport}). */
    public static void write(Scenario scenario, SimulationResult result, PlanReport plan, String workspace, Instant generatedAt,
            Path file) throws IOException {
        AtomicFiles.writeString(file, render(scenario, result, plan, workspace, generatedAt));
    }

    private static final String CSS = """
            body { font-family: "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; border-bottom: 2px solid #2f6fb3; padding-bottom: 0.2em; margin-top: 1.6em; }
            .meta, .note, footer { color: #555; font-size: 0.9em; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
            th { background: #eef3f9; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.kpi td:first-child { width: 45%; }
            table.kpi td:nth-child(2) { font-weight: bold; font-size: 1.1em; }
            .warn { background: #fff4e0; border-left: 4px solid #e08a1e; padding: 0.5em 0.8em; }
            img.chart { width: 100%; height: auto; border: 1px solid #ddd; margin: 0.5em 0; }
            footer { margin-top: 2em; border-top: 1px solid #ccc; padding-top: 0.5em; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10.5pt; }
              section, table, img.chart { page-break-inside: avoid; break-inside: avoid; }
              h2 { page-break-after: avoid; break-after: avoid; }
              .charts { page-break-before: always; break-before: page; }
            }
            """;

    private static void kpi(StringBuilder h, String label, String value, String range) {
        h.append("<tr><td>").append(esc(label)).append("</td><td class=\"num\">").append(esc(value)).append("</td><td>")
                .append(esc(range)).append("</td></tr>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static void img(StringBuilder h, byte[] png, String alt) {
        h.append("<img class=\"chart\" alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private static double monthCost(SimulationResult r) {
        return r.months().isEmpty() ? Double.NaN : r.months().get(0).cost().mean();
    }

    private static Spread monthCostSpread(SimulationResult r) {
        return r.months().isEmpty() ? new Spread(Double.NaN, Double.NaN, Double.NaN) : r.months().get(0).cost();
    }

    private static String monthBreaches(SimulationResult r) {
        if (r.months().isEmpty()) {
            return "n/a";
        }
        double worst = r.months().stream().mapToDouble(SimulationResult.MonthStats::breachProbability).max().orElse(Double.NaN);
        return "at most " + pct(worst) + " in any month (across " + r.scenario().replications() + " replications)";
    }

    private static double minMean(List<Charts.Bar> bars) {
        return bars.stream().mapToDouble(Charts.Bar::mean).filter(Double::isFinite).min().orElse(0);
    }

    private static String windowText(SimulationResult.ScenarioInfo info) {
        return "REQUESTS".equals(info.window()) ? fmt(info.windowRequests()) + " requests"
                : info.window().toLowerCase(Locale.ROOT);
    }

    private static String feedbackText(SimulationResult.ScenarioInfo info) {
        // ScenarioInfo spells the kind "one-sided" / "two-sided-sparse" / "full"; accept the enum spelling too
        String kind = switch (info.feedbackKind().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "ONE_SIDED" -> "one-sided: an unhappy user reports with probability " + pct(info.feedbackRate())
                    + (info.falseReportRate() > 0 ? ", a happy user falsely with " + pct(info.falseReportRate()) : "")
                    + "; silence is ambiguous";
            case "TWO_SIDED_SPARSE" -> "two-sided: the true outcome is revealed with probability " + pct(info.feedbackRate());
            case "FULL" -> "full: every outcome is known";
            default -> info.feedbackKind() + ", rate " + pct(info.feedbackRate());
        };
        if (info.feedbackDelayRequests() > 0) {
            kind += "; arrives after " + fmt(info.feedbackDelayRequests()) + " requests";
        }
        if (Double.isFinite(info.assumedFeedbackRate()) && info.assumedFeedbackRate() != info.feedbackRate()) {
            kind += "; the router assumes " + pct(info.assumedFeedbackRate());
        }
        return kind;
    }

    private static String spread(Spread s, java.util.function.DoubleFunction<String> f) {
        if (s == null || !Double.isFinite(s.p10()) || !Double.isFinite(s.p90())) {
            return "";
        }
        return "P10-P90 " + f.apply(s.p10()) + " – " + f.apply(s.p90());
    }

    static String money(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "$0";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "$%,.0f" : a >= 1 ? "$%,.2f" : a >= 0.01 ? "$%.4f" : "$%.6f";
        return String.format(Locale.ROOT, pattern, v);
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "n/a";
    }

    private static String fmt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
