package org.bftvote.sim.emulation;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * A sensor failure that strikes at random, at {@code perFlightHour} onsets per hour of simulated time (a Poisson
 * process, drawn once per frame: see {@link PoissonTrigger}). Once struck it lasts {@code durationFrames} frames, or
 * for the rest of the run when that is {@link ScheduledFailure#PERMANENT}; while it lasts no new onset is drawn.
 *
 * @param failure        what happens
 * @param perFlightHour  onset rate per hour, for example 1e-4
 * @param durationFrames frames each occurrence lasts, or {@link ScheduledFailure#PERMANENT}
 */
public record FailureRate(SensorFailure failure, double perFlightHour, long durationFrames) {
    /**
     * @param failure        not null
     * @param perFlightHour  finite, non-negative
     * @param durationFrames positive
     */
    public FailureRate {
        Require.notNull("failure", failure);
        Require.finiteNonNegative("failure.perFlightHour", perFlightHour);
        if (durationFrames < 1) {
            throw new InvalidConfigException("failure.durationFrames", durationFrames, "failure.durationFrames >= 1");
        }
    }
}
