package dev.switchyard.engine.routing;

/** What the router observed about one served (or explored) answer. */
public enum Signal {
    /** one-sided: the user reported dissatisfaction (may be a false report with probability f). */
    REPORT,
    /** one-sided: no report. Either satisfied, or dissatisfied and silent. */
    SILENCE,
    /** two-sided or full: the answer was labelled satisfying. */
    SATISFIED,
    /** two-sided or full: the answer was labelled unsatisfying. */
    DISSATISFIED,
    /** two-sided sparse: no label came for this answer. */
    UNLABELLED;

    /** True for signals that carry a label (two-sided or full). */
    public boolean isLabel() {
        return this == SATISFIED || this == DISSATISFIED;
    }
}
