package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * Whether a lane the others excluded may come back (the lane counterpart of {@link ReintegrationKind}).
 */
public enum LaneReadmissionKind implements YamlName {
    /** An excluded lane stays out for the rest of the run: lane exclusion is final. */
    NEVER("never"),
    /** An excluded lane no other lane accuses for a number of consecutive frames is readmitted, a limited number
     *  of times. */
    AFTER_CLEAN_FRAMES("after_clean_frames");

    private final String yamlName;

    LaneReadmissionKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
