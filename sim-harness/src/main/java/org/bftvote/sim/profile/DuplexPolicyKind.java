package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * What a channel manager does once only two healthy channels are left.
 */
public enum DuplexPolicyKind implements YamlName {
    /** Use the mean of the two; on a miscompare neither can be isolated, so the signal is flagged degraded. */
    AVERAGE("average"),
    /** On a miscompare between the two, declare the signal failed (fail-safe). */
    FAIL_SAFE("fail_safe"),
    /** On a miscompare, keep the channel whose own monitor (self-test, rate or frozen check) passes. */
    SELECT_BY_SELF_TEST("select_by_self_test");

    private final String yamlName;

    DuplexPolicyKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
