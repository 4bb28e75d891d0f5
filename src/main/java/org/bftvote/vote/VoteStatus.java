package org.bftvote.vote;

/**
 * Outcome of one vote. A voter never makes up a number: any status but {@link #VOTED} leaves
 * {@link VoteResult#value()} as {@code NaN}.
 */
public enum VoteStatus {
    /** A value was voted from enough valid inputs. */
    VOTED,
    /** Fewer valid inputs than the voter needs for its fault budget (for example fewer than 2f + 1). */
    TOO_FEW_INPUTS,
    /** Discrete voters: no value (or bit) reached the required majority; ties are reported here. */
    NO_MAJORITY,
    /** Interval fusion: no point is covered by at least n - f of the valid intervals. */
    NO_CONSISTENT_INTERVAL
}
