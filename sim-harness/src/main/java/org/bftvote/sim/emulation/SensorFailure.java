package org.bftvote.sim.emulation;

import java.util.Arrays;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * What a sensor failure does (not when: see {@link ScheduledFailure} and {@link FailureRate}). Immutable; build
 * with the factory of the mode, then {@link #flagged()} if the sensor's own monitoring notices it.
 *
 * @param mode            the failure mode
 * @param magnitude       mode-specific size: offset ({@code BIAS}), noise multiplier ({@code NOISE_BURST}), spike
 *                        value or added amount ({@code SPIKES}), amplitude ({@code OSCILLATION}); else 0
 * @param rate            drift rate in units per second ({@code RAMP}); else 0
 * @param frequencyHz     oscillation frequency ({@code OSCILLATION}); else 0
 * @param probability     spike probability per fresh sample ({@code SPIKES} with {@code periodSamples == 0})
 * @param periodSamples   spike every this many fresh samples, counted from onset; 0 = use {@code probability}
 * @param additive        {@code SPIKES}: add {@code magnitude} instead of replacing the value with it
 * @param high            {@code HARD_OVER}: go to {@code rangeMax} (else {@code rangeMin})
 * @param selfDetected    the sensor's own monitoring flags its output invalid while the failure is active (like an
 *                        ARINC 429 SSM of "failure warning"); false for the dangerous, silent failures
 * @param receiverOffsets {@code TWO_FACED}: offset seen by each consumer lane, indexed by lane; else empty
 */
