package org.bftvote.agreement;

/**
 * Status codes carried with every value word of the agreement protocol. Plain {@code byte} constants so that the
 * frame path never boxes or allocates.
 *
 * <p>On the wire only {@link #VALUE}, {@link #HELD} and {@link #RELAYED_ERROR} appear. {@link #MISSING} is local (a
 * value that did not arrive, arrived late or was malformed) and {@link #DEFAULT} is a decision outcome. {@link #VALUE}
 * and {@link #HELD} are both values ({@link #isValue}); they differ only in whether the reading is a new sample, and
 * the agreement treats the pair (word, status) as the value, so freshness is agreed together with the word.
 *
 * <p>The word that travels with {@link #RELAYED_ERROR} is not a reading but a small code, see
 * {@link EigEngine}: in the corrected hybrid algorithm it is the tree depth at which the error was first seen
 * (1 to m), in the classic algorithm it is 0 (the "no value" default token).
 */
public final class EntryStatus {
    /** An ordinary value word. */
    public static final byte VALUE = 0;
    /** R_E: "I received an error from the previous hop" (Lincoln and Rushby); the word carries the depth. */
    public static final byte RELAYED_ERROR = 1;
    /** E: local only (missing, late, malformed); never put on the wire. As a decision: the source is benign. */
    public static final byte MISSING = 2;
    /** Decided: no majority, the fixed default value of {@link AgreementConfig#defaultWord()} was used. */
    public static final byte DEFAULT = 3;
    /**
     * A valid value that is not a new sample: the sensor behind it has not delivered since the previous frame, so
     * the word repeats its last sample. Travels and is agreed exactly like {@link #VALUE}.
     */
    public static final byte HELD = 4;

    private EntryStatus() {
    }

    /**
     * @param status a status code
     * @return true if {@code status} may appear in a message ({@link #VALUE}, {@link #HELD} or
     *         {@link #RELAYED_ERROR})
     */
    public static boolean isWireStatus(final byte status) {
        return status == VALUE || status == HELD || status == RELAYED_ERROR;
    }

    /**
     * @param status a status code
     * @return true if {@code status} carries a valid value word ({@link #VALUE} or {@link #HELD})
     */
    public static boolean isValue(final byte status) {
        return status == VALUE || status == HELD;
    }

    /**
     * @param status a status code
     * @return its name, for diagnostics and test messages (never used on the frame path)
     */
    public static String name(final byte status) {
        switch (status) {
            case VALUE:
                return "VALUE";
            case RELAYED_ERROR:
                return "RELAYED_ERROR";
            case MISSING:
                return "MISSING";
            case DEFAULT:
                return "DEFAULT";
            case HELD:
                return "HELD";
            default:
                return "INVALID(" + status + ")";
        }
    }
}
