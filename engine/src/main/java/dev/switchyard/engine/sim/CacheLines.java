package dev.switchyard.engine.sim;

/**
 * Loads that warm the cache (decision 1060): Java has no prefetch instruction, so the simulator's gather pass reads one
 * value of every cache line it is about to copy, in a loop of small independent loads that keeps many misses in flight
 * at once. The caller keeps the sum somewhere observable (a field), so that the JIT cannot drop the loads.
 */
final class CacheLines {
    private static final int FLOATS_PER_LINE = 16; // a 64-byte line

    private CacheLines() {
    }

    /** Reads one float of each cache line of {@code a[from, from + length)}; the sum means nothing. */
    static float touch(float[] a, int from, int length) {
        float sum = a[from + length - 1];
        for (int o = 0; o < length; o += FLOATS_PER_LINE) {
            sum += a[from + o];
        }
        return sum;
    }
}
