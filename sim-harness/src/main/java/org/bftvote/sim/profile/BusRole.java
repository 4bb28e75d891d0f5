package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * What a platform uses a bus for.
 */
public enum BusRole implements YamlName {
    /** Carries sensor readings to the lanes. */
    SENSOR("sensor"),
    /** Carries lane-to-lane agreement messages. */
    EXCHANGE("exchange"),
    /** Carries the voted outputs to actuators or other systems. */
    OUTPUT("output");

    private final String yamlName;

    BusRole(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
