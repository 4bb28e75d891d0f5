package org.bftvote.sim.emulation;

import org.bftvote.Require;

/**
 * A truth that never changes.
 *
 * @param value the constant value
 */
public record ConstantTruth(double value) implements TruthModel {
    /**
     * @param value the constant value, finite
     */
    public ConstantTruth {
        Require.finite("truth.value", value);
    }

    @Override
    public double valueAt(final long frame, final double t) {
        return value;
    }
}
