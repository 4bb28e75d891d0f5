package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * Which end of its range a hard-over output goes to.
 */
public enum HardOverDirection implements YamlName {
    /** The upper range limit. */
    MAX("max"),
    /** The lower range limit. */
    MIN("min");

    private final String yamlName;

    HardOverDirection(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
