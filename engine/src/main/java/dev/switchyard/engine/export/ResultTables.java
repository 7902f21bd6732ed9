package dev.switchyard.engine.export;

import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Spread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result tables of a simulation as {@link CsvTable}s (each written through the one formula-injection
 * sanitiser): summary metrics with their spread, months, models, categories and SLA tiers. The app
 * can export any of them; {@link #writeAll} writes them all into a folder.
 */
public final class ResultTables {
    private ResultTables() {
    }

    public static CsvTable summary(SimulationResult r) {
        CsvTable t = CsvTable.of("metric", "mean", "p10", "p90");
        metric(t, "total_cost_usd", r.totalCost());
        metric(t, "cost_per_request_usd", r.costPerRequest());
        metric(t, "cost_per_1000_usd", r.costPer1000());
        metric(t, "exploration_share", r.explorationShare());
        metric(t, "savings_vs_best_fixed", r.savingsVsBestFixed());
        metric(t, "ratio_to_sla_oracle", r.ratioToSlaOracle());
        metric(t, "mean_satisfaction", r.meanSatisfaction());
        metric(t, "estimated_satisfaction", r.estimatedSatisfaction());
        metric(t, "final_margin", r.finalMargin());
        metric(t, "window_compliance", r.windowCompliance());
        metric(t, "worst_window", r.worstWindow());
        metric(t, "daily_compliance", r.dailyCompliance());
        metric(t, "weekly_compliance", r.weeklyCompliance());
        metric(t, "monthly_compliance", r.monthlyCompliance());
        t.row("cumulative_compliance_rate", r.cumulativeComplianceRate(), null, null);
        return t;
    }

    public static CsvTable months(SimulationResult r) {
        List<String> models = r.models().stream().map(SimulationResult.ModelStats::model).toList();
        List<String> header = new ArrayList<>(List.of("month", "requests", "cost_usd_mean", "cost_usd_p10", "cost_usd_p90",
                "satisfaction_mean", "satisfaction_p10", "satisfaction_p90", "breach_probability"));
        models.forEach(m -> header.add("share_" + m));
        CsvTable t = new CsvTable(header);
        for (SimulationResult.MonthStats m : r.months()) {
            List<Object> row = new ArrayList<>(List.of(m.month(), m.requests(), m.cost().mean(), m.cost().p10(), m.cost().p90(),
                    m.satisfaction().mean(), m.satisfaction().p10(), m.satisfaction().p90(), m.breachProbability()));
            for (String model : models) {
                row.add(m.modelShare().get(model));
            }
            t.row(row);
        }
        return t;
    }

    public static CsvTable models(SimulationResult r) {
        CsvTable t = CsvTable.of("model", "request_share_mean", "request_share_p10", "request_share_p90",
                "spend_share_mean", "spend_share_p10", "spend_share_p90");
        for (SimulationResult.ModelStats m : r.models()) {
            t.row(m.model(), m.requestShare().mean(), m.requestShare().p10(), m.requestShare().p90(),
                    m.spendShare().mean(), m.spendShare().p10(), m.spendShare().p90());
        }
        return t;
    }

    public static CsvTable categories(SimulationResult r) {
        List<String> models = r.models().stream().map(SimulationResult.ModelStats::model).toList();
        List<String> header = new ArrayList<>(List.of("category", "request_share", "satisfaction_mean", "satisfaction_p10",
                "satisfaction_p90", "cost_per_request_usd_mean"));
        models.forEach(m -> header.add("share_" + m));
        CsvTable t = new CsvTable(header);
        for (SimulationResult.CategoryStats c : r.categories()) {
            List<Object> row = new ArrayList<>(List.of(c.category(), c.requestShare(), c.satisfaction().mean(),
                    c.satisfaction().p10(), c.satisfaction().p90(), c.costPerRequest().mean()));
            for (String model : models) {
                row.add(c.modelShare().get(model));
            }
            t.row(row);
        }
        return t;
    }

    public static CsvTable tiers(SimulationResult r) {
        CsvTable t = CsvTable.of("sla_tier", "request_share", "satisfaction_mean", "satisfaction_p10", "satisfaction_p90",
                "cost_per_request_usd_mean", "daily_compliance_mean");
        for (SimulationResult.TierStats s : r.tiers()) {
            t.row(s.tier(), s.requestShare(), s.satisfaction().mean(), s.satisfaction().p10(), s.satisfaction().p90(),
                    s.costPerRequest().mean(), s.dailyCompliance().mean());
        }
        return t;
    }

    /** Writes summary.csv, months.csv, models.csv, categories.csv (and tiers.csv when the traffic has tiers). */
    public static List<Path> writeAll(SimulationResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, CsvTable> e : Map.of("summary.csv", summary(r), "months.csv", months(r), "models.csv", models(r),
                "categories.csv", categories(r)).entrySet()) {
            Path p = dir.resolve(e.getKey());
            e.getValue().write(p);
            written.add(p);
        }
        if (!r.tiers().isEmpty()) {
            Path p = dir.resolve("tiers.csv");
            tiers(r).write(p);
            written.add(p);
        }
        written.sort(null);
        return written;
    }

    private static void metric(CsvTable t, String name, Spread s) {
        t.row(name, s.mean(), s.p10(), s.p90());
    }
}
