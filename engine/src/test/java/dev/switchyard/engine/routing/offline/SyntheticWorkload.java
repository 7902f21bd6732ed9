package dev.switchyard.engine.routing.offline;

import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.text.TextFeaturizer;
import dev.switchyard.engine.traffic.Dictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A synthetic IRT-style workload for offline-router tests: each query has a difficulty made of a
 * category offset, the words of its prompt (some words make it harder, some easier) and noise;
 * model m answers correctly with probability sigmoid(1.6 (ability_m - difficulty)), drawn once as
 * a 0/1 score. Prices span 120x, as on RouterBench-era price lists. Built in the test, no data file.
 */
public final class SyntheticWorkload {
    public static final List<String> MODELS = List.of("tiny", "small", "medium", "large", "xlarge", "frontier");
    public static final List<String> CATEGORIES = List.of("chat", "code", "math", "reasoning");
    static final double[] ABILITY = {-0.5, 0.3, 1.0, 1.8, 2.8, 4.6};
    static final double[] PRICE_PER_MTOK = {0.1, 0.3, 0.8, 2.0, 5.0, 12.0};
    static final double[] CATEGORY_OFFSET = {-0.8, 0.3, 0.6, 0.9};
    static final double WORD_EFFECT = 0.6;

    public final int n;
    public final int models = MODELS.size();
    public final int[] category;
    public final int[] inputTokens;
    public final String[] prompt;
    public final FeatureVector[] features;
    /** hidden truth, [q * M + m] */
    public final float[] score;
    /** true success probability (for diagnostics only), [q * M + m] */
    public final double[] probability;
    public final double[] expectedCost;
    public final double[] realisedCost;
    public final double normaliser;

