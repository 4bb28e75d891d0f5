package org.bftvote.sim.emulation;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * {@code offset + sum_i amplitude[i] * sin(2 pi frequencyHz[i] t + phase[i])}, with {@link StrictMath#sin} so
 * values are reproducible bit for bit on every platform.
 */
public final class SineSumTruth implements TruthModel {
    private static final double TWO_PI = 2.0 * Math.PI;

    private final double offset;
    private final double[] amplitude;
    private final double[] frequencyHz;
    private final double[] phase;

    /**
     * @param offset      constant added to the sum, finite
     * @param amplitude   amplitude of each sine, finite
     * @param frequencyHz frequency of each sine in Hz, finite and non-negative
     * @param phase       phase of each sine in radians, finite
     * @throws InvalidConfigException if the arrays differ in length or a value is out of bounds
     */
    public SineSumTruth(final double offset, final double[] amplitude, final double[] frequencyHz,
                        final double[] phase) {
        this.offset = Require.finite("sines.offset", offset);
        Require.notNull("sines.amplitude", amplitude);
        Require.notNull("sines.frequencyHz", frequencyHz);
        Require.notNull("sines.phase", phase);
        if (frequencyHz.length != amplitude.length || phase.length != amplitude.length) {
            throw new InvalidConfigException("sines", frequencyHz.length + "/" + phase.length,
                "as many frequencies and phases as amplitudes (" + amplitude.length + ")");
        }
        for (int i = 0; i < amplitude.length; i++) {
            Require.finite("sines.amplitude[" + i + "]", amplitude[i]);
            Require.finiteNonNegative("sines.frequencyHz[" + i + "]", frequencyHz[i]);
            Require.finite("sines.phase[" + i + "]", phase[i]);
        }
        this.amplitude = Arrays.copyOf(amplitude, amplitude.length);
        this.frequencyHz = Arrays.copyOf(frequencyHz, frequencyHz.length);
        this.phase = Arrays.copyOf(phase, phase.length);
    }

    @Override
    public double valueAt(final long frame, final double t) {
        double sum = offset;
        for (int i = 0; i < amplitude.length; i++) {
            sum += amplitude[i] * StrictMath.sin(TWO_PI * frequencyHz[i] * t + phase[i]);
        }
        return sum;
    }
}
