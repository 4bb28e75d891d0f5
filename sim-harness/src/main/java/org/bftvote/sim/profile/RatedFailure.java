package org.bftvote.sim.profile;

/**
 * One way a sensor fails, with how often it happens.
 *
 * @param kind                 the failure mode
 * @param ratePerFlightHour    expected occurrences per flight hour, &gt;= 0
 * @param parameters           the mode's parameters, canonical units of the sensor output
 */
public record RatedFailure(FailureKind kind, double ratePerFlightHour, FaultParameters parameters) {
}