public record SensorFailure(FailureMode mode, double magnitude, double rate, double frequencyHz, double probability,
                            int periodSamples, boolean additive, boolean high, boolean selfDetected,
                            double[] receiverOffsets) {
    private static final double[] NONE = new double[0];

    /**
     * Validates every field; prefer the factories.
     *
     * @param mode            not null
     * @param magnitude       finite
     * @param rate            finite
     * @param frequencyHz     finite, non-negative
     * @param probability     0 to 1
     * @param periodSamples   non-negative
     * @param additive        see the record
     * @param high            see the record
     * @param selfDetected    see the record
     * @param receiverOffsets finite values; copied
     */
    public SensorFailure {
        Require.notNull("failure.mode", mode);
        Require.finite("failure.magnitude", magnitude);
        Require.finite("failure.rate", rate);
        Require.finiteNonNegative("failure.frequencyHz", frequencyHz);
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new InvalidConfigException("failure.probability", probability, "0 <= failure.probability <= 1");
        }
        Require.inRange("failure.periodSamples", periodSamples, 0, Integer.MAX_VALUE);
        if (mode == FailureMode.NOISE_BURST) {
            Require.finiteNonNegative("failure.magnitude (noise multiplier)", magnitude);
        }
        receiverOffsets = receiverOffsets == null ? NONE : receiverOffsets.clone();
        for (int i = 0; i < receiverOffsets.length; i++) {
            Require.finite("failure.receiverOffsets[" + i + "]", receiverOffsets[i]);
        }
        if (mode == FailureMode.TWO_FACED && receiverOffsets.length == 0) {
            throw new InvalidConfigException("failure.receiverOffsets", "[]", "one offset per consumer lane");
        }
    }

    /**
     * @return a copy of the per-consumer offsets
     */
    @Override
    public double[] receiverOffsets() {
        return receiverOffsets.clone();
    }

    /** Package-private access without copying, for the per-frame path. */
    double receiverOffset(final int lane) {
        return lane >= 0 && lane < receiverOffsets.length ? receiverOffsets[lane] : 0.0;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SensorFailure f && mode == f.mode
            && Double.compare(magnitude, f.magnitude) == 0 && Double.compare(rate, f.rate) == 0
            && Double.compare(frequencyHz, f.frequencyHz) == 0 && Double.compare(probability, f.probability) == 0
            && periodSamples == f.periodSamples && additive == f.additive && high == f.high
            && selfDetected == f.selfDetected && Arrays.equals(receiverOffsets, f.receiverOffsets);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Arrays.hashCode(receiverOffsets) + Double.hashCode(magnitude);
    }

    @Override
    public String toString() {
        return "SensorFailure[" + mode + ", magnitude=" + magnitude + ", rate=" + rate + ", frequencyHz="
            + frequencyHz + ", probability=" + probability + ", periodSamples=" + periodSamples + ", additive="
            + additive + ", high=" + high + ", selfDetected=" + selfDetected + ", receiverOffsets="
            + Arrays.toString(receiverOffsets) + "]";
    }

    private static SensorFailure of(final FailureMode mode, final double magnitude) {
        return new SensorFailure(mode, magnitude, 0.0, 0.0, 0.0, 0, false, false, false, NONE);
    }

    /** @return a frozen sensor */
    public static SensorFailure stuck() {
        return of(FailureMode.STUCK, 0.0);
    }

    /**
     * @param high to {@code rangeMax} if true, else to {@code rangeMin}
     * @return a hard-over
     */
    public static SensorFailure hardOver(final boolean high) {
        return new SensorFailure(FailureMode.HARD_OVER, 0.0, 0.0, 0.0, 0.0, 0, false, high, false, NONE);
    }

    /** @return a sensor reading zero */
    public static SensorFailure nullValue() {
        return of(FailureMode.NULL, 0.0);
    }

    /**
     * @param ratePerSecond drift in units per second
     * @return a ramp drift
     */
    public static SensorFailure ramp(final double ratePerSecond) {
        return new SensorFailure(FailureMode.RAMP, 0.0, ratePerSecond, 0.0, 0.0, 0, false, false, false, NONE);
    }

    /**
     * @param sigmaMultiplier factor on the noise standard deviation
     * @return a noise burst
     */
    public static SensorFailure noiseBurst(final double sigmaMultiplier) {
        return of(FailureMode.NOISE_BURST, sigmaMultiplier);
    }

    /**
     * @param probability chance of a spike per fresh sample
     * @param value       the wrong value a spike shows (for example 50.625 degrees)
     * @return random spikes of a fixed value
     */
    public static SensorFailure spikes(final double probability, final double value) {
        return new SensorFailure(FailureMode.SPIKES, value, 0.0, 0.0, probability, 0, false, false, false, NONE);
    }

    /**
     * @param periodSamples a spike every this many fresh samples (the first at onset)
     * @param amount        added to the sample
     * @return periodic additive spikes
     */
    public static SensorFailure periodicSpikes(final int periodSamples, final double amount) {
        return new SensorFailure(FailureMode.SPIKES, amount, 0.0, 0.0, 0.0, Math.max(1, periodSamples), true,
            false, false, NONE);
    }

    /**
     * @param amplitude   amplitude
     * @param frequencyHz frequency
     * @return an oscillation
     */
    public static SensorFailure oscillation(final double amplitude, final double frequencyHz) {
        return new SensorFailure(FailureMode.OSCILLATION, amplitude, 0.0, frequencyHz, 0.0, 0, false, false, false,
            NONE);
    }

    /** @return uniformly random readings over the range */
    public static SensorFailure erratic() {
        return of(FailureMode.ERRATIC, 0.0);
    }

    /**
     * @param receiverOffsets offset seen by each consumer lane
     * @return a two-faced sensor
     */
    public static SensorFailure twoFaced(final double... receiverOffsets) {
        return new SensorFailure(FailureMode.TWO_FACED, 0.0, 0.0, 0.0, 0.0, 0, false, false, false,
            receiverOffsets);
    }

    /**
     * @param offset constant offset
     * @return a bias fault
     */
    public static SensorFailure bias(final double offset) {
        return of(FailureMode.BIAS, offset);
    }

    /**
     * @return this failure, noticed by the sensor's own monitoring (output flagged invalid while active)
     */
    public SensorFailure flagged() {
        return new SensorFailure(mode, magnitude, rate, frequencyHz, probability, periodSamples, additive, high,
            true, receiverOffsets);
    }
}
