package org.bftvote.channel;

/**
 * Quality of the value a {@link ChannelManager} output in one frame.
 *
 * <p>The value is finite for {@link #NORMAL}, {@link #DEGRADED}, {@link #NO_MAJORITY}, {@link #DIVERGED} and
 * {@link #SYNCING}, and is always {@code NaN} for {@link #INVALID}: the manager never makes up a number. The first
 * four come from the vote ({@link ChannelOutput#voteStatus()}); the last two are set over a vote that has a value
 * by a lane pipeline that knows its lane's state is not (or not yet) the one the other lanes hold.
 */
public enum OutputStatus {
    /** Voted from three or more channels: one further faulty channel is still masked. */
    NORMAL,
    /** Voted from two agreeing channels, or taken from the single channel left: a fault is detected at best. */
    DEGRADED,
    /**
     * The channels available disagree (a duplex split, or the voter could not vote): the value is the
     * {@link DuplexPolicy}'s fallback, the last good value held or the highest-priority channel.
     */
    NO_MAJORITY,
    /** No value: no channel is available, or the duplex policy's hold expired. The value is {@code NaN}. */
    INVALID,
    /**
     * Set by a lane pipeline, never by a manager alone: the lanes are known not to hold the same state (their state
     * digests disagree beyond what the fault budget explains), or this lane cannot confirm that they do (it hears
     * fewer than a majority of the lanes, or its own evidence names more faulty lanes than the budget). The value
     * is this lane's own vote (finite), but another lane's output may differ: the fault hypothesis is exceeded.
     */
    DIVERGED,
    /**
     * Set by a lane pipeline, never by a manager alone: this lane is taking the agreed state from the others after
     * a restart, a stall or a detected divergence. The value is its own vote (finite) on a state not yet confirmed
     * to be the agreed one; it must not be used to command, and the lane's diagnosis does not count.
     */
    SYNCING;

    /**
     * @return {@code true} iff the output value is finite (every status but {@link #INVALID}).
     */
    public boolean hasValue() {
        return this != INVALID;
    }

    /**
     * @return {@code true} unless the status is {@link #DIVERGED} or {@link #SYNCING}: the output is known to be the
     *         same on every healthy lane (within the fault hypothesis)
     */
    public boolean isCongruent() {
        return this != DIVERGED && this != SYNCING;
    }
}
