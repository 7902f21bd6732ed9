package dev.switchyard.app.data;

import java.util.List;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * What the data screen shows about a traffic sample: queries per category, model x category
 * means of score and cost, token histograms, and the two reference points every router is
 * judged against (the per-query oracle and the best fixed model).
 *
 * @param meanScore [model][category], NaN where a category has no queries
 * @param costPer1k [model][category] USD per 1,000 requests, null when the sample cannot be priced
 * @param costNote why costs are missing, or the basis of the costs
 */
public record TrafficStats(
        List<String> models,
        List<String> categories,
        long[] queriesPerCategory,
        double[][] meanScore,
        double[][] costPer1k,
        String costNote,
        Histogram inputTokens,
        Histogram outputTokens,
        Reference oracle,
        Reference bestFixed,
        Reference cheapest) {

    /** Log-spaced token histogram; {@code edges} has one more entry than {@code counts}. */
    public record Histogram(long[] edges, long[] counts) {
    }

    /**
     * @param model the fixed model, or a description ("per-query oracle")
     * @param costPer1k NaN when unpriced
     */
    public record Reference(String model, double meanScore, double costPer1k) {
    }

    public static TrafficStats compute(TrafficSample s, CostTable costs, String costNote, ProgressSink sink) {
        int n = s.size();
        int m = s.modelCount();
        int c = s.categories().size();
        long[] perCat = new long[c];
        double[][] score = new double[m][c];
        double[][] cost = costs == null ? null : new double[m][c];
        double[] totalScore = new double[m];
        double[] totalCost = new double[m];
        double oracleScore = 0;
        double oracleCost = 0;
        int[] inTokens = new int[n];
        long[] outAll = new long[(int) Math.min((long) n * m, 5_000_000L)];
        int outCount = 0;
        for (int q = 0; q < n; q++) {
            if ((q & 0x3fff) == 0) {
                sink.checkCancelled();
                sink.progress((double) q / n, "traffic statistics");
            }
            int cat = s.category(q);
            perCat[cat]++;
            inTokens[q] = s.inputTokens(q);
            float best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                float sc = s.score(q, j);
                score[j][cat] += sc;
                totalScore[j] += sc;
                if (outCount < outAll.length) {
                    outAll[outCount++] = s.outputTokens(q, j);
                }
                double cj = costs == null ? 0 : costs.cost(q, j);
                if (cost != null) {
                    cost[j][cat] += cj;
                    totalCost[j] += cj;
                }
                // oracle: the cheapest model among those with the top score
                if (sc > best || (sc == best && cj < bestCost)) {
                    best = sc;
                    bestCost = cj;
                }
            }
            oracleScore += best;
            oracleCost += bestCost;
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < c; k++) {
                score[j][k] = perCat[k] == 0 ? Double.NaN : score[j][k] / perCat[k];
                if (cost != null) {
                    cost[j][k] = perCat[k] == 0 ? Double.NaN : 1000.0 * cost[j][k] / perCat[k];
                }
            }
        }
        int best = 0;
        int cheapest = 0;
        for (int j = 1; j < m; j++) {
            if (totalScore[j] > totalScore[best]) {
                best = j;
            }
            if (totalCost[j] < totalCost[cheapest]) {
                cheapest = j;
            }
        }
        double nan = Double.NaN;
        Reference oracle = new Reference("per-query oracle", oracleScore / n, costs == null ? nan : 1000.0 * oracleCost / n);
        Reference bestFixed = new Reference(s.models().get(best), totalScore[best] / n,
                costs == null ? nan : 1000.0 * totalCost[best] / n);
        Reference cheap = costs == null ? new Reference("", nan, nan)
                : new Reference(s.models().get(cheapest), totalScore[cheapest] / n, 1000.0 * totalCost[cheapest] / n);
        long[] in = new long[n];
        for (int q = 0; q < n; q++) {
            in[q] = inTokens[q];
        }
        return new TrafficStats(s.models(), s.categories().values(), perCat, score, cost, costNote,
                histogram(in, n), histogram(outAll, outCount), oracle, bestFixed, cheap);
    }

    /** Bins at powers of two (1, 2, 4, ... tokens): token counts span four orders of magnitude. */
    static Histogram histogram(long[] values, int count) {
        long max = 1;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        int bins = 64 - Long.numberOfLeadingZeros(max) + 1;
        long[] counts = new long[bins];
        for (int i = 0; i < count; i++) {
            long v = values[i];
            int b = v <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
            counts[Math.min(b, bins - 1)]++;
        }
        // trim empty leading bins so the chart starts where the data does
        int first = 0;
        while (first < bins - 1 && counts[first] == 0) {
            first++;
        }
        long[] edges = new long[bins - first + 1];
        long[] trimmed = new long[bins - first];
        for (int b = first; b < bins; b++) {
            trimmed[b - first] = counts[b];
            edges[b - first] = b == 0 ? 0 : 1L << (b - 1);
        }
        edges[edges.length - 1] = 1L << (bins - 1);
        return new Histogram(edges, trimmed);
    }
}
