package org.bftvote.channel;

/**
 * Why a channel was not used in a frame, or why it was declared failed.
 *
 * <p>The input checks ({@link #isInputCheck()}) reject a channel for the current frame only; each rejection also
 * counts as a bad frame towards the channel's persistence counter, so a check that keeps failing latches the
 * channel with that reason. {@link #FROZEN} and {@link #MISCOMPARE} are found by watching the channel over several
 * frames; {@link #FROZEN} latches as soon as it is detected (its frame count is its own persistence).
 */
public enum ExclusionReason {
    /** Used normally. */
    NONE,
    /** The source's own validity flag (for example an ARINC 429 SSM other than normal) said invalid. */
    SOURCE_INVALID,
    /** The value was NaN or infinite. */
    NOT_FINITE,
    /** The value was outside the configured range. */
    OUT_OF_RANGE,
    /** No fresh sample for more frames than the configured stale limit. */
    STALE,
    /** The value moved from the channel's previous valid value faster than the configured rate limit. */
    RATE_LIMIT,
    /** The value stayed bit-identical for the configured number of frames while another healthy channel moved. */
    FROZEN,
    /** The value differed from the median-based vote by more than the miscompare threshold. */
    MISCOMPARE,
    /**
     * The channel is absent this frame (its lane computer is excluded; a lane pipeline says so): left out of the vote
     * and judged not at all, so it is never a reason a channel is declared failed.
     */
    ABSENT;

    /**
     * @return {@code true} for the per-frame input checks: {@link #SOURCE_INVALID}, {@link #NOT_FINITE},
     *         {@link #OUT_OF_RANGE}, {@link #STALE} and {@link #RATE_LIMIT}.
     */
    public boolean isInputCheck() {
        return this == SOURCE_INVALID || this == NOT_FINITE || this == OUT_OF_RANGE || this == STALE
            || this == RATE_LIMIT;
    }
}
