package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * The voter a channel manager uses to fuse the channels of one signal.
 */
public enum VoterKind implements YamlName {
    /** Middle of three (or median of the healthy channels). */
    MID_VALUE_SELECT("mid_value_select"),
    /** Median of the healthy channels. */
    MEDIAN("median"),
    /** Drop the f lowest and f highest, take the midpoint of the rest (Dolev et al. 1986). */
    FAULT_TOLERANT_MIDPOINT("fault_tolerant_midpoint"),
    /** Drop the f lowest and f highest, take the mean of the rest (MSR family). */
    FAULT_TOLERANT_MEAN("fault_tolerant_mean"),
    /** Exact majority (discrete signals). */
    MAJORITY("majority"),
    /** Marzullo-style interval fusion. */
    INTERVAL_FUSION("interval_fusion");

    private final String yamlName;

    VoterKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
