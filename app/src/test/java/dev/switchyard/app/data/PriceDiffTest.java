package dev.switchyard.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;

class PriceDiffTest {

    @Test
    void classifiesEveryKindOfChange() {
        PriceSheet a = new PriceSheet("a", "", "", null, null, "USD", Map.of(
                "x", ModelPrice.flat("x", 1, 2), "y", ModelPrice.flat("y", 1, 2), "z", ModelPrice.flat("z", 1, 2),
                "gone", ModelPrice.flat("gone", 1, 1)));
        PriceSheet b = new PriceSheet("b", "", "", null, null, "USD", Map.of(
                "x", ModelPrice.flat("x", 0.5, 2), "y", ModelPrice.flat("y", 2, 1), "z", ModelPrice.flat("z", 1, 2),
                "new", ModelPrice.flat("new", 1, 1)));
        Map<String, PriceDiff.Change> byModel = new java.util.HashMap<>();
        for (PriceDiff.Row r : PriceDiff.between(a, b)) {
            byModel.put(r.model(), r.change());
        }
        assertEquals(Map.of("x", PriceDiff.Change.CHEAPER, "y", PriceDiff.Change.MIXED, "z", PriceDiff.Change.UNCHANGED,
                "gone", PriceDiff.Change.REMOVED, "new", PriceDiff.Change.ADDED), byModel);
        PriceDiff.Row x = PriceDiff.between(a, b).stream().filter(r -> r.model().equals("x")).findFirst().orElseThrow();
        assertEquals(-0.5, x.inputChange(), 1e-12);
        assertEquals(List.of(), List.of());
    }

    @Test
    void tokenHistogramsUsePowerOfTwoBinsAndCountEverything() {
        TrafficStats.Histogram h = TrafficStats.histogram(new long[] {1, 2, 3, 4, 1000, 5000}, 6);
        assertEquals(6, java.util.Arrays.stream(h.counts()).sum());
        assertEquals(h.counts().length + 1, h.edges().length);
        assertEquals(1, h.edges()[0]);
    }
}
