package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * How a receiver uses a bus's redundant networks.
 */
public enum RedundancyManagement implements YamlName {
    /** A single network; no redundancy management. */
    NONE("none"),
    /** Every frame is sent on all networks; the first valid copy is used and later copies dropped (AFDX). */
    FIRST_VALID_WINS("first_valid_wins"),
    /**
     * One network carries traffic; the controller retries or switches to the standby one on failure (MIL-STD-1553B).
     */
    ACTIVE_STANDBY("active_standby"),
    /** Every frame is sent on both channels; the receiver accepts either correct copy (TTP/C, TTEthernet). */
    BOTH_CHANNELS("both_channels");

    private final String yamlName;

    RedundancyManagement(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
