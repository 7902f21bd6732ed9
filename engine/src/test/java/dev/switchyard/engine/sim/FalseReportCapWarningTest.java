package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.FeedbackKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A false-report rate the engine cannot honour as given is a warning in the result, never a silent change. */
class FalseReportCapWarningTest {

    private static Scenario base(double q, double f) {
        return Scenario.of(ReferenceFiguresTest.traffic(), ReferenceFiguresTest.prices(), Catalog.empty(), "cheapest")
                .withFeedback(new Scenario.Feedback(FeedbackKind.ONE_SIDED, q, f, 0, Double.NaN, Double.NaN))
                .withVolume(Scenario.Volume.requests(5_000)).withScaling(Scenario.Scaling.exact());
    }

    @Test
    void sweepKeepsTheTrueRateWhereItFitsAndWarnsWhereItCaps() throws Exception {
        Sweep.Result r = Sweep.run(new Sweep.Grid(base(0.5, 0.15), List.of(), List.of("cheapest"), List.of(0.8), List.of(0.2, 0.5)),
                Simulator.standard(), 1, RunControl.NONE);
        // q = 0.2: f = 0.15 fits (f < q) and is simulated as given (it used to become q/2 = 0.1 silently)
        assertEquals(0.15, r.points().get(0).result().scenario().falseReportRate(), 0);
        // ... but the router is told only q/2, and the result says so
        assertTrue(r.points().get(0).result().warnings().stream().anyMatch(w -> w.startsWith("false-report rate capped")));
        assertTrue(r.points().get(1).result().warnings().isEmpty(), "q = 0.5: f = 0.15 <= q/2, nothing capped");
        assertEquals(1, r.warnings().size());

        Sweep.Result over = Sweep.run(new Sweep.Grid(base(0.5, 0.3), List.of(), List.of("cheapest"), List.of(0.8), List.of(0.2)),
                Simulator.standard(), 1, RunControl.NONE);
        assertEquals(0.1, over.points().get(0).result().scenario().falseReportRate(), 1e-12, "f >= q cannot be simulated: q/2");
        assertTrue(over.warnings().stream().anyMatch(w -> w.contains("does not fit feedback rate q = 0.2")), over.warnings().toString());
    }

    @Test
    void simulateWarnsWhenTheRouterIsToldLessThanTheTrueRate() throws Exception {
        SimulationResult r = Simulator.standard().withThreads(1).run(base(0.2, 0.15));
        assertEquals(List.of("false-report rate capped: the router is told f = 0.1 (q/2 for q = 0.2), not the scenario's f = 0.15;"
                + " users still report falsely at the true rate 0.15"), r.warnings());
        assertTrue(Simulator.standard().withThreads(1).run(base(0.2, 0.05)).warnings().isEmpty());
    }
}
