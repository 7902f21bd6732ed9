package dev.switchyard.app.scenario;

import java.util.List;

/**
 * A router as the picker shows it.
 *
 * @param name the engine's router name ({@code slarouter})
 * @param reconstructed rebuilt from a paper without its full text: the UI shows a badge
 * @param provenance what it was reconstructed from, or where it comes from
 * @param bound an oracle that reads the hidden truth: a lower bound, not deployable
 */
public record RouterChoice(String name, String displayName, String description, boolean reconstructed,
                           String provenance, boolean bound, List<Parameter> parameters) {

    public RouterChoice {
        parameters = List.copyOf(parameters);
    }

    /** A tunable for the "advanced" section. {@code choices} is empty for numbers. */
    public record Parameter(String key, String label, String help, double defaultValue, double min, double max,
                            boolean logScale, List<String> choices) {
        public Parameter {
            choices = List.copyOf(choices);
        }

        public boolean isChoice() {
            return !choices.isEmpty();
        }

        public String defaultText() {
            return isChoice() ? choices.get(0) : Double.toString(defaultValue);
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
