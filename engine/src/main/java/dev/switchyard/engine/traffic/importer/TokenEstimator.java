package dev.switchyard.engine.traffic.importer;

/**
 * The one place where token counts are estimated from text, for formats that carry text but no
 * counts (RouterBench, RouteLLM). See {@code docs/decisions/0101-token-estimation.md}.
 *
 * <p>Estimate: one token per {@value #CHARS_PER_TOKEN} characters (UTF-16 units), rounded up, at
 * least 1 for non-empty text. That is OpenAI's published rule of thumb for English; BPE tokenizers
 * of the models in these benchmarks land within about 15% of it on English prose and run higher on
 * code and non-Latin scripts. It is good enough to price a sample, and it is deterministic.
 */
public final class TokenEstimator {
    public static final int CHARS_PER_TOKEN = 4;

    /**
     * Output tokens assumed when a file has neither response text nor counts for a model, and no
     * other row of the same category gives a mean to borrow (e.g. RouteLLM MMLU): a short answer.
     */
    public static final int FALLBACK_OUTPUT_TOKENS = 16;

    private TokenEstimator() {
    }

    public static int estimate(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int n = text.length();
        return n == 0 ? 0 : (n + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
