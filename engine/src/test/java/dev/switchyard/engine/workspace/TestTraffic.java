package dev.switchyard.engine.workspace;

import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;

import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic samples for workspace tests (no real data rows are copied into the repo). */
final class TestTraffic {
    private TestTraffic() {
    }

    static TrafficSample sample(String name, int queries, long seed, boolean optional) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> models = List.of("small", "medium", "large");
        TrafficSample.Builder b = TrafficSample.builder(name, models).source(name + ".csv");
        String[] cats = {"math", "code", "chat", "legal"};
        for (int q = 0; q < queries; q++) {
            float[] scores = new float[3];
            int[] out = new int[3];
            float[] cost = new float[3];
            float[] lat = new float[3];
            for (int m = 0; m < 3; m++) {
                scores[m] = rng.nextInt(4) == 0 ? rng.nextFloat() : (rng.nextInt(10) < 4 + 2 * m ? 1f : 0f);
                out[m] = 20 + rng.nextInt(800);
                cost[m] = (float) (rng.nextDouble() * 0.01);
                lat[m] = 100 + rng.nextInt(3000);
            }
            int input = 10 + rng.nextInt(4000);
            b.add(new QueryRecord("q" + q, cats[rng.nextInt(cats.length)],
                    optional ? 1_780_000_000_000L + q * 1000L : null,
                    optional ? "tenant-" + rng.nextInt(3) : null,
                    optional ? (rng.nextBoolean() ? "gold" : "silver") : null,
                    optional ? "prompt \"" + q + "\" with ünïcode, comma and\nnewline" : null,
                    input, optional ? rng.nextInt(input + 1) : 0, scores, out,
                    optional ? cost : null, optional ? lat : null));
        }
        return b.build();
    }
}
