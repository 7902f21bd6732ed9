package dev.switchyard.engine.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The report's assumptions section states the scenario's own feedback model, volume and window. */
class HtmlReportAssumptionsTest {

    private static String row(String label, String value) {
        return "<tr><th>" + label + "</th><td>" + value;
    }

    @Test
    void oneSidedTwentyPercentIsReportedAsSuchNotAsFullFeedback() throws Exception {
        Scenario s = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, "cheapest")
                .withFeedback(Scenario.Feedback.oneSided(0.2))
                .withSla(new Scenario.Sla(0.8, Scenario.Window.WEEK, 0))
                .withVolume(new Scenario.Volume(12_345, 0.05, 2, true))
                .withScaling(Scenario.Scaling.exact());
        SimulationResult r = Simulator.standard().withThreads(1).run(s);
        String html = HtmlReport.render(s, r, null, Instant.parse("2026-11-22T12:00:00Z"));

        assertTrue(html.contains(row("User feedback", "one-sided: an unhappy user reports with probability 20.0%")), html);
        assertFalse(html.contains(row("User feedback", "full")), "a one-sided scenario is not reported as full feedback");
        assertTrue(html.contains(row("Volume", "12,345 requests in the first month, growth 5.0% per month, 2 month(s)")));
        assertTrue(html.contains(row("SLA window", "week")));
        assertTrue(html.contains(row("Simulation", "exact: every request simulated")));
    }

    @Test
    void twoSidedAndFullFeedbackAreNamedToo() throws Exception {
        Scenario base = Scenario.of(LiveRouterRoundTripTest.traffic(), LiveRouterRoundTripTest.prices(), null, "cheapest")
                .withVolume(Scenario.Volume.requests(5_000)).withScaling(Scenario.Scaling.exact());
        Scenario two = base.withFeedback(Scenario.Feedback.twoSided(0.3));
        String html = HtmlReport.render(two, Simulator.standard().withThreads(1).run(two), null, Instant.EPOCH);
        assertTrue(html.contains(row("User feedback", "two-sided: the true outcome is revealed with probability 30.0%")));
        Scenario full = base.withFeedback(Scenario.Feedback.full());
        html = HtmlReport.render(full, Simulator.standard().withThreads(1).run(full), null, Instant.EPOCH);
        assertTrue(html.contains(row("User feedback", "full: every outcome is known")));
    }
}
