package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * Whether a channel declared failed may come back.
 */
public enum ReintegrationKind implements YamlName {
    /** A failed channel stays failed until the system is reset. */
    LATCH("latch"),
    /** A failed channel is readmitted after the given number of consecutive agreeing frames. */
    AFTER_GOOD_FRAMES("after_good_frames");

    private final String yamlName;

    ReintegrationKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
