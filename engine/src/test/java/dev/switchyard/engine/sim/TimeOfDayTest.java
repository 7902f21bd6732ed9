package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.switchyard.engine.catalog.Catalog;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The indexed hour lookup of {@link PreparedScenario#timeOfDay} gives what the plain scan from midnight gives. */
class TimeOfDayTest {

    /** The scan from midnight the index replaced. */
    private static long reference(double[] cdf, double u) {
        int h = 0;
        while (h < 23 && cdf[h + 1] <= u) {
            h++;
        }
        double within = (u - cdf[h]) / Math.max(1e-12, cdf[h + 1] - cdf[h]);
        return (long) ((h + Math.min(0.999999, Math.max(0, within))) * 3_600_000L);
    }

    @Test
    void indexedLookupIsTheScanFromMidnight() throws Exception {
        Scenario s = Scenario.of(SyntheticWorkload.sample(2_000, 4, 3), SyntheticWorkload.prices(4), Catalog.empty(),
                "best-fixed");
        PreparedScenario p = PreparedScenario.of(s);
        double[] cdf = p.hourCdf;
        assertNotNull(cdf, "the synthetic sample has timestamps, so the day has a rhythm");
        SplittableRandom rng = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            double u = rng.nextDouble();
            assertEquals(reference(cdf, u), p.timeOfDay(u), "u = " + u);
        }
        // the edges: every hour's start, just below it, and every index bucket's start
        for (int h = 0; h < 25; h++) {
            for (double u : new double[] {cdf[h], Math.nextDown(cdf[h])}) {
                if (u >= 0 && u < 1) {
                    assertEquals(reference(cdf, u), p.timeOfDay(u), "u = " + u);
                }
            }
        }
        for (int k = 0; k < 256; k++) {
            double u = k / 256.0;
            assertEquals(reference(cdf, u), p.timeOfDay(u), "u = " + u);
            assertEquals(reference(cdf, Math.nextDown(u + 1 / 256.0)), p.timeOfDay(Math.nextDown(u + 1 / 256.0)));
        }
    }
}
