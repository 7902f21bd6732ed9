package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a prompt into a sparse {@link FeatureVector}: lower-cased word tokens (runs of letters and digits)
 * and their bigrams, hashed with {@link MurmurHash3} (fixed seed) into {@code 2^hashBits} buckets
 * with a hash-derived sign (signed hashing, so collisions cancel in expectation rather than add
 * up), weighted {@code 1 + ln(count)} and scaled to unit L2 norm. Indices come out strictly increasing. The category one-hot and the
 * length feature are not part of the vector: predictors read them from the request view
 * ({@link #lengthFeature(int)}).
 *
 * <p>Only the first {@code maxTokens} tokens are used: the cost of a prediction is linear in the
 * number of non-zero features, the router must stay above a million requests per second per core,
 * and the head of a prompt is where the task is stated. Deterministic and thread-safe.
 *
 * @param hashBits bucket count is {@code 2^hashBits}; 10..24
 * @param maxTokens tokens read from the start of the prompt; 1..4096
 */
public record TextFeaturizer(int hashBits, int maxTokens) implements TextFeatureExtractor {
    /** The extractor's name in scenarios and results. */
    public static final String NAME = "hashed-unigram-bigram";
    public static final int DEFAULT_HASH_BITS = 18;
    public static final int DEFAULT_MAX_TOKENS = 48;
    private static final int BIGRAM_SEED = MurmurHash3.FEATURE_SEED ^ 0x00B1_6A4D;

    public TextFeaturizer {
        if (hashBits < 10 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be between 10 and 24, got " + hashBits);
        }
        if (maxTokens < 1 || maxTokens > 4096) {
            throw new IllegalArgumentException("maxTokens must be between 1 and 4096, got " + maxTokens);
        }
    }

    public static TextFeaturizer defaults() {
        return new TextFeaturizer(DEFAULT_HASH_BITS, DEFAULT_MAX_TOKENS);
    }

    public int buckets() {
        return 1 << hashBits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return buckets();
    }

    /** The length feature, {@code log1p(inputTokens) / 10}: typical prompts give 0.3..1.2. */
    public static float lengthFeature(int inputTokens) {
        return (float) (Math.log1p(Math.max(0, inputTokens)) / 10.0);
    }

    /** Hashed words and bigrams of {@code prompt}; empty for a null or wordless prompt. */
    @Override
    public FeatureVector extract(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return FeatureVector.EMPTY;
        }
        int[] hashes = new int[2 * maxTokens];
        int n = 0;
        int tokens = 0;
        int prev = 0;
        String lower = prompt.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        int len = lower.length();
        while (i < len && tokens < maxTokens) {
            while (i < len && !Character.isLetterOrDigit(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            int start = i;
            while (i < len && Character.isLetterOrDigit(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i == start) {
                break;
            }
            byte[] bytes = lower.substring(start, i).getBytes(StandardCharsets.UTF_8);
            int h = MurmurHash3.hash32(bytes, 0, bytes.length, MurmurHash3.FEATURE_SEED);
            hashes[n++] = h;
            if (tokens > 0) {
                hashes[n++] = MurmurHash3.hashPair(prev, h, BIGRAM_SEED);
            }
            prev = h;
            tokens++;
        }
        return fromHashes(Arrays.copyOf(hashes, n));
    }

    private FeatureVector fromHashes(int[] hashes) {
        Arrays.sort(hashes);
        int mask = buckets() - 1;
        // (bucket << 32 | float bits) pairs, so that colliding features can be merged after sorting
        long[] packed = new long[hashes.length];
        int distinct = 0;
        for (int i = 0; i < hashes.length; ) {
            int j = i;
            while (j < hashes.length && hashes[j] == hashes[i]) {
                j++;
            }
            int h = hashes[i];
            float w = (float) (1.0 + Math.log(j - i));
            float signed = h < 0 ? -w : w;
            packed[distinct++] = ((long) (h & mask) << 32) | (Float.floatToRawIntBits(signed) & 0xffffffffL);
            i = j;
        }
        Arrays.sort(packed, 0, distinct);
        int[] idx = new int[distinct];
        float[] val = new float[distinct];
        int nnz = 0;
        for (int i = 0; i < distinct; i++) {
            int bucket = (int) (packed[i] >>> 32);
            float v = Float.intBitsToFloat((int) packed[i]);
            if (nnz > 0 && idx[nnz - 1] == bucket) {
                val[nnz - 1] += v;
            } else {
                idx[nnz] = bucket;
                val[nnz] = v;
                nnz++;
            }
        }
        double norm = 0;
        int kept = 0;
        for (int i = 0; i < nnz; i++) {
            if (val[i] != 0f) {
                idx[kept] = idx[i];
                val[kept] = val[i];
                norm += (double) val[i] * val[i];
                kept++;
            }
        }
        float scale = kept == 0 ? 0f : (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < kept; i++) {
            val[i] *= scale;
        }
        if (kept == 0) {
            return FeatureVector.EMPTY;
        }
        return FeatureVector.of(buckets(), Arrays.copyOf(idx, kept), Arrays.copyOf(val, kept));
    }
}
