package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic IRT workloads that differ in what a router's defaults could have been tuned to: model
 * count, price spread (cheapest to dearest), base success rate and category count. Models get abilities
 * that rise with price but not strictly (a dear model can be worse in a category than a cheaper one),
 * categories differ in difficulty, and each query's difficulty is drawn around its category's.
 *
 * @param models 2..16
 * @param categories 1..40
 * @param spread dearest / cheapest price
 * @param baseShift added to every ability: higher = easier workload (higher base rates)
 * @param seed generator seed
 */
record DiverseWorkloads(String name, int models, int categories, double spread, double baseShift, long seed) {

    TrafficSample sample(int queries) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = ids();
        double[] theta = new double[models];
        for (int m = 0; m < models; m++) {
            theta[m] = baseShift - 0.8 + 3.0 * m / Math.max(1, models - 1) + rng.nextGaussian() * 0.2;
        }
        double[][] skill = new double[models][categories];
        double[] catShift = new double[categories];
        for (int c = 0; c < categories; c++) {
            catShift[c] = rng.nextGaussian() * 0.7;
            for (int m = 0; m < models; m++) {
                skill[m][c] = rng.nextGaussian() * 0.5;
            }
        }
        List<String> cats = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            cats.add("cat" + c);
        }
        TrafficSample.Builder b = TrafficSample.builder(name, ids).source("synthetic");
        long t0 = 1_767_225_600_000L;
        for (int q = 0; q < queries; q++) {
            int c = rng.nextInt(categories);
            double difficulty = catShift[c] + rng.nextGaussian();
            float[] scores = new float[models];
            int[] out = new int[models];
            for (int m = 0; m < models; m++) {
                double p = 1 / (1 + Math.exp(-1.7 * (theta[m] + skill[m][c] - difficulty)));
                scores[m] = rng.nextDouble() < p ? 1f : 0f;
                out[m] = 80 + rng.nextInt(300);
            }
            long ts = t0 + (long) rng.nextInt(28) * 86_400_000L + rng.nextInt(24) * 3_600_000L;
            b.add(new QueryRecord("q" + q, cats.get(c), ts, null, null, null, 200 + rng.nextInt(1200), 0, scores, out, null, null));
        }
        return b.build();
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ids.add("m" + m);
        }
        return ids;
    }

    /** Prices rising geometrically by {@code spread} from the cheapest to the dearest model (output 3x input). */
    PriceSheet prices() {
        List<ModelPrice> list = new ArrayList<>();
        List<String> ids = ids();
        for (int m = 0; m < models; m++) {
            double in = 0.2 * Math.pow(spread, (double) m / Math.max(1, models - 1));
            list.add(ModelPrice.flat(ids.get(m), in, 3 * in));
        }
        return PriceSheet.of(name + "-prices", list);
    }
}
