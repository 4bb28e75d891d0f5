package org.bftvote.sim.scenario;

/**
 * Whether sensor faults are also drawn at random from the profiles' failure rates, and how much those rates are
 * scaled (to see rare faults in a short run).
 *
 * @param enabled whether random faults are drawn
 * @param scale   factor applied to every failure rate, &gt; 0
 */
public record RandomFaults(boolean enabled, double scale) {

    /** No random faults. */
    public static final RandomFaults OFF = new RandomFaults(false, 1.0);
}
