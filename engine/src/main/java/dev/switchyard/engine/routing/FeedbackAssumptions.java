package dev.switchyard.engine.routing;

/**
 * What the router is told about the feedback channel. The simulator's true channel may differ:
 * q is not identifiable from one-sided data, so the scenario sets the router's assumed q separately.
 *
 * @param kind the channel kind (the router knows which kind of signal it gets)
 * @param assumedRate q the router assumes (report rate for one-sided, label rate for two-sided)
 * @param assumedFalseReportRate f the router assumes (one-sided only)
 */
public record FeedbackAssumptions(FeedbackKind kind, double assumedRate, double assumedFalseReportRate) {

    public FeedbackAssumptions {
        if (kind == null) {
            throw new IllegalArgumentException("feedback kind is required");
        }
        if (!(assumedRate > 0 && assumedRate <= 1)) {
            throw new IllegalArgumentException("assumed feedback rate q must be in (0, 1], got " + assumedRate);
        }
        if (!(assumedFalseReportRate >= 0 && assumedFalseReportRate < assumedRate)) {
            throw new IllegalArgumentException("assumed false-report rate f must be in [0, q) = [0, " + assumedRate
                    + "), got " + assumedFalseReportRate + " (reports must be more likely after a bad answer than a good one)");
        }
    }

    public static FeedbackAssumptions full() {
        return new FeedbackAssumptions(FeedbackKind.FULL, 1.0, 0.0);
    }
}
