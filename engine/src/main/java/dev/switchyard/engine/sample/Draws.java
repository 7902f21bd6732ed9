package dev.switchyard.engine.sample;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random draws for the sample generator, written out here (Box-Muller, inversion, StrictMath) so
 * the bytes it produces depend only on the seed and this code, not on how a JDK release happens
 * to implement {@code nextGaussian} or {@code Math.exp}.
 */
final class Draws {
    private static final String ALGORITHM = "L64X128MixRandom";

    private final RandomGenerator rng;

    private Draws(RandomGenerator rng) {
        this.rng = rng;
    }

    /** The generator for one independent stream of a run: (seed, stream) mixed, never shared. */
    static Draws stream(long seed, long stream) {
        return new Draws(RandomGeneratorFactory.of(ALGORITHM).create(mix(seed, stream)));
    }

    /** SplitMix64 finaliser over the pair, so nearby seeds and streams give unrelated generators. */
    static long mix(long seed, long stream) {
        return splitMix(seed ^ splitMix(stream + 0x9E3779B97F4A7C15L));
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return rng.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    int below(int bound) {
        return rng.nextInt(bound);
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** Standard normal by Box-Muller (one value per call; simplicity beats speed here). */
    double normal() {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Lognormal with the given mean (not median) and log-scale sigma. */
    double lognormalWithMean(double mean, double sigma) {
        double mu = StrictMath.log(mean) - sigma * sigma / 2.0;
        return StrictMath.exp(mu + sigma * normal());
    }

    /** Poisson by inversion; fine for the small means used here. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit && k < 1000) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }

    int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Index drawn from a cumulative table (last entry = total), by binary search. */
    int fromCumulative(double[] cumulative) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }
}
