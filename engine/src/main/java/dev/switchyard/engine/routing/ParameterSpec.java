package dev.switchyard.engine.routing;

import java.util.List;

/**
 * One tunable of a router, with its default and allowed range, for the UI's "advanced" panel and
 * for validating scenarios.
 *
 * @param key identifier used in scenarios and on the command line ({@code V}, {@code c}, {@code delta}...)
 * @param label short human label
 * @param help one plain sentence
 * @param kind number or choice
 * @param defaultValue for numbers
 * @param min inclusive lower bound for numbers
 * @param max inclusive upper bound for numbers
 * @param logScale hint for sliders: the range spans orders of magnitude
 * @param choices for choices, the allowed values (first = default)
 * @param advanced true when the app shows it under "advanced"
 */
public record ParameterSpec(String key, String label, String help, Kind kind, double defaultValue, double min,
        double max, boolean logScale, List<String> choices, boolean advanced) {

    public enum Kind { NUMBER, CHOICE }

    public ParameterSpec {
        if (key == null || key.isBlank() || label == null || help == null || kind == null) {
            throw new IllegalArgumentException("parameter needs key, label, help and kind");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == Kind.NUMBER) {
            if (!(min <= defaultValue && defaultValue <= max)) {
                throw new IllegalArgumentException("parameter '" + key + "' default " + defaultValue + " outside [" + min + ", " + max + "]");
            }
            if (logScale && min <= 0) {
                throw new IllegalArgumentException("parameter '" + key + "' on a log scale needs min > 0");
            }
        } else if (choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + key + "' needs at least one choice");
        }
    }

    public static ParameterSpec number(String key, String label, String help, double def, double min, double max,
            boolean logScale, boolean advanced) {
        return new ParameterSpec(key, label, help, Kind.NUMBER, def, min, max, logScale, List.of(), advanced);
    }

    public static ParameterSpec choice(String key, String label, String help, List<String> choices, boolean advanced) {
        return new ParameterSpec(key, label, help, Kind.CHOICE, Double.NaN, Double.NaN, Double.NaN, false, choices, advanced);
    }

    public String defaultChoice() {
        return choices.isEmpty() ? null : choices.get(0);
    }

    /** The default as text, as stored in {@link RouterParameters}. */
    public String defaultText() {
        return kind == Kind.NUMBER ? Double.toString(defaultValue) : defaultChoice();
    }
}
