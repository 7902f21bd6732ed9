package dev.switchyard.engine.inspect;

import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a user reads first about a traffic sample: each model's mean score and mean cost per
 * query, the best fixed model, the per-query oracle, and the per-category breakdown behind the heat
 * maps. Computed in one pass over the sample.
 *
 * @param models per model, in sample column order
 * @param bestFixed the model with the highest mean score (ties: the cheaper one)
 * @param oracle per query, the cheapest model among those with the top score (a bound, not a router)
 * @param categories per category, in the sample's category order
 * @param costBasis where the costs come from (recorded costs or a named price sheet)
 */
public record SampleSummary(
        String sampleName,
        int queries,
        List<ModelFigures> models,
        ModelFigures bestFixed,
        OracleFigures oracle,
        List<CategoryFigures> categories,
        String costBasis) {

    public SampleSummary {
        models = List.copyOf(models);
        categories = List.copyOf(categories);
    }

    /** Mean score in [0,1] and mean cost per query in USD; output tokens are the mean per answer. */
    public record ModelFigures(String id, double meanScore, double meanCost, double meanOutputTokens) {
    }

    public record OracleFigures(double meanScore, double meanCost) {
    }

    /**
     * @param meanScore per model, in sample column order
     * @param meanCost per model, USD per query
     */
    public record CategoryFigures(String name, int queries, double meanInputTokens, double[] meanScore,
                                  double[] meanCost) {
    }

    public static SampleSummary of(TrafficSample sample, CostTable costs) {
        int n = sample.size();
        int m = sample.modelCount();
        if (costs.queryCount() != n || costs.modelCount() != m) {
            throw new IllegalArgumentException("cost table does not match sample '" + sample.name() + "'");
        }
        int c = sample.categories().size();
        double[] scoreSum = new double[m];
        double[] costSum = new double[m];
        double[] outSum = new double[m];
        int[] catCount = new int[c];
        double[] catInput = new double[c];
        double[][] catScore = new double[c][m];
        double[][] catCost = new double[c][m];
        double oracleScore = 0;
        double oracleCost = 0;
        for (int q = 0; q < n; q++) {
            int cat = sample.category(q);
            catCount[cat]++;
            catInput[cat] += sample.inputTokens(q);
            float top = -1f;
            double topCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                float s = sample.score(q, j);
                double cost = costs.cost(q, j);
                scoreSum[j] += s;
                costSum[j] += cost;
                outSum[j] += sample.outputTokens(q, j);
                catScore[cat][j] += s;
                catCost[cat][j] += cost;
                if (s > top || (s == top && cost < topCost)) {
                    top = s;
                    topCost = cost;
                }
            }
            oracleScore += top;
            oracleCost += topCost;
        }
        List<ModelFigures> models = new ArrayList<>(m);
        ModelFigures best = null;
        for (int j = 0; j < m; j++) {
            ModelFigures f = new ModelFigures(sample.models().get(j), scoreSum[j] / n, costSum[j] / n, outSum[j] / n);
            models.add(f);
            if (best == null || f.meanScore() > best.meanScore()
                    || (f.meanScore() == best.meanScore() && f.meanCost() < best.meanCost())) {
                best = f;
            }
        }
        List<CategoryFigures> categories = new ArrayList<>(c);
        for (int k = 0; k < c; k++) {
            double[] meanScore = new double[m];
            double[] meanCost = new double[m];
            for (int j = 0; j < m; j++) {
                meanScore[j] = catCount[k] == 0 ? Double.NaN : catScore[k][j] / catCount[k];
                meanCost[j] = catCount[k] == 0 ? Double.NaN : catCost[k][j] / catCount[k];
            }
            categories.add(new CategoryFigures(sample.categories().get(k), catCount[k],
                    catCount[k] == 0 ? 0 : catInput[k] / catCount[k], meanScore, meanCost));
        }
        return new SampleSummary(sample.name(), n, models, best, new OracleFigures(oracleScore / n, oracleCost / n),
                categories, costs.basis());
    }
}
