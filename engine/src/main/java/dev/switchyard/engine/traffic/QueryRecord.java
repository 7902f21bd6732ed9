package dev.switchyard.engine.traffic;

import java.util.Arrays;

/**
 * One query with every model's outcome, as importers hand it to {@link TrafficSample.Builder}.
 * Optional per-query fields are null; optional per-model arrays are null.
 *
 * @param timestampMillis epoch milliseconds, or null
 * @param scores per model, quality in [0,1] (1/0 for pass/fail, graded for judge scores)
 * @param outputTokens per model
 * @param recordedCostUsd per model, what the file says the query cost, or null
 * @param recordedLatencyMs per model, the recorded total latency, or null
 * @param recordedTtftMs per model, the recorded time to first token (at most the recorded total where both are
 *     given), or null
 */
public record QueryRecord(
        String id,
        String category,
        Long timestampMillis,
        String tenant,
        String slaTier,
        String prompt,
        int inputTokens,
        int cachedInputTokens,
        float[] scores,
        int[] outputTokens,
        float[] recordedCostUsd,
        float[] recordedLatencyMs,
        float[] recordedTtftMs) {

    /** A query without recorded time to first token. */
    public QueryRecord(String id, String category, Long timestampMillis, String tenant, String slaTier, String prompt,
            int inputTokens, int cachedInputTokens, float[] scores, int[] outputTokens, float[] recordedCostUsd,
            float[] recordedLatencyMs) {
        this(id, category, timestampMillis, tenant, slaTier, prompt, inputTokens, cachedInputTokens, scores, outputTokens,
                recordedCostUsd, recordedLatencyMs, null);
    }

    public QueryRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("query id must not be blank");
        }
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("query '" + id + "' has no category");
        }
        if (inputTokens < 0) {
            throw new IllegalArgumentException("query '" + id + "' input tokens must be >= 0, got " + inputTokens);
        }
        if (cachedInputTokens < 0 || cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("query '" + id + "' cached input tokens must be between 0 and the input tokens ("
                    + inputTokens + "), got " + cachedInputTokens);
        }
        if (scores == null || outputTokens == null || scores.length != outputTokens.length) {
            throw new IllegalArgumentException("query '" + id + "' needs one score and one output-token count per model");
        }
        for (int m = 0; m < scores.length; m++) {
            float s = scores[m];
            if (!(s >= 0f && s <= 1f)) {
                throw new IllegalArgumentException("query '" + id + "' score of model #" + (m + 1)
                        + " must be in [0,1], got " + s);
            }
            if (outputTokens[m] < 0) {
                throw new IllegalArgumentException("query '" + id + "' output tokens of model #" + (m + 1)
                        + " must be >= 0, got " + outputTokens[m]);
            }
        }
        requirePerModel(id, recordedCostUsd, scores.length, "recorded cost");
        requirePerModel(id, recordedLatencyMs, scores.length, "recorded latency");
        requirePerModel(id, recordedTtftMs, scores.length, "recorded time to first token");
        if (recordedTtftMs != null && recordedLatencyMs != null) {
            for (int m = 0; m < scores.length; m++) {
                if (recordedTtftMs[m] > recordedLatencyMs[m]) {
                    throw new IllegalArgumentException("query '" + id + "' time to first token of model #" + (m + 1) + " ("
                            + recordedTtftMs[m] + " ms) exceeds its total latency (" + recordedLatencyMs[m] + " ms)");
                }
            }
        }
    }

    private static void requirePerModel(String id, float[] values, int models, String what) {
        if (values == null) {
            return;
        }
        if (values.length != models) {
            throw new IllegalArgumentException("query '" + id + "' needs one " + what + " per model");
        }
        for (float v : values) {
            if (!Float.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("query '" + id + "' " + what + " must be a finite number >= 0, got " + v);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryRecord r && id.equals(r.id) && category.equals(r.category)
                && java.util.Objects.equals(timestampMillis, r.timestampMillis)
                && java.util.Objects.equals(tenant, r.tenant) && java.util.Objects.equals(slaTier, r.slaTier)
                && java.util.Objects.equals(prompt, r.prompt) && inputTokens == r.inputTokens
                && cachedInputTokens == r.cachedInputTokens && Arrays.equals(scores, r.scores)
                && Arrays.equals(outputTokens, r.outputTokens) && Arrays.equals(recordedCostUsd, r.recordedCostUsd)
                && Arrays.equals(recordedLatencyMs, r.recordedLatencyMs) && Arrays.equals(recordedTtftMs, r.recordedTtftMs);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "QueryRecord[" + id + ", " + category + ", scores=" + Arrays.toString(scores) + "]";
    }
}
