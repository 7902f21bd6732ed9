package dev.switchyard.engine.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPriceTest {

    @Test
    void pricesInputCachedOutputAndFee() {
        ModelPrice p = new ModelPrice("m", 2.5, 15, 0.25, 0.001, List.of(), null, null);
        // 1,000 input of which 400 cached, 200 output
        double expected = (600 * 2.5 + 400 * 0.25 + 200 * 15) / 1e6 + 0.001;
        assertEquals(expected, p.cost(1000, 400, 200), 1e-15);
    }

    @Test
    void missingCachedPriceBillsCachedTokensAtInputPrice() {
        ModelPrice p = ModelPrice.flat("m", 1, 2);
        assertEquals(p.cost(1000, 0, 10), p.cost(1000, 500, 10), 1e-15);
    }

    @Test
    void longContextTierAppliesToWholeRequestAboveThreshold() {
        ModelPrice p = new ModelPrice("gemini-2.5-pro", 1.25, 10, null, 0,
                List.of(new PriceTier(200_000, 2.5, 15, null)), null, null);
        assertEquals((200_000 * 1.25 + 100 * 10) / 1e6, p.cost(200_000, 0, 100), 1e-12);
        assertEquals((200_001 * 2.5 + 100 * 15) / 1e6, p.cost(200_001, 0, 100), 1e-12);
    }

    @Test
    void rejectsNegativeAndNonFinitePrices() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ModelPrice.flat("m", -1, 2));
        assertTrue(negative.getMessage().contains("input price"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelPrice.flat("m", Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> ModelPrice.flat("m", 1, Double.POSITIVE_INFINITY));
    }

    @Test
    void duplicateTierThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ModelPrice("m", 1, 1, null, 0,
                List.of(new PriceTier(10, 1, 1, null), new PriceTier(10, 2, 2, null)), null, null));
    }
}
