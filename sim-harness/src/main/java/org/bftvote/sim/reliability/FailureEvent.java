package org.bftvote.sim.reliability;

import org.bftvote.sim.scenario.FaultInjection;

/**
 * One way a unit can fail, with its rate: a sensor failure mode of one lane's sensor for one signal, or a failure
 * mode of one lane's computer.
 *
 * @param unit             index of the unit in its {@link FailureCatalog}
 * @param mode             the mode's name as the profile spells it
 * @param ratePerHour      onsets per flight hour, &gt; 0
 * @param transientSeconds how long an occurrence lasts, seconds; NaN when it lasts for the rest of the flight
 * @param injector         makes the scenario fault that injects it
 */
public record FailureEvent(int unit, String mode, double ratePerHour, double transientSeconds, Injector injector) {

    /** Makes the fault injection of an event at a given time of a simulated window. */
    @FunctionalInterface
    public interface Injector {
        /**
         * @param id           the injection's id
         * @param startSeconds its onset, seconds from the start of the window
         * @return the injection
         */
        FaultInjection at(String id, double startSeconds);
    }

    /** @return whether an occurrence ends by itself */
    public boolean isTransient() {
        return Double.isFinite(transientSeconds);
    }

    /**
     * @param factor a rate multiplier, &gt; 0
     * @return the same event at {@code factor} times the rate
     */
    FailureEvent scaled(final double factor) {
        return new FailureEvent(unit, mode, ratePerHour * factor, transientSeconds, injector);
    }
}
