package org.bftvote.sim.emulation;

import org.bftvote.Require;

/**
 * A doublet (the classic flight-test input): 0, then {@code +amplitude} for {@code width} seconds from
 * {@code time}, then {@code -amplitude} for another {@code width} seconds, then 0 again.
 *
 * @param time      start of the doublet in seconds
 * @param width     duration of each half in seconds
 * @param amplitude height of the first half (the second half is its negative)
 */
public record DoubletTruth(double time, double width, double amplitude) implements TruthModel {
    /**
     * @param time      start in seconds, finite
     * @param width     half duration in seconds, finite and positive
     * @param amplitude height, finite
     */
    public DoubletTruth {
        Require.finite("doublet.time", time);
        Require.finiteNonNegative("doublet.width", width);
        if (width == 0.0) {
            throw new org.bftvote.InvalidConfigException("doublet.width", width, "doublet.width > 0");
        }
        Require.finite("doublet.amplitude", amplitude);
    }

    @Override
    public double valueAt(final long frame, final double t) {
        if (t < time || t >= time + 2.0 * width) {
            return 0.0;
        }
        return t < time + width ? amplitude : -amplitude;
    }
}
