package org.bftvote.sim.reliability;

/**
 * The failure conditions a reliability estimate counts, each judged by the run metrics' own definitions
 * ({@link org.bftvote.sim.results.RunMetrics}) over the frames after the first fault of a sample.
 */
public enum Condition {
    /** Two healthy lanes' outputs for a signal differ (in status, or in the bits of a valid value). */
    LOSS_OF_AGREEMENT("loss_of_agreement", "loss of agreement among healthy lanes"),
    /** A healthy lane presents as valid an output outside the range of the healthy channels' valid readings. */
    UNSAFE_OUTPUT("unsafe_output", "output outside the healthy channels' range presented as valid"),
    /** A signal has no valid output at some healthy lane (or no lane is healthy). */
    LOSS_OF_SIGNAL("loss_of_signal", "loss of a signal");

    private final String key;
    private final String description;

    Condition(final String key, final String description) {
        this.key = key;
        this.description = description;
    }

    /** @return the name used in files */
    public String key() {
        return key;
    }

    /**
     * @param key a condition's name as used in files
     * @return the condition, or {@code null} when no condition has that name
     */
    public static Condition byKey(final String key) {
        for (final Condition c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** @return what it means, for tables */
    public String description() {
        return description;
    }
}
