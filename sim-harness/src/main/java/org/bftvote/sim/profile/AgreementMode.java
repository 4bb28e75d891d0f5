package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * The interactive-consistency algorithm lanes use to exchange their readings.
 */
public enum AgreementMode implements YamlName {
    /** Oral messages OM(m) (Lamport, Shostak, Pease 1982): n >= 3m+1; m = 0 is a single broadcast round. */
    OM("om"),
    /** Hybrid-fault oral messages as corrected by Lincoln and Rushby (1993): n > 2a + 2s + b + m, m >= a. */
    OMH("omh");

    private final String yamlName;

    AgreementMode(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