    private SyntheticWorkload(int n, long seed, TextFeaturizer featurizer) {
        this.n = n;
        SplittableRandom rng = new SplittableRandom(seed);
        int m = models;
        category = new int[n];
        inputTokens = new int[n];
        prompt = new String[n];
        features = new FeatureVector[n];
        score = new float[n * m];
        probability = new double[n * m];
        expectedCost = new double[n * m];
        realisedCost = new double[n * m];
        for (int q = 0; q < n; q++) {
            int c = rng.nextInt(CATEGORIES.size());
            category[q] = c;
            int words = 8 + rng.nextInt(18);
            StringBuilder sb = new StringBuilder(CATEGORIES.get(c));
            double d = CATEGORY_OFFSET[c] + 0.5 * gaussian(rng);
            for (int w = 0; w < words; w++) {
                double u = rng.nextDouble();
                if (u < 0.12) {
                    sb.append(" Hard").append(rng.nextInt(30));
                    d += WORD_EFFECT;
                } else if (u < 0.24) {
                    sb.append(" easy").append(rng.nextInt(30));
                    d -= WORD_EFFECT;
                } else {
                    sb.append(" word").append(rng.nextInt(300));
                }
            }
            sb.append('?');
            prompt[q] = sb.toString();
            inputTokens[q] = (int) Math.round(words * 1.3 + 20 + rng.nextInt(200));
            features[q] = featurizer.extract(prompt[q]);
            for (int j = 0; j < m; j++) {
                double p = 1 / (1 + Math.exp(-1.6 * (ABILITY[j] - d)));
                probability[q * m + j] = p;
                score[q * m + j] = rng.nextDouble() < p ? 1f : 0f;
                int out = 100 + rng.nextInt(200);
                expectedCost[q * m + j] = PRICE_PER_MTOK[j] * (inputTokens[q] + 200) / 1e6;
                realisedCost[q * m + j] = PRICE_PER_MTOK[j] * (inputTokens[q] + out) / 1e6;
            }
        }
        double max = 0;
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int q = 0; q < n; q++) {
                s += expectedCost[q * m + j];
            }
            max = Math.max(max, s / n);
        }
        normaliser = max;
    }

    public static SyntheticWorkload generate(int n, long seed) {
        return new SyntheticWorkload(n, seed, TextFeaturizer.defaults());
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Rows [from, to). */
    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** The calibration split made of {@code rows}, with their labels. */
    public CalibrationSet calibration(int[] rows) {
        int m = models;
        int k = rows.length;
        int[] cat = new int[k];
        int[] in = new int[k];
        float[] s = new float[k * m];
        double[] ec = new double[k * m];
        double[] rc = new double[k * m];
        List<FeatureVector> f = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int q = rows[i];
            cat[i] = category[q];
            in[i] = inputTokens[q];
            f.add(features[q]);
            System.arraycopy(score, q * m, s, i * m, m);
            System.arraycopy(expectedCost, q * m, ec, i * m, m);
            System.arraycopy(realisedCost, q * m, rc, i * m, m);
        }
        int[] none = new int[k];
        Arrays.fill(none, -1);
        return new CalibrationSet(m, cat, in, new int[k], none, none.clone(), ec, normaliser, s, rc, f);
    }

    /** Per-category mean scores over {@code rows}, for priors. */
    public double[][] categoryMeans(int[] rows) {
        double[][] sum = new double[CATEGORIES.size()][models];
        double[] cnt = new double[CATEGORIES.size()];
        for (int q : rows) {
            cnt[category[q]]++;
            for (int j = 0; j < models; j++) {
                sum[category[q]][j] += score[q * models + j];
            }
        }
        for (int c = 0; c < sum.length; c++) {
            for (int j = 0; j < models; j++) {
                sum[c][j] = (sum[c][j] + 1) / (cnt[c] + 2);
            }
        }
        return sum;
    }

    /** A routing context for this workload, with calibration rows {@code calRows}. */
    public RoutingContext context(double tau, int[] calRows, long seed, FeedbackAssumptions feedback) {
        return context(tau, calRows, calRows == null ? null : calibration(calRows), seed, feedback);
    }

    /** A routing context reusing an already built calibration set (so trained state is shared, as in a sweep). */
    public RoutingContext context(double tau, int[] calRows, CalibrationSet cal, long seed, FeedbackAssumptions feedback) {
        double[] mean = new double[models];
        for (int j = 0; j < models; j++) {
            double s = 0;
            for (int q = 0; q < n; q++) {
                s += expectedCost[q * models + j];
            }
            mean[j] = s / n;
        }
        return new RoutingContext(MODELS, Dictionary.of(CATEGORIES), Dictionary.of(List.of()), Dictionary.of(List.of()),
                new CostScale(mean, "synthetic prices"), new QualityPriors(categoryMeans(calRows == null ? range(0, n) : calRows), 10, "calibration means"),
                tau, feedback, Optional.ofNullable(cal),
                Optional.of(TextFeaturizer.defaults()), "category", new SplittableRandom(seed),
                Routers.standard().predictors());
    }

    /** The request view of query {@code q}, reused. */
    public final class View implements RequestView {
        int q;
        long seq;

        public View at(int query) {
            this.q = query;
            this.seq++;
            return this;
        }

        @Override public long sequence() { return seq; }
        @Override public int category() { return category[q]; }
        @Override public int inputTokens() { return inputTokens[q]; }
        @Override public int cachedInputTokens() { return 0; }
        @Override public int tenant() { return -1; }
        @Override public int slaTier() { return -1; }
        @Override public long timeMillis() { return 0; }
        @Override public int modelCount() { return models; }
        @Override public double expectedCost(int model) { return expectedCost[q * models + model]; }
        @Override public double normalisedCost(int model) { return expectedCost[q * models + model] / normaliser; }
        @Override public FeatureVector textFeatures() { return features[q]; }
    }

    /** Mean satisfaction (hidden truth) and mean realised USD per request, and the decisions, of {@code router} on {@code rows}. */
    public Result evaluate(Router router, int[] rows) {
        View v = new View();
        int[] choices = new int[rows.length];
        double sat = 0;
        double cost = 0;
        for (int i = 0; i < rows.length; i++) {
            int q = rows[i];
            int j = router.route(v.at(q), null);
            choices[i] = j;
            sat += score[q * models + j];
            cost += realisedCost[q * models + j];
        }
        return new Result(sat / rows.length, cost / rows.length, choices);
    }

    public record Result(double satisfaction, double costPerRequest, int[] choices) {
    }

    /** Mean score of each model over {@code rows}. */
    public double[] meanScores(int[] rows) {
        double[] s = new double[models];
        for (int q : rows) {
            for (int j = 0; j < models; j++) {
                s[j] += score[q * models + j];
            }
        }
        for (int j = 0; j < models; j++) {
            s[j] /= rows.length;
        }
        return s;
    }
}
