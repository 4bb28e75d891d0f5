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
    BABBLING,
    /**
     * The lane computer is stopped (a stalled process): it runs no frame, sends and hears nothing; at the end it
     * resumes with its own frame count, behind the others. Benign: every receiver sees the silence. No message
     * decision is ever asked for it (the runner stops the lane itself).
     */
    STALL,
    /**
     * The lane computer is down (a power cycle or watchdog reset): silent like {@link #STALL}, and at the end it
     * restarts as a new pipeline that does not know the frame number. Benign while down.
     */
    REBOOT;

    /** @return true for the modes in which the lane's computer does not run: {@link #STALL}, {@link #REBOOT} */
    public boolean stopsLane() {
        return this == STALL || this == REBOOT;
    }
}
