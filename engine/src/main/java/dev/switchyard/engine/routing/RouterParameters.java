package dev.switchyard.engine.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter values for one router, as text (so scenarios and JSON stay plain), validated against
 * the router's {@link RouterDescriptor}: unknown keys, non-numbers, out-of-range values and unknown
 * choices are rejected with a message naming the parameter.
 */
public record RouterParameters(Map<String, String> values) {

    public RouterParameters {
        values = Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    public static RouterParameters none() {
        return new RouterParameters(Map.of());
    }

    public static RouterParameters of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key/value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new RouterParameters(m);
    }

    /** A copy with {@code key} set. */
    public RouterParameters with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new RouterParameters(m);
    }

    /**
     * Checks every value against {@code descriptor} and fills in defaults.
     *
     * @throws IllegalArgumentException naming the router and the parameter
     */
    public RouterParameters resolve(RouterDescriptor descriptor) {
        Map<String, String> out = new TreeMap<>();
        for (String key : values.keySet()) {
            if (descriptor.parameter(key).isEmpty()) {
                throw new IllegalArgumentException("router '" + descriptor.name() + "' has no parameter '" + key + "'; it has "
                        + descriptor.parameters().stream().map(ParameterSpec::key).toList());
            }
        }
        for (ParameterSpec p : descriptor.parameters()) {
            String raw = values.get(p.key());
            if (raw == null) {
                out.put(p.key(), p.defaultText());
                continue;
            }
            raw = raw.strip();
            if (p.kind() == ParameterSpec.Kind.NUMBER) {
                double v;
                try {
                    v = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("router '" + descriptor.name() + "' parameter '" + p.key()
                            + "' must be a number, got '" + raw + "'");
                }
                if (!(v >= p.min() && v <= p.max())) {
                    throw new IllegalArgumentException("router '" + descriptor.name() + "' parameter '" + p.key()
                            + "' must be in [" + p.min() + ", " + p.max() + "], got " + raw);
                }
                out.put(p.key(), Double.toString(v));
            } else {
                String choice = raw.toLowerCase(Locale.ROOT);
                if (!p.choices().contains(choice)) {
                    throw new IllegalArgumentException("router '" + descriptor.name() + "' parameter '" + p.key()
                            + "' must be one of " + p.choices() + ", got '" + raw + "'");
                }
                out.put(p.key(), choice);
            }
        }
        return new RouterParameters(out);
    }

    public double number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + key + "' is not set (resolve against the descriptor first)");
        }
        return Double.parseDouble(v);
    }

    public String choice(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + key + "' is not set (resolve against the descriptor first)");
        }
        return v;
    }
}
