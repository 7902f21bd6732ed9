package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An IRT-style synthetic workload for tests and the {@code bench} command (never shipped as sample data): model m has ability theta_m, query x has difficulty b_x
 * (shifted per category), and P(correct) = sigmoid(1.7 (theta_m + skill_{m,c} - b_x)). Scores are
 * drawn 0/1 like pass/fail benchmarks. Dearer models are abler, with a 100x price spread.
 */
public final class SyntheticWorkload {
    private static final String[] CATEGORIES = {"math", "code", "chat", "reasoning", "extraction", "writing"};
    private static final String[] TIERS = {"gold", "silver", "bronze"};

    private SyntheticWorkload() {
    }

    public static TrafficSample sample(int queries, int models, long seed) {
        return build(queries, models, seed, false);
    }

    /** The same workload with a short synthetic prompt per query (category words, difficulty words, filler). */
    public static TrafficSample sampleWithPrompts(int queries, int models, long seed) {
        return build(queries, models, seed, true);
    }

    private static final String[] FILLER = {"please", "explain", "the", "a", "of", "and", "to", "in", "with", "for", "about",
        "why", "how", "what", "list", "compare", "short", "detailed", "example", "steps"};

    private static String prompt(SplittableRandom rng, int category, double difficulty) {
        StringBuilder sb = new StringBuilder(CATEGORIES[category]);
        sb.append(difficulty > 1 ? " hard tricky" : difficulty < -0.5 ? " simple quick" : " normal");
        int words = 6 + rng.nextInt(20);
        for (int i = 0; i < words; i++) {
            sb.append(' ').append(FILLER[rng.nextInt(FILLER.length)]);
        }
        return sb.toString();
    }

    private static TrafficSample build(int queries, int models, long seed, boolean prompts) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = modelIds(models);
        double[] theta = new double[models];
        for (int m = 0; m < models; m++) {
            theta[m] = -0.5 + 3.7 * m / Math.max(1, models - 1);
        }
        double[][] skill = new double[models][CATEGORIES.length];
        for (int m = 0; m < models; m++) {
            for (int c = 0; c < CATEGORIES.length; c++) {
                skill[m][c] = rng.nextGaussian() * 0.4;
            }
        }
        double[] catShift = {0.8, 0.5, -0.8, 0.6, -0.4, -0.2};
        TrafficSample.Builder b = TrafficSample.builder("synthetic-irt", ids).source("synthetic");
        long t0 = 1_767_225_600_000L; // 2026-01-01T00:00Z
        for (int q = 0; q < queries; q++) {
            int c = rng.nextInt(CATEGORIES.length);
            double difficulty = catShift[c] + rng.nextGaussian();
            float[] scores = new float[models];
            int[] out = new int[models];
            for (int m = 0; m < models; m++) {
                double p = 1 / (1 + Math.exp(-1.7 * (theta[m] + skill[m][c] - difficulty)));
                scores[m] = rng.nextDouble() < p ? 1f : 0f;
                out[m] = 50 + rng.nextInt(400);
            }
            int hour = (int) Math.floor(24 * Math.pow(rng.nextDouble(), 0.7));
            long ts = t0 + (long) rng.nextInt(28) * 86_400_000L + hour * 3_600_000L;
            b.add(new QueryRecord("q" + q, CATEGORIES[c], ts, "tenant" + rng.nextInt(5), TIERS[rng.nextInt(TIERS.length)],
                    prompts ? prompt(rng, c, difficulty) : null, 200 + rng.nextInt(1500), 0, scores, out, null, null));
        }
        return b.build();
    }

    public static List<String> modelIds(int models) {
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ids.add("model-" + (char) ('a' + m));
        }
        return ids;
    }

    /** Prices rising geometrically from 0.10 to 10 USD per 1M input tokens (output 4x). */
    public static PriceSheet prices(int models) {
        List<ModelPrice> list = new ArrayList<>();
        List<String> ids = modelIds(models);
        for (int m = 0; m < models; m++) {
            double in = 0.10 * Math.pow(100, (double) m / Math.max(1, models - 1));
            list.add(ModelPrice.flat(ids.get(m), in, 4 * in));
        }
        return PriceSheet.of("synthetic-prices", list);
    }
}
