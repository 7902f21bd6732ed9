package dev.switchyard.engine.sim;

import java.util.SplittableRandom;

/**
 * Derives independent generators from (seed, replication, purpose) with the SplitMix64 finaliser,
 * so a replication's numbers never depend on which thread ran it or in which order.
 */
public final class Seeds {
    /** Purposes: separate streams so, e.g., the router's coin flips never shift the hidden truth. */
    public static final int STREAM = 1;
    public static final int TRUTH = 2;
    public static final int FEEDBACK = 3;
    public static final int ROUTER = 4;
    public static final int SPLIT = 5;
    public static final int JUDGE = 6;
    /** Latency draws (paired across routers: keyed by request and model only). */
    public static final int LATENCY = 7;
    /** Which model of a rate-limit fallback chain serves a scaled request (decision 1403). */
    public static final int RATE_LIMIT = 8;

    private Seeds() {
    }

    public static long mix(long seed, long replication, long purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + replication * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static SplittableRandom generator(long seed, long replication, long purpose) {
        return new SplittableRandom(mix(seed, replication, purpose));
    }
}
