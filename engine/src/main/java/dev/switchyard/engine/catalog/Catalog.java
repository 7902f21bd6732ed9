package dev.switchyard.engine.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team's model catalog. Ids and aliases are unique across the whole catalog (case-insensitive),
 * so every name other formats use resolves to at most one model.
 */
public record Catalog(String name, List<ModelInfo> models) {

    public Catalog {
        name = name == null || name.isBlank() ? "catalog" : name.strip();
        models = List.copyOf(models);
        Map<String, String> owner = new HashMap<>();
        for (ModelInfo m : models) {
            claim(owner, m.id(), m.id());
            for (String alias : m.aliases()) {
                claim(owner, alias, m.id());
            }
        }
        for (ModelInfo m : models) {
            String problem = fallbackProblem(m, owner);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** Why {@code m}'s declared rate-limit fallback is not a model of this catalog, or null when it is (or none). */
    private static String fallbackProblem(ModelInfo m, Map<String, String> owner) {
        if (m.rateLimit() == null || !m.rateLimit().hasFallback()) {
            return null;
        }
        if (owner.containsKey(m.rateLimit().fallback().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "model '" + m.id() + "' names rate-limit fallback '" + m.rateLimit().fallback()
                + "', which is not a model of this catalog";
    }

    /** The model that takes {@code m}'s requests beyond its rate limits, if it declares one. */
    public Optional<ModelInfo> fallbackOf(ModelInfo m) {
        return m.rateLimit() == null || !m.rateLimit().hasFallback() ? Optional.empty() : resolve(m.rateLimit().fallback());
    }

    /**
     * Where the requests beyond {@code limit} go in a pool: the index of the first pool model that its declared fallback
     * (an id or alias of this catalog) answers to, or -1 when the limit declares none or the fallback is not in the pool
     * (the chain ends there). The one rule the simulation, the routing configuration and the replay share, so a pool
     * that names the fallback by an alias gets the same chain in all three.
     */
    public int fallbackIndex(RateLimit limit, List<String> pool) {
        if (limit == null || !limit.hasFallback()) {
            return -1;
        }
        Optional<ModelInfo> target = resolve(limit.fallback());
        for (int j = 0; target.isPresent() && j < pool.size(); j++) {
            if (target.get().answersTo(pool.get(j))) {
                return j;
            }
        }
        return -1;
    }

    /** True when any model declares a rate limit. */
    public boolean hasRateLimits() {
        for (ModelInfo m : models) {
            if (m.rateLimit() != null) {
                return true;
            }
        }
        return false;
    }

    public static Catalog empty() {
        return new Catalog("empty", List.of());
    }

    private static void claim(Map<String, String> owner, String name, String modelId) {
        String previous = owner.putIfAbsent(name.toLowerCase(Locale.ROOT), modelId);
        if (previous != null && !previous.equals(modelId)) {
            throw new IllegalArgumentException("name '" + name + "' is used by both '" + previous + "' and '"
                    + modelId + "'; ids and aliases must be unique in a catalog");
        }
        if (previous != null && !name.equalsIgnoreCase(modelId)) {
            throw new IllegalArgumentException("model '" + modelId + "' lists '" + name + "' more than once");
        }
    }

    /** The model whose id or alias is {@code name} (case-insensitive). */
    public Optional<ModelInfo> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        for (ModelInfo m : models) {
            if (m.answersTo(trimmed)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Optional<ModelInfo> byId(String id) {
        for (ModelInfo m : models) {
            if (m.id().equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>(models.size());
        for (ModelInfo m : models) {
            ids.add(m.id());
        }
        return ids;
    }

    /**
     * Up to {@code limit} catalog names closest to {@code name}, for "did you mean" messages.
     * Distance is edit distance on lower-cased names, ids and aliases alike.
     */
    public List<String> closeMatches(String name, int limit) {
        String needle = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) { }
        List<Scored> scored = new ArrayList<>();
        for (ModelInfo m : models) {
            scored.add(new Scored(m.id(), NameDistance.ignoringProvider(needle, m.id().toLowerCase(Locale.ROOT))));
            for (String alias : m.aliases()) {
                scored.add(new Scored(alias, NameDistance.ignoringProvider(needle, alias.toLowerCase(Locale.ROOT))));
            }
        }
        int maxDistance = Math.max(3, needle.length() / 2);
        return scored.stream()
                .filter(s -> s.distance() <= maxDistance)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name)
                .distinct()
                .limit(limit)
                .toList();
    }
}
