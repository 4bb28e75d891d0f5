package org.bftvote.sim.profile;

/**
 * How a bus schedules transmissions.
 *
 * @param kind             the access scheme
 * @param periodMinSeconds shortest message period (BAG, minor frame or cycle), seconds
 * @param periodMaxSeconds longest message period, seconds
 * @param slotSeconds      slot length for time-triggered buses, seconds; NaN otherwise
 */
public record Scheduling(ScheduleKind kind, double periodMinSeconds, double periodMaxSeconds, double slotSeconds) {
}
