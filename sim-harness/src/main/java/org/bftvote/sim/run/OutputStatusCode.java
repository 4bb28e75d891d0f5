package org.bftvote.sim.run;

/**
 * Status of one lane's voted output for one signal, as an int code in {@link FrameSample}. The runner maps the
 * library's own status onto these codes, so this package does not depend on the library's channel package.
 *
 * <p>{@link #NORMAL} and {@link #DEGRADED} outputs are valid (they carry a value the lane uses); the others are not
 * ({@link #DIVERGED} and {@link #SYNCING} carry a value that must not be used to command).
 * A code outside the table is read as {@link #INVALID}.
 */
public enum OutputStatusCode {
    /** Voted from the full set of healthy channels. */
    NORMAL(0),
    /** Voted, but with channels excluded or missing: still a valid value. */
    DEGRADED(1),
    /** No majority or no consistent value: no valid output. */
    NO_MAJORITY(2),
    /** No output at all (too few inputs, lane down, value not finite). */
    INVALID(3),
    /** A value, but the lane knows the lanes' states or agreement differ (fault hypothesis exceeded): not valid. */
    DIVERGED(4),
    /** A value, but the lane is still taking the agreed state (after a restart, stall or divergence): not valid. */
    SYNCING(5);

    private static final OutputStatusCode[] BY_CODE = values();

    private final int code;

    OutputStatusCode(final int code) {
        this.code = code;
    }

    /**
     * @return the int code stored in {@link FrameSample}
     */
    public int code() {
        return code;
    }

    /**
     * @param code a status code; allocation-free
     * @return its status, {@link #INVALID} for a code outside the table
     */
    public static OutputStatusCode fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : INVALID;
    }

    /**
     * @param code a status code; allocation-free
     * @return whether an output with that code carries a value at all: every status but {@link #INVALID} (a code
     *         outside the table has none)
     */
    public static boolean hasValue(final int code) {
        return code >= 0 && code < BY_CODE.length && code != INVALID.code;
    }

    /**
     * @param code a status code; allocation-free
     * @return whether the lane presents it as an ordinary value: it carries one and is not marked
     *         {@link #DIVERGED} or {@link #SYNCING} (what an unflagged divergence is made of)
     */
    public static boolean isUnflaggedValue(final int code) {
        return hasValue(code) && code != DIVERGED.code && code != SYNCING.code;
    }

    /**
     * @param code a status code; allocation-free
     * @return whether an output with that code carries a valid value ({@link #NORMAL} or {@link #DEGRADED})
     */
    public static boolean isValid(final int code) {
        return code == 0 || code == 1;
    }
}
