package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchyard.engine.routing.LatencyTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one judgement of a calendar window's latency term (LatencyMetrics.calendarWindowMet), which the run's
 * latencyWindowCompliance and the planner's contract windows (PlanningWindows) both read: hand-computed cases, and
 * the planner's reading at the run's own window length giving the run's own figure.
 */
class LatencyWindowJudgementTest {

    /** Day 0: TTFT 100..2000 ms; day 1: twenty of 50 ms; day 2 empty; days 3-4: bronze 500 ms and gold 150 ms. */
    private static LatencyMetrics.Summary summary(Scenario.Window window) {
        LatencyTarget target = new LatencyTarget(LatencyTarget.Metric.TTFT, 1850, 0.95, Map.of("gold", 100.0));
        LatencyMetrics m = new LatencyMetrics(target, List.of("bronze", "gold"), 30, 1, new Scenario.Sla(0.9, window, 0), 80);
        long seq = 0;
        for (int k = 0; k < 20; k++) {
            m.record(seq++, 0, 0, 0, 100.0 * (k + 1), 300.0 * (k + 1), 1.0);
        }
        for (int k = 0; k < 20; k++) {
            m.record(seq++, 1, 0, 0, 50, 150, 1.0);
        }
        for (int k = 0; k < 20; k++) {
            m.record(seq++, 3 + k % 2, 0, 0, 500, 900, 1.0);
            m.record(seq++, 3 + k % 2, 0, 1, 150, 900, 1.0);
        }
        return m.summary(List.of("bronze", "gold"));
    }

    @Test
    void windowsAreJudgedAsByHand() {
        LatencyMetrics.Summary s = summary(Scenario.Window.DAY);
        assertEquals(Boolean.FALSE, s.windowMet(-1, 0, 1), "day 0: 1900 and 2000 above 1850 is 10% > 5%");
        assertEquals(Boolean.TRUE, s.windowMet(-1, 1, 2));
        assertEquals(Boolean.TRUE, s.windowMet(-1, 0, 2), "days 0-1 together: 2 of 40 above is exactly 5%: kept");
        assertNull(s.windowMet(-1, 2, 3), "a window with no request is not judged");
        assertEquals(Boolean.TRUE, s.windowMet(0, 3, 5), "bronze alone keeps 1850");
        assertEquals(Boolean.FALSE, s.windowMet(1, 3, 5), "gold alone misses its own 100 ms");
        assertEquals(Boolean.FALSE, s.windowMet(-1, 3, 5), "the window misses when one tier does");
        assertNull(s.windowMet(1, 0, 2), "gold had no request on days 0-1");
    }

    @Test
    void thePlannersReadingAtTheRunsWindowIsTheRunsOwnFigure() {
        for (Scenario.Window w : List.of(Scenario.Window.DAY, Scenario.Window.WEEK)) {
            LatencyMetrics.Summary s = summary(w);
            int len = w == Scenario.Window.DAY ? 1 : 7;
            int judged = 0;
            int met = 0;
            for (int start = 0; start + len <= 30; start += len) {
                Boolean kept = s.windowMet(-1, start, start + len);
                if (kept != null) {
                    judged++;
                    met += kept ? 1 : 0;
                }
            }
            assertEquals(s.windowsJudged(), judged, w.name());
            assertEquals(s.windowCompliance(), (double) met / judged, 1e-12, w.name());
        }
        // by hand, daily: days 0 (missed), 1 (kept), 3 and 4 (gold misses) -> 1 of 4
        assertEquals(0.25, summary(Scenario.Window.DAY).windowCompliance(), 1e-12);
    }
}
