package dev.switchyard.engine.catalog;

import java.util.Arrays;

/**
 * What is left of each pool model's rate limits in the current minute, and the chain of declared fallbacks (decision
 * 1403), under the catalog's {@link RateLimit}s. The core the simulation (sim/RateLimiter, where a request may
 * stand for w real ones) and the live router (one real request at a time, {@link #serveOne}) share, so both apply the
 * same rule; here, beside the limits, because the live router must not depend on the simulator. Not thread-safe.
 */
public final class RateBudget {
    private final double[] rpm; // +Infinity: no limit
    private final double[] tpm;
    private final int[] fallback; // pool index, -1 when none (or not in the pool)
    private final boolean anyTokenLimit;
    private final double[] usedRequests;
    private final double[] usedTokens;
    private final int[] tried; // stamp per model: a cycle in the chain ends it
    private int stamp;
    private long servedByFallback;
    private long servedOverLimit;

    /**
     * @param requestsPerMinute per pool model; 0 means no limit
     * @param tokensPerMinute per pool model; 0 means no limit
     * @param fallback per pool model, the pool index of its declared fallback, -1 for none
     */
    public RateBudget(long[] requestsPerMinute, long[] tokensPerMinute, int[] fallback) {
        int m = fallback.length;
        if (requestsPerMinute.length != m || tokensPerMinute.length != m) {
            throw new IllegalArgumentException("rate limits need one request limit, token limit and fallback per model");
        }
        this.rpm = new double[m];
        this.tpm = new double[m];
        this.fallback = fallback.clone();
        boolean tokens = false;
        for (int j = 0; j < m; j++) {
            if (requestsPerMinute[j] < 0 || tokensPerMinute[j] < 0 || fallback[j] < -1 || fallback[j] >= m) {
                throw new IllegalArgumentException("model #" + j + ": limits must be >= 0 and the fallback a pool index");
            }
            rpm[j] = requestsPerMinute[j] == 0 ? Double.POSITIVE_INFINITY : requestsPerMinute[j];
            tpm[j] = tokensPerMinute[j] == 0 ? Double.POSITIVE_INFINITY : tokensPerMinute[j];
            tokens |= tokensPerMinute[j] > 0;
        }
        this.anyTokenLimit = tokens;
        this.usedRequests = new double[m];
        this.usedTokens = new double[m];
        this.tried = new int[m];
    }

    /** True when some model has a token limit: without one, callers need not count a request's tokens (0 will do). */
    public boolean limitsTokens() {
        return anyTokenLimit;
    }

    /** Whole real requests of {@code tokens} tokens each that still fit in {@code model}'s minute (both limits). */
    public double room(int model, double tokens) {
        double room = Math.floor(rpm[model] - usedRequests[model]);
        if (anyTokenLimit && tpm[model] != Double.POSITIVE_INFINITY) {
            double leftTokens = tpm[model] - usedTokens[model];
            room = Math.min(room, tokens == 0 ? (leftTokens >= 0 ? Double.POSITIVE_INFINITY : 0)
                    : Math.floor(leftTokens / tokens));
        }
        return Math.max(0, room);
    }

    /** Counts {@code requests} real requests of {@code tokens} tokens each against {@code model}'s minute. */
    public void use(int model, double requests, double tokens) {
        usedRequests[model] += requests;
        if (anyTokenLimit) {
            usedTokens[model] += requests * tokens;
        }
    }

    /** Starts a walk down {@code routed}'s fallback chain. */
    public void startChain(int routed) {
        stamp++;
        tried[routed] = stamp;
    }

    /** The next model of the chain after {@code model}, marked as tried; -1 when the chain ends (no fallback, or a cycle). */
    public int next(int model) {
        int n = fallback[model];
        if (n < 0 || tried[n] == stamp) {
            return -1;
        }
        tried[n] = stamp;
        return n;
    }

    /**
     * Serves one real request routed to {@code routed} in the current minute (the caller clears it when a minute
     * starts): the first model of its fallback chain with room for it, else {@code routed} over its limit; counted.
     *
     * @param inputTokens the request's input tokens
     * @param outputTokens per pool model, the output tokens counted for it
     */
    public int serveOne(int routed, double inputTokens, double[] outputTokens) {
        startChain(routed);
        for (int model = routed; model >= 0; model = next(model)) {
            double tokens = inputTokens + outputTokens[model];
            if (room(model, tokens) >= 1) {
                use(model, 1, tokens);
                if (model != routed) {
                    servedByFallback++;
                }
                return model;
            }
        }
        use(routed, 1, inputTokens + outputTokens[routed]);
        servedOverLimit++;
        return routed;
    }

    /** Counts a request whose answer its routed model already produced (served as is, never re-routed). */
    public void useProduced(int model, double inputTokens, double[] outputTokens) {
        use(model, 1, inputTokens + outputTokens[model]);
    }

    /** A new minute: every model's limits are whole again. */
    public void newMinute() {
        Arrays.fill(usedRequests, 0);
        Arrays.fill(usedTokens, 0);
    }

    /** Requests {@link #serveOne} sent to a fallback because their routed model was full. */
    public long servedByFallback() {
        return servedByFallback;
    }

    /** Requests {@link #serveOne} served over the limit: every model of the chain was full. */
    public long servedOverLimit() {
        return servedOverLimit;
    }
}
