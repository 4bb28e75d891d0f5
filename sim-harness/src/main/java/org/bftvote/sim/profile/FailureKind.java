package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * A sensor failure mode. The fields each mode takes are listed by FaultParametersReader.
 */
public enum FailureKind implements YamlName {
    /** Output frozen at the last value, or at the given value. */
    STUCK("stuck"),
    /** Output driven to one end of the range (direction max or min). */
    HARD_OVER("hard_over"),
    /** Output reads zero. */
    NULL_OUTPUT("null_output"),
    /** Output drifts away from truth at slope_per_s per second. */
    RAMP_DRIFT("ramp_drift"),
    /** Extra white noise of noise_rms on top of the normal output. */
    NOISE_BURST("noise_burst"),
    /** Single-sample spikes of the given amplitude at a mean spike_rate (Poisson). */
    INTERMITTENT_SPIKES("intermittent_spikes"),
    /** Sine of amplitude and frequency added to the output. */
    OSCILLATION("oscillation"),
    /** Output uniformly random over the sensor range. */
    ERRATIC("erratic"),
    /** Different receivers read values differing by up to spread from one marginal output. */
    TWO_FACED("two_faced"),
    /** Constant offset added to the output. */
    BIAS("bias");

    private final String yamlName;

    FailureKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
