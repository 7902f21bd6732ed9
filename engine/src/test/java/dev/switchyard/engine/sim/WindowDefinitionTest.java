package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

/**
 * One definition of an SLA window (decision 0308), checked by hand on a small exact stream: complete windows
 * count, the trailing partial one is reported apart; calendar and request windows that cover the same days
 * give the same series.
 */
class WindowDefinitionTest {

    /** 30,000 requests in one 30-day month, all exact: 1,000 requests a day. */
    // a router that does not itself follow the SLA window (SLARouter does, decision 1000), so week and
    // 7,000-request windows of the same stream see the same outcomes (common random numbers, decision 0901)
    private static Scenario scenario(Scenario.Sla sla) {
        return Scenario.of(ReferenceFiguresTest.traffic(), ReferenceFiguresTest.prices(), Catalog.empty(), "random-mix")
                .withSla(sla).withVolume(Scenario.Volume.requests(30_000)).withScaling(Scenario.Scaling.exact());
    }

    @Test
    void weeksOfAThirtyDayMonthAreFourCompleteWeeksAndATwoDayStubReportedApart() throws Exception {
        double tau = 0.8;
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario(new Scenario.Sla(tau, Scenario.Window.WEEK, 0)));
        ReplicationResult rep = r.replications().get(0);
        double[] req = rep.dayRequests();
        double[] sat = rep.daySatisfied();
        double[] weeks = new double[4];
        int met = 0;
        for (int w = 0; w < 4; w++) {
            double n = 0;
            double s = 0;
            for (int d = 7 * w; d < 7 * w + 7; d++) {
                n += req[d];
                s += sat[d];
            }
            weeks[w] = s / n;
            met += weeks[w] >= tau ? 1 : 0;
        }
        double stub = (sat[28] + sat[29]) / (req[28] + req[29]);
        WindowStats ws = rep.scenarioWindows();
        assertEquals(4, ws.windows(), "the 2-day stub is not a week");
        assertArrayEquals(weeks, ws.series(), 1e-15);
        assertEquals(met / 4.0, r.windowCompliance().mean(), 1e-15);
        assertEquals(java.util.Arrays.stream(weeks).min().orElseThrow(), r.worstWindow().mean(), 1e-15);
        assertEquals(stub, ws.partialMean(), 1e-15);
        assertEquals(2.0 / 7, ws.partialShare(), 1e-15);
        assertEquals(stub, r.partialWindow().mean(), 1e-15);
    }

    @Test
    void requestWindowsFollowTheSameRule() throws Exception {
        double tau = 0.8;
        SimulationResult weeks = Simulator.standard().withThreads(1).run(scenario(new Scenario.Sla(tau, Scenario.Window.WEEK, 0)));
        // 7,000 requests = one week at 1,000 a day: four complete windows and 2,000 requests left over
        SimulationResult n = Simulator.standard().withThreads(1).run(scenario(new Scenario.Sla(tau, Scenario.Window.REQUESTS, 7_000)));
        WindowStats w = weeks.replications().get(0).scenarioWindows();
        WindowStats r = n.replications().get(0).scenarioWindows();
        assertEquals(4, r.windows());
        assertArrayEquals(w.series(), r.series(), 1e-12);
        assertEquals(w.partialMean(), r.partialMean(), 1e-12);
        assertEquals(2.0 / 7, r.partialShare(), 1e-12);
        assertEquals(weeks.windowCompliance().mean(), n.windowCompliance().mean(), 0);
    }

    @Test
    void wholeWindowsLeaveNoPartial() throws Exception {
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario(new Scenario.Sla(0.8, Scenario.Window.DAY, 0)));
        assertEquals(30, r.replications().get(0).scenarioWindows().windows());
        assertTrue(Double.isNaN(r.partialWindow().mean()));
    }
}
