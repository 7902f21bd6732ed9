package dev.switchyard.engine.pricing;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost in USD of every (query, model) cell of a sample, computed once per (sample, price
 * sheet). With a price sheet, every cell is priced from its tokens; without one, the costs the
 * file recorded are used. A model the sheet does not price is an error, never a free model.
 */
public final class CostTable {
    private final int models;
    private final double[] cost;
    private final String basis;

    private CostTable(int models, double[] cost, String basis) {
        this.models = models;
        this.cost = cost;
        this.basis = basis;
    }

    /**
     * @param sheet the prices to use, or null to use the sample's recorded costs
     * @throws UnpricedModelsException when the sheet lacks a model, or there is neither a sheet nor
     *     recorded costs
     */
    public static CostTable of(TrafficSample sample, PriceSheet sheet, Catalog catalog) throws UnpricedModelsException {
        int m = sample.modelCount();
        int n = sample.size();
        double[] cost = new double[n * m];
        if (sheet == null) {
            if (!sample.hasRecordedCosts()) {
                throw new UnpricedModelsException("sample '" + sample.name() + "' records no costs and no price sheet was given;"
                        + " load a price sheet (--prices) so each query can be priced from its tokens", sample.models(), List.of());
            }
            for (int q = 0; q < n; q++) {
                for (int j = 0; j < m; j++) {
                    cost[q * m + j] = sample.recordedCost(q, j);
                }
            }
            return new CostTable(m, cost, "recorded costs in " + String.join(", ", sample.sources()));
        }
        ModelPrice[] prices = new ModelPrice[m];
        List<String> missing = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            String id = sample.models().get(j);
            prices[j] = sheet.priceOf(id, catalog).orElse(null);
            if (prices[j] == null) {
                missing.add(id);
                List<String> close = new Catalog("sheet", sheet.prices().keySet().stream()
                        .map(dev.switchyard.engine.catalog.ModelInfo::ofId).toList()).closeMatches(id, 3);
                hints.add(close.isEmpty() ? id + ": no close match on the sheet" : id + ": did you mean " + String.join(", ", close) + "?");
            }
        }
        if (!missing.isEmpty()) {
            throw new UnpricedModelsException("price sheet '" + sheet.label() + "' has no price for " + missing
                    + " (a model without a price is never treated as free). " + String.join("; ", hints), missing, hints);
        }
        for (int q = 0; q < n; q++) {
            int in = sample.inputTokens(q);
            int cached = sample.cachedInputTokens(q);
            for (int j = 0; j < m; j++) {
                cost[q * m + j] = prices[j].cost(in, cached, sample.outputTokens(q, j));
            }
        }
        return new CostTable(m, cost, "price sheet " + sheet.label());
    }

    public double cost(int query, int model) {
        return cost[query * models + model];
    }

    public int modelCount() {
        return models;
    }

    public int queryCount() {
        return cost.length / models;
    }

    /** Where the numbers come from, for result provenance ("price sheet list-2026-06 ..."). */
    public String basis() {
        return basis;
    }

    /** Mean cost per query of model {@code m} over the whole sample. */
    public double meanCost(int model) {
        double sum = 0;
        int n = queryCount();
        for (int q = 0; q < n; q++) {
            sum += cost[q * models + model];
        }
        return sum / n;
    }

    /** Raised when a sample cannot be priced; lists the models concerned and suggestions. */
    public static final class UnpricedModelsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> models;
        private final transient List<String> suggestions;

        public UnpricedModelsException(String message, List<String> models, List<String> suggestions) {
            super(message);
            this.models = List.copyOf(models);
            this.suggestions = List.copyOf(suggestions);
        }

        public List<String> models() {
            return models;
        }

        public List<String> suggestions() {
            return suggestions;
        }
    }
}
