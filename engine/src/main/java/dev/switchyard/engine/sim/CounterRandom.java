package dev.switchyard.engine.sim;

/**
 * Counter-based random numbers for common random numbers (decision 0901): every draw is a pure function of
 * (scenario seed, replication, purpose, request index, model), computed by a SplitMix64-style hash. Nothing is
 * carried from one draw to the next, so the request with real index {@code i} is the same query with the same
 * hidden outcome and the same user reaction for every router, every target and every feedback rate of a sweep,
 * and the numbers cannot depend on threads or on how many draws a router made before.
 *
 * <p>One instance per (seed, replication, purpose); {@link #bits(long, int)} is the draw.
 */
public final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MODEL_STEP = 0xD1B54A32D192ED03L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private final long key;

    public CounterRandom(long seed, long replication, long purpose) {
        this.key = Seeds.mix(seed, replication, purpose);
    }

    /** 64 well-mixed bits for (request index, model); model is any small integer (e.g. -1 for the request itself). */
    public long bits(long index, int model) {
        long z = key + index * GOLDEN + model * MODEL_STEP;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double uniform(long index, int model) {
        return (bits(index, model) >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, 1) with 24 random bits (the float the truth draw compares a float score with). */
    public float uniformFloat(long index, int model) {
        return (bits(index, model) >>> 40) * FLOAT_UNIT;
    }

    /**
     * Uniform integer in [0, bound) by multiply-shift of the top 32 bits (Lemire): no division and no loop. The
     * bias is at most bound / 2^32 (under 1e-5 for a million-row pool), far below any figure's sampling error.
     */
    public int below(long index, int model, int bound) {
        return (int) (((bits(index, model) >>> 32) * bound) >>> 32);
    }
}
