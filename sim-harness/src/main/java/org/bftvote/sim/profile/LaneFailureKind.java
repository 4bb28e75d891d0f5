package org.bftvote.sim.profile;

import org.bftvote.sim.yaml.YamlName;

/**
 * A failure mode of a whole lane (its computer), as a platform profile's {@code lane_failure_modes} rates it. The
 * modes are those a scenario can inject into a lane; the fields each takes are listed by {@link RatedLaneFailure}.
 */
public enum LaneFailureKind implements YamlName {
    /** The lane stops sending for good. Benign. */
    CRASH("crash"),
    /** The lane drops each frame's messages with a probability, for a while. Benign. */
    OMISSION("omission"),
    /** The lane sends its victims values offset by a fraction of each signal's range. Asymmetric. */
    TWO_FACED("two_faced"),
    /** The lane sends bytes that fail every receiver's checks. Benign. */
    GARBAGE("garbage"),
    /** The lane sends extra copies at a rate. */
    BABBLING("babbling"),
    /** The lane sends late, so its victims miss its messages and the others do not. Asymmetric. */
    OFF_SPEC_TIMING("off_spec_timing");

    private final String yamlName;

    LaneFailureKind(final String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
