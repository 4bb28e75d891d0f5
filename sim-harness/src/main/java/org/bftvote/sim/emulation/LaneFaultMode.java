package org.bftvote.sim.emulation;

/** The ways a whole lane (its computer or its transmitter) misbehaves at the agreement level. */
public enum LaneFaultMode {
    /** Stops sending from onset (fail-silent). Benign: every receiver sees the silence. */
    CRASH,
    /** Drops each frame's messages with {@code probability}, the same for all receivers. Benign. */
    OMISSION,
    /**
     * Sends different values to different receivers: each entry it sends to receiver {@code i} is rewritten to
     * value + {@code receiverValues[i]}, or to {@code receiverValues[i]} when {@code absolute}. Asymmetric.
     */
    TWO_FACED,
    /**
     * Sends random bytes in place of its messages (the same bytes to all receivers). Benign when the CRC catches
     * them.
     */
    GARBAGE,
    /**
     * Slightly-off-specification timing: its message reaches receiver {@code i} before the round deadline with
     * probability {@code receiverValues[i]}, else after it. Asymmetric when receivers disagree.
     */
    SOS_TIMING,
    /**
     * Babbling: besides its normal messages sends {@code extraMessages} more per frame, stamped
     * {@code frameOffset} frames away from the current one (wrong frame or round).
     */
    BABBLING
}
