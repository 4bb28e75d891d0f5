package org.bftvote.sim.reliability;

import java.util.Arrays;

/**
 * The faults of one sampled flight, in time order: which event (mode of a unit) strikes when. No unit appears twice.
 *
 * @param events the events' indexes in the {@link FailureCatalog}, in onset order
 * @param hours  their onsets, hours from the start of the flight, not decreasing
 */
public record FaultSequence(int[] events, double[] hours) {
    /** The flight without faults. */
    public static final FaultSequence NONE = new FaultSequence(new int[0], new double[0]);

    /**
     * Copies the arrays.
     *
     * @param events see the record description
     * @param hours  see the record description
     */
    public FaultSequence {
        if (events.length != hours.length) {
            throw new IllegalArgumentException(events.length + " events with " + hours.length + " onsets");
        }
        events = events.clone();
        hours = hours.clone();
    }

    /** @return number of faults */
    public int size() {
        return events.length;
    }

    /**
     * @param i a position
     * @return the event at that position
     */
    public int event(final int i) {
        return events[i];
    }

    /**
     * @param i a position
     * @return its onset, hours
     */
    public double hour(final int i) {
        return hours[i];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof FaultSequence f && Arrays.equals(events, f.events) && Arrays.equals(hours, f.hours);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(events) + Arrays.hashCode(hours);
    }

    @Override
    public String toString() {
        return "FaultSequence" + Arrays.toString(events) + " at " + Arrays.toString(hours) + " h";
    }
}
