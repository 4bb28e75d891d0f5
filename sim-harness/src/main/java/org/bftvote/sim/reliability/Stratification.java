package org.bftvote.sim.reliability;

/**
 * How importance sampling divides the flights into strata ({@link ImportanceSampling}).
 */
public enum Stratification {
    /**
     * One stratum per number of faults {@code k}, every one drawn by forced transitions and failure biasing
     * ({@link ForcedTransitions}); the pilot's samples count in the estimate.
     */
    COUNT("count"),
    /**
     * One stratum per class of one or two faults ({@link FaultClass}), drawn by conditional Monte Carlo with the
     * class's exact probability as the weight, and one per larger {@code k} drawn as {@link #COUNT} draws it; the
     * pilot only steers the allocation, so every stratum's mean is over samples drawn after it was fixed.
     */
    CLASSES("classes");

    private final String key;

    Stratification(final String key) {
        this.key = key;
    }

    /** @return the name used on the command line and in files */
    public String key() {
        return key;
    }

    /**
     * @param key a stratification's name
     * @return it, or {@code null} when none has that name
     */
    public static Stratification byKey(final String key) {
        for (final Stratification s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
