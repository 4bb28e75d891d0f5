package org.bftvote.sim.scenario;

import org.bftvote.sim.yaml.YamlName;

/**
 * A condition imposed on a bus, or on one network of it, for a time.
 */
public enum BusFaultKind implements YamlName {
    /** Frames are lost by the given loss model, independent or Gilbert-Elliott bursts, instead of the profile's. */
    LOSS("loss"),
    /** Every frame is lost. */
    SILENT("silent"),
    /** Bits are flipped at bit_error_rate; the profile's error detection decides what receivers accept. */
    BIT_ERRORS("bit_errors"),
    /** Every frame arrives extra_latency later than the profile's latency. */
    DELAY("delay");

    private final String yamlName;

    BusFaultKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
