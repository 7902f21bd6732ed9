package dev.switchyard.engine.routing;

/** How users' satisfaction reaches the router (spec section 2). */
public enum FeedbackKind {
    /** s = 0 is reported with probability q, s = 1 falsely with probability f; silence is ambiguous (SLARouter's setting). */
    ONE_SIDED,
    /** the true s is revealed with probability q (MESS+'s setting). */
    TWO_SIDED_SPARSE,
    /** s is always revealed (offline benchmarks). */
    FULL
}
