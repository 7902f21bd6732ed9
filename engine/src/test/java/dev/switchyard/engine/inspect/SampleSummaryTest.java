package dev.switchyard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

    private static QueryRecord row(String id, String cat, float cheap, float dear) {
        return new QueryRecord(id, cat, null, null, null, null, 1_000_000, 0, new float[] {cheap, dear},
                new int[] {0, 0}, null, null);
    }

    @Test
    void bestFixedOracleAndCategoriesFromPrices() throws Exception {
        TrafficSample s = TrafficSample.builder("s", List.of("cheap", "dear"))
                .add(row("q1", "math", 1, 1))   // oracle: cheap (tie, cheaper)
                .add(row("q2", "math", 0, 1))   // oracle: dear
                .add(row("q3", "chat", 0.5f, 0.25f)) // oracle: cheap (higher score)
                .add(row("q4", "chat", 0, 0))   // oracle: cheap (tie at 0)
                .build();
        PriceSheet sheet = PriceSheet.of("p", List.of(ModelPrice.flat("cheap", 1, 0), ModelPrice.flat("dear", 10, 0)));
        SampleSummary sum = SampleSummary.of(s, CostTable.of(s, sheet, Catalog.empty()));
        assertEquals(4, sum.queries());
        assertEquals("dear", sum.bestFixed().id());
        assertEquals((1 + 1 + 0.25) / 4, sum.bestFixed().meanScore(), 1e-9);
        assertEquals(10.0, sum.bestFixed().meanCost(), 1e-9);
        assertEquals((1 + 1 + 0.5 + 0) / 4, sum.oracle().meanScore(), 1e-9);
        assertEquals((1 + 10 + 1 + 1) / 4.0, sum.oracle().meanCost(), 1e-9);
        assertEquals("math", sum.categories().get(0).name());
        assertEquals(2, sum.categories().get(1).queries());
        assertEquals(0.5, sum.categories().get(0).meanScore()[0], 1e-9);
    }
}
