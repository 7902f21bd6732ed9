/**
 * The router API: what a routing algorithm may see, and nothing more.
 *
 * <h2>Rules (enforced by tests)</h2>
 * <ul>
 *   <li>A {@link dev.switchyard.engine.routing.Router} sees a {@link dev.switchyard.engine.routing.RequestView}
 *       (what production would know before serving: category, tokens, tenant, SLA tier, time, the
 *       expected cost of each model, prompt-text features) and {@link dev.switchyard.engine.routing.FeedbackEvent}s
 *       (the scenario's feedback model: one-sided reports with silence, two-sided sparse labels or full
 *       labels, possibly delayed). It never sees the score matrix, the realised output tokens of a request
 *       before it is served, or the traffic sample.</li>
 *   <li>Classes in this package and its sub-packages, other than {@code routing.oracle}, must not depend
 *       on {@code TrafficSample}, {@code CostTable}, {@code QueryRecord} or the simulator. Offline-trained
 *       routers get their labelled calibration rows through {@link dev.switchyard.engine.routing.CalibrationSet},
 *       which the simulator builds from queries that are then excluded from evaluation.</li>
 *   <li>The two oracles are bounds, not routers: they implement
 *       {@link dev.switchyard.engine.routing.oracle.HindsightRouter}, a separate interface that receives the
 *       hidden truth explicitly. Nothing in the normal API leads to it.</li>
 *   <li>Rule L ({@code argmin_m c_m - lambda * p_hat_m}) lives in {@link dev.switchyard.engine.routing.RuleL}
 *       only; routers call it, they do not copy it.</li>
 *   <li>The hot path allocates nothing: request views, feedback events and the serving handle are reusable
 *       objects owned by the simulator. A router must not keep a reference to them past the call (copy the
 *       primitives it needs).</li>
 *   <li>Randomness comes only from {@link dev.switchyard.engine.routing.RoutingContext#random()}.</li>
 * </ul>
 *
 * <h2>Plugging in</h2>
 * Routers are built by name through {@link dev.switchyard.engine.routing.Routers}. Other packages (PROTEUS,
 * OmniRouter, threshold, text features) contribute factories through
 * {@link dev.switchyard.engine.routing.RoutingProvider} registered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.switchyard.engine.routing.RoutingProvider}); until they do, their names
 * are listed as "not yet available" and fail clearly when asked for.
 */
package dev.switchyard.engine.routing;
