package dev.switchyard.engine.routing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a router needs to resume exactly where it stood: named scalars and named arrays
 * (counts, estimates, weights). Unlike {@link LearnedState}, which is for people to read, this is
 * for {@link Router#restoreState}: a router restored from its own warm state, built from the same
 * context, makes the decisions the original would have made next (docs/decisions/1200-warm-start.md).
 *
 * @param router router name (a state is restored only into a router of the same name)
 */
public record WarmState(String router, Map<String, Double> scalars, Map<String, double[]> arrays) {
    public WarmState {
        if (router == null || router.isBlank()) {
            throw new IllegalArgumentException("a warm state needs the router's name");
        }
        scalars = Collections.unmodifiableMap(new TreeMap<>(scalars == null ? Map.of() : scalars));
        Map<String, double[]> copy = new TreeMap<>();
        if (arrays != null) {
            arrays.forEach((k, v) -> copy.put(k, v.clone()));
        }
        arrays = Collections.unmodifiableMap(copy);
    }

    /** The scalar {@code key}; a clear error naming the router when it is missing. */
    public double scalar(String key) {
        Double v = scalars.get(key);
        if (v == null) {
            throw new IllegalArgumentException("warm state of '" + router + "' has no value '" + key + "'");
        }
        return v;
    }

    /** A copy of array {@code key}, checked for its length. */
    public double[] array(String key, int length) {
        double[] v = arrays.get(key);
        if (v == null) {
            throw new IllegalArgumentException("warm state of '" + router + "' has no array '" + key + "'");
        }
        if (v.length != length) {
            throw new IllegalArgumentException("warm state of '" + router + "': array '" + key + "' has " + v.length
                    + " values, this router needs " + length + " (built for another pool or category list?)");
        }
        return v.clone();
    }

    /** Requires the state to be for router {@code name}. */
    public WarmState requireRouter(String name) {
        if (!router.equals(name)) {
            throw new IllegalArgumentException("warm state is for router '" + router + "', not '" + name + "'");
        }
        return this;
    }
}
