package org.bftvote.sim.emulation;

/**
 * The ways a sensor fails. Parameters are carried by {@link SensorFailure}; when a failure is active its effect is
 * applied to each fresh sample (held samples repeat the last one).
 */
public enum FailureMode {
    /** Frozen: repeats the last sample before onset, bit for bit (XL Airways 888T, Lufthansa 1829). */
    STUCK,
    /** Goes to a range limit: {@code rangeMax} if {@code high}, else {@code rangeMin}. */
    HARD_OVER,
    /** Reads zero (then clamped to the range). */
    NULL,
    /** Adds {@code rate * (t - onset time)}: a growing drift. */
    RAMP,
    /** Multiplies the white noise standard deviation by {@code magnitude}. */
    NOISE_BURST,
    /**
     * Intermittent spikes: a sample is replaced by {@code magnitude} (or has {@code magnitude} added when
     * {@code additive}) with probability {@code probability} per fresh sample, or every {@code periodSamples}-th
     * fresh sample when that is positive (Qantas 72: spikes of a fixed wrong value).
     */
    SPIKES,
    /** Adds {@code magnitude * sin(2 pi frequencyHz (t - onset time))}. */
    OSCILLATION,
    /** Uniformly random over the sensor range. */
    ERRATIC,
    /**
     * Shows different values to different consumers of one (cross-strapped) sensor: consumer lane {@code i}
     * gets the sample plus {@code receiverOffsets[i]}.
     */
    TWO_FACED,
    /** Adds a constant {@code magnitude} (Lion Air 610: about +21 degrees of angle of attack). */
    BIAS
}
