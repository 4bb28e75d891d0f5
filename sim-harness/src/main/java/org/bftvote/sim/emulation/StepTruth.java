package org.bftvote.sim.emulation;

import org.bftvote.Require;

/**
 * {@code from} before {@code time}, {@code to} from {@code time} on.
 *
 * @param time step time in seconds
 * @param from value before the step
 * @param to   value from the step on
 */
public record StepTruth(double time, double from, double to) implements TruthModel {
    /**
     * @param time step time in seconds, finite
     * @param from value before the step, finite
     * @param to   value from the step on, finite
     */
    public StepTruth {
        Require.finite("step.time", time);
        Require.finite("step.from", from);
        Require.finite("step.to", to);
    }

    @Override
    public double valueAt(final long frame, final double t) {
        return t < time ? from : to;
    }
}
