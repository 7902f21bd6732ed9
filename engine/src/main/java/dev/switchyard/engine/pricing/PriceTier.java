package dev.switchyard.engine.pricing;

/**
 * Prices that replace the base prices for a whole request once its input exceeds a threshold.
 * Covers both LiteLLM's {@code *_above_200k_tokens} fields and {@code tiered_pricing} ranges: a
 * range {@code [lo, hi]} becomes a tier above {@code lo}. All prices USD per 1M tokens.
 *
 * @param aboveInputTokens applies when a request's input tokens are strictly greater than this
 * @param cachedInputPer1M null means "same as this tier's input price"
 */
public record PriceTier(long aboveInputTokens, double inputPer1M, double outputPer1M, Double cachedInputPer1M) {

    public PriceTier {
        if (aboveInputTokens < 0) {
            throw new IllegalArgumentException("tier threshold must be >= 0 tokens, got " + aboveInputTokens);
        }
        ModelPrice.requirePrice(inputPer1M, "tier input price per 1M tokens");
        ModelPrice.requirePrice(outputPer1M, "tier output price per 1M tokens");
        if (cachedInputPer1M != null) {
            ModelPrice.requirePrice(cachedInputPer1M, "tier cached-input price per 1M tokens");
        }
    }
}
