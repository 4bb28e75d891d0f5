package org.bftvote.agreement;

/**
 * Why a received message was dropped. A dropped message is dropped whole: it leaves no entry in the agreement
 * engine, so its values count as missing (a benign fault of its sender), and the drop counts as evidence against
 * the link it arrived on ({@link AgreementLane#malformedMask()}, part of this lane's accusation word
 * {@link AgreementLane#localAccusations()}), except for {@link #UNKNOWN_LINK} and {@link #EXCLUDED_SENDER}.
 *
 * <p>Checks run in the order of the constants: the first failing check names the reason. Structural checks come
 * first (nothing else can be trusted until the CRC holds), then the header against the lane's state, then the
 * entries in message order. Each entry is stored in the engine as soon as it passes its checks (one pass over the
 * bytes); when a later entry fails, the entries this message already stored are removed again before the drop is
 * reported, because one impossible entry puts the whole message's integrity in doubt.
 *
 * <p>{@link AgreementLane#onMessage} returns {@link #code()} of the reason, a negative number; {@link #ofCode(int)}
 * maps it back without allocating.
 */
public enum DropReason {
    /** Shorter than a header and a CRC. */
    TRUNCATED,
    /** Version byte is not {@link IcMessage#VERSION}. */
    UNSUPPORTED_VERSION,
    /** Length given by the host disagrees with the entry count. */
    LENGTH_MISMATCH,
    /** CRC-32C does not match. */
    BAD_CRC,
    /** The host reported a link that is not a peer of this lane (out of range, or this lane itself). */
    UNKNOWN_LINK,
    /**
     * A relay message (round 2 and up) from an excluded lane: an excluded lane is heard as a source only (its round-1
     * message is checked as anyone's), its relays are not used, and this is no evidence against it.
     */
    EXCLUDED_SENDER,
    /** The sender field disagrees with the link the message arrived on. */
    SENDER_MISMATCH,
    /** The receiver field is not this lane. */
    WRONG_RECEIVER,
    /** No frame is open, or the frame number is not the current frame. */
    WRONG_FRAME,
    /** Round out of range, or already closed (arrived after its deadline). */
    WRONG_ROUND,
    /** A message from this link for this round was already received. */
    DUPLICATE_MESSAGE,
    /** More entries than any valid message of that round holds. */
    TOO_MANY_ENTRIES,
    /** An entry's status is not one that may travel ({@link EntryStatus#isWireStatus}). */
    BAD_STATUS,
    /**
     * An {@link EntryStatus#RELAYED_ERROR} entry whose word is not a valid token for the round and algorithm (OM: 0;
     * corrected OMH: the depth where the error was seen, 1 to round - 1, so never in round 1).
     */
    BAD_ERROR_TOKEN,
    /** An entry's signal index is out of range. */
    SIGNAL_OUT_OF_RANGE,
    /** An entry's path is not one this sender may send in this round (wrong length, last lane, or contains me). */
    IMPOSSIBLE_PATH,
    /** Two entries of the message name the same path and signal. */
    DUPLICATE_ENTRY,
    /**
     * Reserved, never returned: the engine once had a last check of its own, and a refusal there was counted here.
     * The lane now makes every check itself before it stores an entry (a slot already filled reads as
     * {@link #DUPLICATE_ENTRY}); it stays so that drop counters and recorded traces keep the same reasons and codes.
     */
    ENGINE_REJECTED;

    private static final DropReason[] BY_ORDINAL = values();

    /** Number of reasons, for sizing counter arrays. */
    public static final int COUNT = BY_ORDINAL.length;

    /**
     * @return the negative status code {@link AgreementLane#onMessage} returns for this reason
     */
    public int code() {
        return -1 - ordinal();
    }

    /**
     * @param code a negative status code from {@link AgreementLane#onMessage}
     * @return the reason, or {@code null} if {@code code} is not a drop code (for example
     *         {@link AgreementLane#ACCEPTED})
     */
    public static DropReason ofCode(final int code) {
        final int ordinal = -1 - code;
        return ordinal >= 0 && ordinal < COUNT ? BY_ORDINAL[ordinal] : null;
    }

    /**
     * @param ordinal {@link #ordinal()} of a reason
     * @return that reason
     */
    public static DropReason ofOrdinal(final int ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
