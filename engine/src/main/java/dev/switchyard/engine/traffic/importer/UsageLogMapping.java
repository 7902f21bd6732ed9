package dev.switchyard.engine.traffic.importer;

/**
 * Which column of a usage-log CSV (a Langfuse, LangSmith or Helicone export, or any request log)
 * holds what. A null column name means the log has no such column. Only {@code inputTokens} is
 * required: it is the one thing a log must say about each request to be useful for planning.
 *
 * @param queryId a request id column; without one, ids are {@code <file stem>#<line>}
 * @param model the model that served the request (reported as the log's own mix, not an outcome)
 * @param feedback sparse user feedback (counted and reported; the sample has no feedback column)
 */
public record UsageLogMapping(
        String timestamp,
        String model,
        String inputTokens,
        String cachedInputTokens,
        String outputTokens,
        String costUsd,
        String latencyMs,
        String tenant,
        String category,
        String feedback,
        String queryId,
        String slaTier) {

    public UsageLogMapping {
        if (inputTokens == null || inputTokens.isBlank()) {
            throw new IllegalArgumentException("a usage-log mapping must name the input-tokens column");
        }
        timestamp = clean(timestamp);
        model = clean(model);
        inputTokens = inputTokens.strip();
        cachedInputTokens = clean(cachedInputTokens);
        outputTokens = clean(outputTokens);
        costUsd = clean(costUsd);
        latencyMs = clean(latencyMs);
        tenant = clean(tenant);
        category = clean(category);
        feedback = clean(feedback);
        queryId = clean(queryId);
        slaTier = clean(slaTier);
    }

    /** The column names Switchyard writes and most exports can be renamed to. */
    public static UsageLogMapping defaults() {
        return new UsageLogMapping("timestamp", "model", "input_tokens", "cached_input_tokens", "output_tokens",
                "cost_usd", "latency_ms", "tenant", "category", "feedback", "request_id", "sla_tier");
    }

    private static String clean(String column) {
        return column == null || column.isBlank() ? null : column.strip();
    }
}
