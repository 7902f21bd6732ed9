package dev.switchyard.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyProfileTest {

    private final LatencyProfile measured = new LatencyProfile(900, 2400, 70, 35, 0.3, "LLMPerf-style TTFT quantiles");

    @Test
    void editingTheMedianKeepsPrefillSpreadAndSourceAndRaisesAShorterP95() {
        assertEquals(new LatencyProfile(1200, 2400, 70, 35, 0.3, "LLMPerf-style TTFT quantiles"), measured.withTtftP50Ms(1200));
        assertEquals(new LatencyProfile(3000, 3000, 70, 35, 0.3, "LLMPerf-style TTFT quantiles"), measured.withTtftP50Ms(3000));
    }

    @Test
    void editingTheSpeedKeepsEverythingElse() {
        assertEquals(new LatencyProfile(900, 2400, 110, 35, 0.3, "LLMPerf-style TTFT quantiles"),
                measured.withOutputTokensPerSecond(110));
    }
}
