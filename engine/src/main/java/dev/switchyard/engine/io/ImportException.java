package dev.switchyard.engine.io;

import java.util.Objects;

/**
 * A user-facing import failure that always says where the problem is: file, and line/column or
 * field when known. Importers throw it instead of returning partial results.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String problem;

    public ImportException(SourceLocation location, String problem) {
        this(location, problem, null);
    }

    public ImportException(SourceLocation location, String problem, Throwable cause) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    /** The problem without the location prefix, for UIs that show location separately. */
    public String problem() {
        return problem;
    }
}
