package dev.switchyard.app.scenario;

import java.util.List;

/**
 * A router as the picker shows it.
 *
 * @param name the engine's router name ({@code slarouter})
 * @param reconstructed rebuilt from a paper without its full text: the UI shows a badge
 * @param provenance what it was reconstructed from, or where it comes from
 * @param bound an oracle that reads the hidden truth: a lower bound, not deployable
 * @param learnsFromFeedback learns online from user feedback; every other router ignores the feedback rate
 */
public record RouterChoice(String name, String displayName, String description, boolean reconstructed,
                           String provenance, boolean bound, List<Parameter> parameters, boolean learnsFromFeedback) {

    public RouterChoice {
        parameters = List.copyOf(parameters);
    }

    /** A router that does not learn from feedback (a fixed rule, an offline-trained router or a bound). */
    public RouterChoice(String name, String displayName, String description, boolean reconstructed, String provenance,
                        boolean bound, List<Parameter> parameters) {
        this(name, displayName, description, reconstructed, provenance, bound, parameters, false);
    }

    /**
     * Why the feedback-rate control changes nothing for this router, or "" when it does: said next to
     * the slider so a user does not read a flat result as "feedback does not matter".
     */
    public String feedbackIgnoredNote() {
        if (learnsFromFeedback) {
            return "";
        }
        if (bound) {
            return displayName + " reads the hidden truth, so the feedback rate changes nothing for it.";
        }
        return displayName + " does not learn from user feedback, so this slider changes nothing for it.";
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
