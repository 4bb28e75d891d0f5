package org.bftvote.channel;

/**
 * Redundancy left for one signal, by the number of channels not declared failed.
 */
public enum RedundancyLevel {
    /** Four or more healthy channels. */
    QUAD,
    /** Three healthy channels. */
    TRIPLEX,
    /** Two healthy channels: a disagreement can be detected but not attributed. */
    DUPLEX,
    /** One healthy channel: its faults can only be found by its own input checks. */
    SIMPLEX,
    /** No healthy channel: the output is invalid. */
    NONE;

    /**
     * @param healthyChannels number of channels not declared failed, 0 or more
     * @return the level for that count
     */
    public static RedundancyLevel of(final int healthyChannels) {
        if (healthyChannels >= 4) {
            return QUAD;
        }
        switch (healthyChannels) {
            case 3:
                return TRIPLEX;
            case 2:
                return DUPLEX;
            case 1:
                return SIMPLEX;
            default:
                return NONE;
        }
    }
}
