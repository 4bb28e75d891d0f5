package org.bftvote.agreement;

import org.bftvote.Require;

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
    TRUNCATED("is shorter than a header and a CRC, or the offset and length given do not fit the buffer"),
    /** Version byte is not {@link IcMessage#VERSION}. */
    UNSUPPORTED_VERSION("has a version byte other than this library's"),
    /** Length given by the host disagrees with the entry count. */
    LENGTH_MISMATCH("has a length that disagrees with its entry count"),
    /** CRC-32C does not match. */
    BAD_CRC("fails its CRC-32C"),
    /** The host reported a link that is not a peer of this lane (out of range, or this lane itself). */
    UNKNOWN_LINK("came on a link the host gave as this lane or as no lane"),
    /**
     * A relay message (round 2 and up) from an excluded lane: an excluded lane is heard as a source only (its round-1
     * message is checked as anyone's), its relays are not used, and this is no evidence against it.
     */
    EXCLUDED_SENDER("is a relay message (round 2 and up) from an excluded lane: not used, no evidence against it"),
    /** The sender field disagrees with the link the message arrived on. */
    SENDER_MISMATCH("names a sender other than the link it came on"),
    /** The receiver field is not this lane. */
    WRONG_RECEIVER("is addressed to another lane"),
    /** No frame is open, or the frame number is not the current frame. */
    WRONG_FRAME("is for another frame, or no frame is open"),
    /** Round out of range, or already closed (arrived after its deadline). */
    WRONG_ROUND("is for a round out of range or already closed (late)"),
    /** A message from this link for this round was already received. */
    DUPLICATE_MESSAGE("repeats one already received on this link in this round"),
    /** More entries than any valid message of that round holds. */
    TOO_MANY_ENTRIES("holds more entries than any valid message of its round"),
    /** An entry's status is not one that may travel ({@link EntryStatus#isWireStatus}). */
    BAD_STATUS("has an entry whose status may not travel"),
    /**
     * An {@link EntryStatus#RELAYED_ERROR} entry whose word is not a valid token for the round and algorithm (OM: 0;
     * corrected OMH: the depth where the error was seen, 1 to round - 1, so never in round 1).
     */
    BAD_ERROR_TOKEN("has an error token that is not valid for the round and algorithm"),
    /** An entry's signal index is out of range. */
    SIGNAL_OUT_OF_RANGE("has an entry with a signal index out of range"),
    /** An entry's path is not one this sender may send in this round (wrong length, last lane, or contains me). */
    IMPOSSIBLE_PATH("has an entry whose path this sender may not send in this round"),
    /** Two entries of the message name the same path and signal. */
    DUPLICATE_ENTRY("names the same path and signal twice"),
    /**
     * Reserved, never returned: the engine once had a last check of its own, and a refusal there was counted here.
     * The lane now makes every check itself before it stores an entry (a slot already filled reads as
     * {@link #DUPLICATE_ENTRY}); it stays so that drop counters and recorded traces keep the same reasons and codes.
     */
    ENGINE_REJECTED("was refused by a check that no longer exists (reserved, never returned)");

    private static final DropReason[] BY_ORDINAL = values();

    /** Number of reasons, for sizing counter arrays. */
    public static final int COUNT = BY_ORDINAL.length;

    private final String meaning;
    private final String description;

    DropReason(final String meaning) {
        this.meaning = meaning;
        this.description = name() + " (" + code() + "): message dropped: it " + meaning;
    }

    /** @return what was wrong with the message, in words, completing "the message ..." */
    public String meaning() {
        return meaning;
    }

    /**
     * @return one line with the reason's name, code and meaning, for example
     *         {@code "BAD_CRC (-4): message dropped: it fails its CRC-32C"}; the same text
     *         {@link ResultCode#describe(int)} gives for {@link #code()}
     */
    public String description() {
        return description;
    }

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
     * @param ordinal {@link #ordinal()} of a reason, 0 to {@link #COUNT} - 1
     * @return that reason
     * @throws IndexOutOfBoundsException naming the ordinal and the range
     */
    public static DropReason ofOrdinal(final int ordinal) {
        return BY_ORDINAL[Require.index("drop reason ordinal", ordinal, COUNT, "drop reasons")];
    }
}
