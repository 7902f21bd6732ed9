package dev.switchyard.engine.routing;

import java.util.List;

/**
 * What the app and the CLI show about a router.
 *
 * @param name CLI name ({@code slarouter}, {@code best-fixed}...)
 * @param displayName e.g. "SLARouter"
 * @param description one plain line for the UI
 * @param reconstructed true when the algorithm was rebuilt from a paper without its full text or code
 * @param provenance where it comes from; for reconstructed routers the wording to show, e.g.
 *     {@link #SLAROUTER_RECONSTRUCTION}
 * @param role how it learns, and whether it is a deployable router at all
 * @param available false while the implementation has not landed (creating it then fails clearly)
 * @param parameters its tunables with defaults and ranges
 */
public record RouterDescriptor(String name, String displayName, String description, boolean reconstructed,
        String provenance, Role role, boolean available, List<ParameterSpec> parameters) {

    public static final String SLAROUTER_RECONSTRUCTION = "reconstructed from the paper's abstract and its MESS+ predecessor";

    /** How a router learns. */
    public enum Role {
        /** learns online from feedback (SLARouter, MESS+). */
        ONLINE,
        /** trained on the labelled calibration split before evaluation (PROTEUS, threshold, ...). */
        OFFLINE,
        /** a fixed rule, possibly set from calibration estimates (best fixed, cheapest, ...). */
        BASELINE,
        /** reads the hidden truth: a lower bound on cost, never deployable (the oracles). */
        BOUND
    }

    public RouterDescriptor {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("router name must be lower-case letters, digits and '-', got '" + name + "'");
        }
        if (displayName == null || displayName.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("router '" + name + "' needs a display name and a description");
        }
        if (role == null) {
            throw new IllegalArgumentException("router '" + name + "' needs a role");
        }
        provenance = provenance == null ? "" : provenance;
        if (reconstructed && provenance.isBlank()) {
            throw new IllegalArgumentException("reconstructed router '" + name + "' must say what it was reconstructed from");
        }
        parameters = List.copyOf(parameters);
        long distinct = parameters.stream().map(ParameterSpec::key).distinct().count();
        if (distinct != parameters.size()) {
            throw new IllegalArgumentException("router '" + name + "' declares a parameter twice");
        }
    }

    /** Needs a labelled calibration split. */
    public boolean needsCalibration() {
        return role == Role.OFFLINE;
    }

    /** An oracle: reported as a bound, never as a router. */
    public boolean isBound() {
        return role == Role.BOUND;
    }

    public java.util.Optional<ParameterSpec> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
