package dev.switchyard.engine.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One model in a team's catalog.
 *
 * @param id canonical id used everywhere in Switchyard (e.g. {@code gpt-5.4-mini})
 * @param aliases the names other formats use for it (LiteLLM key, OpenRouter id, benchmark column)
 * @param contextWindow maximum input tokens, 0 when unknown
 * @param maxOutputTokens 0 when unknown
 * @param latency may be null when unknown
 * @param qualityPriors prior probability of a satisfying answer per task category, each in [0,1]
 * @param deprecationDate null when none is announced
 * @param provenance where these facts come from (free text)
 * @param rateLimit per-minute limits and the declared fallback (decision 1403), null when the catalog states none
 */
public record ModelInfo(
        String id,
        String displayName,
        String provider,
        String family,
        String tier,
        List<String> aliases,
        int contextWindow,
        int maxOutputTokens,
        LatencyProfile latency,
        Map<String, Double> qualityPriors,
        LocalDate deprecationDate,
        String provenance,
        RateLimit rateLimit) {

    public ModelInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("model id must not be blank");
        }
        id = id.strip();
        displayName = displayName == null || displayName.isBlank() ? id : displayName.strip();
        provider = provider == null ? "" : provider.strip();
        family = family == null ? "" : family.strip();
        tier = tier == null ? "" : tier.strip();
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        for (String alias : aliases) {
            if (alias.isBlank()) {
                throw new IllegalArgumentException("model '" + id + "' has a blank alias");
            }
        }
        if (contextWindow < 0) {
            throw new IllegalArgumentException("model '" + id + "' contextWindow must be >= 0, got " + contextWindow);
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("model '" + id + "' maxOutputTokens must be >= 0, got " + maxOutputTokens);
        }
        Map<String, Double> priors = new TreeMap<>();
        if (qualityPriors != null) {
            for (Map.Entry<String, Double> e : qualityPriors.entrySet()) {
                final String modelId = id;
                Double p = Objects.requireNonNull(e.getValue(), () -> "model '" + modelId + "' prior for '" + e.getKey() + "' is null");
                if (!(p >= 0.0 && p <= 1.0)) {
                    throw new IllegalArgumentException("model '" + id + "' quality prior for category '" + e.getKey()
                            + "' must be in [0,1], got " + p);
                }
                priors.put(e.getKey(), p);
            }
        }
        qualityPriors = Map.copyOf(priors);
        provenance = provenance == null ? "" : provenance.strip();
        if (rateLimit != null && rateLimit.hasFallback() && (id.equalsIgnoreCase(rateLimit.fallback())
                || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(rateLimit.fallback())))) {
            throw new IllegalArgumentException("model '" + id + "' names itself as its rate-limit fallback");
        }
    }

    /** A model without rate limits (the catalogs written before issue 14's limits). */
    public ModelInfo(String id, String displayName, String provider, String family, String tier, List<String> aliases,
            int contextWindow, int maxOutputTokens, LatencyProfile latency, Map<String, Double> qualityPriors,
            LocalDate deprecationDate, String provenance) {
        this(id, displayName, provider, family, tier, aliases, contextWindow, maxOutputTokens, latency, qualityPriors,
                deprecationDate, provenance, null);
    }

    /** This model with other rate limits (null: none); everything else kept. */
    public ModelInfo withRateLimit(RateLimit limit) {
        return new ModelInfo(id, displayName, provider, family, tier, aliases, contextWindow, maxOutputTokens, latency,
                qualityPriors, deprecationDate, provenance, limit);
    }

    /** Convenience for tests and generators: a model known only by id. */
    public static ModelInfo ofId(String id) {
        return new ModelInfo(id, id, "", "", "", List.of(), 0, 0, null, Map.of(), null, "");
    }

    /** True when {@code name} is this model's id or one of its aliases (case-insensitive). */
    public boolean answersTo(String name) {
        if (id.equalsIgnoreCase(name)) {
            return true;
        }
        for (String alias : aliases) {
            if (alias.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean isDeprecatedOn(LocalDate date) {
        return deprecationDate != null && !date.isBefore(deprecationDate);
    }
}
