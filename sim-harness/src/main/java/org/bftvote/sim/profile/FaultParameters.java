package org.bftvote.sim.profile;

/**
 * The parameters of one sensor failure mode, in the canonical unit of the sensor's or signal's dimension (values
 * such as {@code amplitude}) or seconds and hertz. A parameter a mode does not take is NaN ({@code direction}: null);
 * which ones each {@link FailureKind} takes is fixed by {@link FaultParametersReader}.
 *
 * @param value          stuck: the value the output freezes at; NaN means the last good value
 * @param direction      hard_over: which range end
 * @param slopePerSecond ramp_drift: change of the output per second
 * @param noiseRms       noise_burst: RMS of the added white noise
 * @param amplitude      intermittent_spikes: spike height; oscillation: sine amplitude
 * @param spikeRate      intermittent_spikes: mean spikes per second, Hz
 * @param spikeWidth     intermittent_spikes: how long one spike lasts, seconds; NaN means one sample
 * @param frequency      oscillation: sine frequency, Hz
 * @param spread         two_faced: largest difference between the values two receivers read
 * @param offset         bias: constant offset
 * @param duration       how long the fault lasts once started, seconds; NaN means permanent
 */
public record FaultParameters(double value, HardOverDirection direction, double slopePerSecond, double noiseRms,
                              double amplitude, double spikeRate, double spikeWidth, double frequency, double spread,
                              double offset, double duration) {

    /**
     * Tells whether the fault ends by itself.
     *
     * @return true when a duration is set
     */
    public boolean isTransient() {
        return !Double.isNaN(duration);
    }
}
