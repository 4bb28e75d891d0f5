package org.bftvote.channel;

/**
 * Quality of the value a {@link ChannelManager} output in one frame.
 *
 * <p>The value is finite for {@link #NORMAL}, {@link #DEGRADED} and {@link #NO_MAJORITY}, and is always
 * {@code NaN} for {@link #INVALID}: the manager never makes up a number.
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
    INVALID;

    /**
     * @return {@code true} iff the output value is finite (every status but {@link #INVALID}).
     */
    public boolean hasValue() {
        return this != INVALID;
    }
}
