/**
 * BOUNDS, NOT DEPLOYABLE ROUTERS. The per-query oracle and the SLA oracle read the hidden truth in
 * hindsight to give lower bounds on cost; they are reported as bounds and never offered as a
 * configuration to export. This is the only routing package allowed to see scores, and only
 * through {@link dev.switchyard.engine.routing.oracle.HiddenTruth} and
 * {@link dev.switchyard.engine.routing.oracle.HindsightPool}, which the simulator hands to a
 * {@link dev.switchyard.engine.routing.oracle.HindsightRouter} and to nothing else.
 */
package dev.switchyard.engine.routing.oracle;
