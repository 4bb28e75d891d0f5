package org.bftvote.sim.emulation;

/**
 * What happened to one message on its way from one sender to one receiver.
 */
public enum DeliveryOutcome {
    /** Arrived once, intact, before the deadline. */
    DELIVERED,
    /** Arrived intact after the round deadline: the receiver's round had closed. */
    LATE,
    /** Never arrived. */
    LOST,
    /** Arrived intact twice before the deadline; the receiver must discard the second copy. */
    DUPLICATED,
    /** Arrived with flipped bits that the receiver's check (CRC) catches: the decoder drops it. */
    CORRUPTED_DETECTED,
    /**
     * Arrived with flipped bits and a valid check: the runner re-seals the message's CRC over the flipped bytes so
     * the decoder accepts the wrong content.
     */
    CORRUPTED_UNDETECTED,
    /**
     * A marginal transmitter's signal decoded differently by this receiver than by others, each copy with a valid
     * check ("Schrödinger's CRC"): bits flipped per receiver and the CRC re-sealed, as for
     * {@link #CORRUPTED_UNDETECTED}.
     */
    DIVERGENT;

    /**
     * @return true if the receiver gets bytes it will accept as valid (before the deadline, check passes)
     */
    public boolean accepted() {
        return this == DELIVERED || this == DUPLICATED || this == CORRUPTED_UNDETECTED || this == DIVERGENT;
    }

    /**
     * @return true if the runner must re-seal the message's CRC over the corrupted bytes
     */
    public boolean needsReseal() {
        return this == CORRUPTED_UNDETECTED || this == DIVERGENT;
    }
}
