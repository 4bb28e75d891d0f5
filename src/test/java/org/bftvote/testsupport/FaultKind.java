package org.bftvote.testsupport;

/** The role of a lane in one simulated frame. */
public enum FaultKind {
    /** Follows the algorithm. */
    HEALTHY,
    /** Arbitrary (Byzantine): may send each receiver something different, or nothing. */
    ASYMMETRIC,
    /** Sends every receiver the same (possibly wrong) entry for each tree node and signal. */
    SYMMETRIC,
    /** Sends nothing, or only entries every receiver rejects by itself (manifestly bad). */
    BENIGN;

    /**
     * @return true unless {@link #HEALTHY}
     */
    public boolean faulty() {
        return this != HEALTHY;
    }
}
