package org.bftvote.sim.reliability;

/**
 * A unit that fails at most once in a flight: one lane's sensor for one signal, or one lane's computer. Its rate is
 * the sum of its modes' rates; when it fails, the mode is drawn in proportion to the modes' rates.
 *
 * @param name        for tables: {@code L.aoa} for a sensor, {@code lane L} for a computer
 * @param lane        the lane's index
 * @param signal      the signal's index, or -1 for a lane's computer
 * @param firstEvent  index of its first mode in the catalog's event list
 * @param events      number of modes
 * @param ratePerHour the sum of its modes' rates, &gt; 0
 */
public record FailureUnit(String name, int lane, int signal, int firstEvent, int events, double ratePerHour) {

    /** @return whether the unit is a lane's computer */
    public boolean isLane() {
        return signal < 0;
    }

    /**
     * @param other another unit
     * @return whether a failure of both can take out two channels of one signal: two sensors of one signal in
     *         different lanes, a lane and a sensor of another lane, or two lanes
     */
    public boolean related(final FailureUnit other) {
        if (other.lane == lane) {
            return false;
        }
        return isLane() || other.isLane() || other.signal == signal;
    }
}
