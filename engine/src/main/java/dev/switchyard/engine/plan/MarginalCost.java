package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.Interval;

/**
 * What one more point of SLA target costs with one router, from paired runs (same requests, same
 * truth): the difference in monthly spend between the settings that keep {@code toTarget} and
 * {@code fromTarget}, per percentage point, with its 90% interval over (replication, month) pairs.
 *
 * @param router CLI name
 * @param fromTarget lower target
 * @param toTarget higher target
 * @param perPoint USD per month per percentage point
 * @param interval 90% interval of {@code perPoint}
 */
public record MarginalCost(String router, double fromTarget, double toTarget, double perPoint, Interval interval) {
}
