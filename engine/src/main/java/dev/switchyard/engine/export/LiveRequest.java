package dev.switchyard.engine.export;

/**
 * A production request as {@link LiveRouter} needs it: what is known before serving.
 *
 * @param category the request's category, one of the configuration's categories
 * @param tenant tenant name, or null
 * @param slaTier SLA tier name, or null
 * @param timeMillis arrival time, epoch milliseconds
 * @param prompt prompt text, or null (used only when the configuration names a text feature extractor)
 */
public record LiveRequest(String category, int inputTokens, int cachedInputTokens, String tenant, String slaTier,
                          long timeMillis, String prompt) {
    public LiveRequest {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("a live request needs a category");
        }
        if (inputTokens < 0 || cachedInputTokens < 0 || cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("token counts must satisfy 0 <= cached <= input, got input " + inputTokens
                    + ", cached " + cachedInputTokens);
        }
    }
}
