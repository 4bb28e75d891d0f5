package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * How miscompares accumulate before a channel is declared failed.
 */
public enum PersistenceKind implements YamlName {
    /** The channel fails after frames consecutive miscompares. */
    CONSECUTIVE("consecutive"),
    /**
     * A counter goes up by increment on each miscompare and down by decrement on each agreement; the channel fails at
     * trip.
     */
    LEAKY("leaky");

    private final String yamlName;

    PersistenceKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
