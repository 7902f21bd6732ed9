package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.LatencyProfile;
import java.util.List;

/**
 * One model as the generator sees it: catalog facts, list prices and the target accuracy per
 * category that its ability is calibrated to.
 *
 * @param verbosity multiplies every category's output tokens (includes billed reasoning tokens)
 * @param targetAccuracy per category, in {@link SampleProfiles#CATEGORY_ORDER} order: the mean
 *     score this model should reach on a standard-difficulty query mix
 */
public record ModelProfile(
        String id,
        String displayName,
        String provider,
        String family,
        String tier,
        List<String> aliases,
        int contextWindow,
        int maxOutputTokens,
        LatencyProfile latency,
        double verbosity,
        ListPrice listPrice,
        double[] targetAccuracy) {

    public ModelProfile {
        aliases = List.copyOf(aliases);
        targetAccuracy = targetAccuracy.clone();
        for (double a : targetAccuracy) {
            if (!(a > 0 && a < 1)) {
                throw new IllegalArgumentException("model '" + id + "' target accuracies must be in (0,1), got " + a);
            }
        }
        if (!(verbosity > 0)) {
            throw new IllegalArgumentException("model '" + id + "' verbosity must be > 0");
        }
    }

    @Override
    public double[] targetAccuracy() {
        return targetAccuracy.clone();
    }

    double targetAccuracy(int category) {
        return targetAccuracy[category];
    }

    /**
     * List price per 1M tokens.
     *
     * @param cachedInputPer1M null when the price list gives none
     * @param longContextAbove input-token threshold of a long-context tier, 0 for none
     */
    public record ListPrice(double inputPer1M, double outputPer1M, Double cachedInputPer1M,
                            long longContextAbove, double longInputPer1M, double longOutputPer1M) {
        static ListPrice of(double in, double out, Double cached) {
            return new ListPrice(in, out, cached, 0, 0, 0);
        }
    }
}
