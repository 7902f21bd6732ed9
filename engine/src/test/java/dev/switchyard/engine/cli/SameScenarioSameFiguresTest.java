package dev.switchyard.engine.cli;

import static dev.switchyard.engine.cli.CliFixture.run;
import static dev.switchyard.engine.cli.CliFixture.sampleDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario gives the same monthly spend and P(breached month) in {@code simulate --json}, {@code
 * workspace simulate --json} and the HTML report: one path (PreparedScenario + Simulator on the same scenario,
 * the same seeds), one definition of each figure (SimulationResult.monthlySpend, meanMonthlyBreachProbability).
 * The scenario is what the app stores: growth (so the first month is not the mean month), scaled months, several
 * replications.
 */
class SameScenarioSameFiguresTest {
    @TempDir
    Path dir;

    private static double breach(JsonNode simulateJson) {
        double sum = 0;
        JsonNode months = simulateJson.get("result").get("months");
        for (JsonNode m : months) {
            sum += m.get("breachProbability").asDouble();
        }
        return sum / months.size();
    }

    @Test
    void simulateWorkspaceSimulateAndReportAgree() throws Exception {
        Path samples = sampleDir();
        SampleBundle b = SampleData.load(samples);
        NamedTraffic support = b.traffic().stream().filter(t -> t.name().equals("support-desk")).findFirst().orElseThrow();
        PriceSheet list = b.priceSheets().stream().filter(p -> p.name().equals("list-2026-06")).findFirst().orElseThrow();
        Scenario s = Scenario.of(support.sample(), list, b.catalog(), "slarouter").withTarget(0.85)
                .withVolume(new Scenario.Volume(100_000, 0.05, 2, true)).withScaling(new Scenario.Scaling(14, 30_000))
                .withReplications(2).withSeed(7);
        s = new Scenario("plan", s.sample(), s.catalog(), s.prices(), s.modelPool(), s.router(), s.routerParameters(),
                s.predictor(), s.textFeatures(), s.sla(), s.feedback(), s.volume(), s.mixShift(), s.seed(), s.replications(),
                s.calibrationFraction(), s.scaling(), s.judge());
        Path ws = dir.resolve("plan.switchyard");
        try (Workspace w = Workspace.create(ws)) {
            w.saveScenario(s);
        }

        String[] cli = run("simulate", "--json", "--traffic", samples.resolve("traffic/support-desk.csv").toString(),
                "--prices", samples.resolve("prices/list-2026-06.json").toString(), "--catalog",
                samples.resolve("catalog.json").toString(), "--router", "slarouter", "--target", "0.85", "--feedback-rate", "0.2",
                "--monthly-volume", "100000", "--months", "2", "--growth", "0.05", "--exact-days", "14",
                "--max-simulated-per-month", "30000", "--replications", "2", "--seed", "7", "--threads", "2");
        assertEquals("0", cli[0], cli[2]);
        String[] stored = run("workspace", "simulate", ws.toString(), "--scenario", "plan", "--json", "--threads", "2");
        assertEquals("0", stored[0], stored[2]);
        Path report = dir.resolve("plan.html");
        String[] export = run("export", "--workspace", ws.toString(), "--scenario", "plan", "--report", report.toString(),
                "--threads", "1");
        assertEquals("0", export[0], export[2]);

        JsonNode a = Json.mapper().readTree(cli[1]);
        JsonNode c = Json.mapper().readTree(stored[1]);
        double spend = a.get("monthlySpend").asDouble();
        assertEquals(spend, c.get("monthlySpend").asDouble(), 0, "simulate and workspace simulate: the same monthly spend");
        assertEquals(breach(a), breach(c), 0, "... and the same P(breached month)");
        // independent: the monthly spend is the total over the horizon's months, not the first month
        assertEquals(a.get("totalCost").asDouble() / 2, spend, 1e-9 * spend);
        assertTrue(Math.abs(a.get("result").get("months").get(0).get("cost").get("mean").asDouble() - spend) > 0.01 * spend,
                "with 5% growth the first month is not the mean month");

        String html = Files.readString(report);
        Matcher m = Pattern.compile("Spend per month \\(mean over 2 months\\)</td><td class=\"num\">([^<]+)</td>").matcher(html);
        assertTrue(m.find(), "the report shows the engine's monthly spend");
        assertEquals(String.format(Locale.ROOT, spend >= 100 ? "$%,.0f" : "$%,.2f", spend), m.group(1));
        Matcher p = Pattern.compile("P\\(breached month\\)</td><td class=\"num\">([^<]+)</td>").matcher(html);
        assertTrue(p.find(), "the report shows P(breached month)");
        assertEquals(String.format(Locale.ROOT, "%.1f%%", 100 * breach(a)), p.group(1));
    }
}
