package dev.switchyard.engine.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps repeated strings (categories, tenants, tiers) to small dense indices, in first-seen order. */
public final class Dictionary {
    private final List<String> values;
    private final Map<String, Integer> index;

    private Dictionary(List<String> values, Map<String, Integer> index) {
        this.values = values;
        this.index = index;
    }

    public static Dictionary of(List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (index.put(values.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate dictionary value '" + values.get(i) + "'");
            }
        }
        return new Dictionary(List.copyOf(values), index);
    }

    public int size() {
        return values.size();
    }

    public String get(int i) {
        return values.get(i);
    }

    /** -1 when absent. */
    public int indexOf(String value) {
        Integer i = index.get(value);
        return i == null ? -1 : i;
    }

    public List<String> values() {
        return values;
    }

    /** Mutable counterpart used while a sample is being built. */
    static final class Builder {
        private final List<String> values = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        int intern(String value) {
            Integer i = index.get(value);
            if (i != null) {
                return i;
            }
            values.add(value);
            index.put(value, values.size() - 1);
            return values.size() - 1;
        }

        Dictionary build() {
            return new Dictionary(List.copyOf(values), Map.copyOf(index));
        }
    }
}
