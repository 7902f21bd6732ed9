package dev.switchyard.engine.sample;

/**
 * A customer of the product whose traffic is sampled.
 *
 * @param volumeShare share of the product's requests
 * @param utcOffsetHours local time = UTC + offset; the daily rhythm follows local office hours
 * @param categoryMix weight per category, in {@link SampleProfiles#CATEGORY_ORDER} order
 * @param weekendLevel weekend traffic relative to a weekday (consumer-facing tenants dip less)
 * @param nightLevel night-time traffic relative to the busiest hour (batch jobs keep it up)
 */
public record TenantProfile(
        String name,
        String slaTier,
        double volumeShare,
        int utcOffsetHours,
        double[] categoryMix,
        double weekendLevel,
        double nightLevel) {

    public TenantProfile {
        if (!slaTier.equals("gold") && !slaTier.equals("silver") && !slaTier.equals("bronze")) {
            throw new IllegalArgumentException("tenant '" + name + "' SLA tier must be gold, silver or bronze");
        }
        if (!(volumeShare > 0)) {
            throw new IllegalArgumentException("tenant '" + name + "' volumeShare must be > 0");
        }
        categoryMix = categoryMix.clone();
    }

    @Override
    public double[] categoryMix() {
        return categoryMix.clone();
    }
}
