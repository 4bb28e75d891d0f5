package org.bftvote.sim.yaml;

/**
 * A physical dimension a quantity may have; every unit belongs to exactly one dimension.
 *
 * <p>Each dimension has one canonical unit; loaded records store values converted to it.
 */
public enum Dimension {
    /** Time; canonical unit seconds. */
    TIME("time", "s"),
    /** Frequency or rate of events; canonical unit hertz. */
    FREQUENCY("frequency", "Hz"),
    /** Bus bit rate; canonical unit bit/s. */
    BIT_RATE("bit rate", "bit/s"),
    /** Amount of data; canonical unit bit. */
    DATA_SIZE("data size", "bit"),
    /** Failure rate; canonical unit failures per flight hour. */
    FAILURE_RATE("failure rate", "per_flight_hour"),
    /** Plane angle; canonical unit degree. */
    ANGLE("angle", "deg"),
    /** Angular rate; canonical unit degree per second. */
    ANGULAR_RATE("angular rate", "deg/s"),
    /** Linear acceleration; canonical unit metre per second squared. */
    ACCELERATION("acceleration", "m/s^2"),
    /** Pressure; canonical unit pascal. */
    PRESSURE("pressure", "Pa"),
    /** Length or displacement; canonical unit metre. */
    LENGTH("length", "m"),
    /** Speed; canonical unit metre per second. */
    SPEED("speed", "m/s"),
    /** White-noise density of an angular rate (angle random walk); canonical unit (deg/s)/sqrt(Hz). */
    ANGULAR_RATE_NOISE_DENSITY("angular rate noise density", "deg/s/sqrt(Hz)"),
    /** White-noise density of an acceleration (velocity random walk); canonical unit (m/s^2)/sqrt(Hz). */
    ACCELERATION_NOISE_DENSITY("acceleration noise density", "m/s^2/sqrt(Hz)");

    private final String description;
    private final String canonicalSymbol;

    Dimension(final String description, final String canonicalSymbol) {
        this.description = description;
        this.canonicalSymbol = canonicalSymbol;
    }

    /**
     * Returns the human name used in messages, e.g. {@code "time"}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the symbol of the canonical unit values are converted to.
     *
     * @return the canonical unit symbol
     */
    public String canonicalSymbol() {
        return canonicalSymbol;
    }

    /**
     * Returns the noise-density dimension belonging to a signal dimension, or {@code null} when noise for such a
     * signal can only be given as an RMS value.
     *
     * @return the density dimension or null
     */
    public Dimension noiseDensity() {
        if (this == ANGULAR_RATE) {
            return ANGULAR_RATE_NOISE_DENSITY;
        }
        if (this == ACCELERATION) {
            return ACCELERATION_NOISE_DENSITY;
        }
        return null;
    }

    /**
     * Returns true for the dimensions a sensor output or a platform signal may have.
     *
     * @return whether this is a measurable signal dimension
     */
    public boolean isSignal() {
        return this == ANGLE || this == ANGULAR_RATE || this == ACCELERATION || this == PRESSURE
            || this == LENGTH || this == SPEED;
    }
}
