package dev.switchyard.engine.pricing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One model's prices on one sheet, USD per 1M tokens (request fee: USD per request).
 *
 * @param cachedInputPer1M null when the sheet has no cached price: cached tokens are then billed
 *     at the input price (conservative: never cheaper than the sheet says)
 * @param tiers long-context tiers, sorted by threshold
 * @param batchInputPer1M null when the sheet has no batch price
 */
public record ModelPrice(
        String modelId,
        double inputPer1M,
        double outputPer1M,
        Double cachedInputPer1M,
        double requestFee,
        List<PriceTier> tiers,
        Double batchInputPer1M,
        Double batchOutputPer1M) {

    /**
     * The dearest price per 1M tokens Switchyard accepts: about 16 times the dearest list price
     * seen (600 USD per 1M output tokens, mid-2026). Above it a price is a typing or unit slip (a
     * per-token price entered per 1M, 1e305...) that would route traffic and overflow the costs.
     */
    public static final double MAX_PRICE_PER_1M = 10_000.0;
    /** The dearest per-request fee accepted, in USD (real fees are cents). */
    public static final double MAX_REQUEST_FEE = 100.0;

    public ModelPrice {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("price entry has a blank model id");
        }
        requirePrice(inputPer1M, "input price per 1M tokens of '" + modelId + "'");
        requirePrice(outputPer1M, "output price per 1M tokens of '" + modelId + "'");
        if (cachedInputPer1M != null) {
            requirePrice(cachedInputPer1M, "cached-input price per 1M tokens of '" + modelId + "'");
        }
        requireFee(requestFee, "request fee of '" + modelId + "'");
        if (batchInputPer1M != null) {
            requirePrice(batchInputPer1M, "batch input price of '" + modelId + "'");
        }
        if (batchOutputPer1M != null) {
            requirePrice(batchOutputPer1M, "batch output price of '" + modelId + "'");
        }
        List<PriceTier> sorted = new ArrayList<>(tiers == null ? List.of() : tiers);
        sorted.sort(Comparator.comparingLong(PriceTier::aboveInputTokens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).aboveInputTokens() == sorted.get(i - 1).aboveInputTokens()) {
                throw new IllegalArgumentException("model '" + modelId + "' has two price tiers above "
                        + sorted.get(i).aboveInputTokens() + " input tokens");
            }
        }
        tiers = List.copyOf(sorted);
    }

    /** A flat price: input and output per 1M tokens, nothing else. */
    public static ModelPrice flat(String modelId, double inputPer1M, double outputPer1M) {
        return new ModelPrice(modelId, inputPer1M, outputPer1M, null, 0.0, List.of(), null, null);
    }

    public ModelPrice withModelId(String newId) {
        return new ModelPrice(newId, inputPer1M, outputPer1M, cachedInputPer1M, requestFee, tiers,
                batchInputPer1M, batchOutputPer1M);
    }

    /** Cost of one request in USD. The one place in Switchyard where a request is priced. */
    public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        long cached = Math.min(cachedInputTokens, inputTokens);
        double in = inputPer1M;
        double out = outputPer1M;
        Double cachedPrice = cachedInputPer1M;
        for (int i = tiers.size() - 1; i >= 0; i--) {
            PriceTier t = tiers.get(i);
            if (inputTokens > t.aboveInputTokens()) {
                in = t.inputPer1M();
                out = t.outputPer1M();
                cachedPrice = t.cachedInputPer1M();
                break;
            }
        }
        double cachedRate = cachedPrice == null ? in : cachedPrice;
        return ((inputTokens - cached) * in + cached * cachedRate + outputTokens * out) / 1_000_000.0 + requestFee;
    }

    static void requirePrice(double value, String what) {
        String problem = priceProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }

    static void requireFee(double value, String what) {
        String problem = feeProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }

    /**
     * Why {@code value} is not a usable price in USD per 1M tokens ("must be ...", to follow the
     * field's name), or null when it is one. Importers call this to name the file and field.
     */
    public static String priceProblem(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (value < 0) {
            return "must not be negative, got " + value;
        }
        if (value > MAX_PRICE_PER_1M) {
            return "must be at most " + (long) MAX_PRICE_PER_1M + " USD per 1M tokens (far above any real price;"
                    + " is it a per-token price entered per 1M, or a typing slip?), got " + value;
        }
        return null;
    }

    /** Like {@link #priceProblem} for a per-request fee in USD. */
    public static String feeProblem(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (value < 0) {
            return "must not be negative, got " + value;
        }
        if (value > MAX_REQUEST_FEE) {
            return "must be at most " + (long) MAX_REQUEST_FEE + " USD per request (far above any real fee), got " + value;
        }
        return null;
    }
}
