package dev.switchyard.engine.sample;

import java.util.List;

/**
 * One product's traffic sample: which tenants send it, how many queries, and how hard they are.
 *
 * @param difficultyShift added to every query's standardised difficulty (negative: easier traffic)
 */
public record ProductProfile(
        String name,
        String description,
        int queries,
        double difficultyShift,
        List<TenantProfile> tenants) {

    public ProductProfile {
        if (queries < 1) {
            throw new IllegalArgumentException("product '" + name + "' needs at least one query");
        }
        tenants = List.copyOf(tenants);
    }
}
