package org.bftvote.channel;

/**
 * Told by a {@link ChannelManager} about transitions: a channel declared failed or readmitted, the redundancy
 * level changing, the output status changing. Never called on a frame where nothing changes.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Arguments are primitives and enums, so the manager allocates nothing to call it.</li>
 *   <li>Called synchronously from {@link ChannelManager#update}, on the caller's thread, in this order within a
 *       frame: failures and readmissions in channel order, then the redundancy change, then the status change.
 *       An implementation that allocates, logs or blocks does so on transitions only; it must not throw and must
 *       not call back into the manager.</li>
 * </ul>
 * Every method does nothing by default.
 */
public interface ChannelEventListener {
    /** A listener that ignores every event. */
    ChannelEventListener NONE = new ChannelEventListener() {
    };

    /**
     * A channel was declared failed and is excluded until readmitted or reset.
     *
     * @param signal  the signal id from the configuration
     * @param frame   the frame number given to {@code update}
     * @param channel the channel index
     * @param reason  why it failed
     */
    default void onChannelFailed(final int signal, final long frame, final int channel, final ExclusionReason reason) {
        // Ignored by default.
    }

    /**
     * A failed channel was readmitted by the {@link ReintegrationPolicy}; it votes again from the next frame.
     *
     * @param signal  the signal id
     * @param frame   the frame number
     * @param channel the channel index
     */
    default void onChannelReintegrated(final int signal, final long frame, final int channel) {
        // Ignored by default.
    }

    /**
     * The number of healthy (not failed) channels moved to another {@link RedundancyLevel}.
     *
     * @param signal the signal id
     * @param frame  the frame number
     * @param from   the level before
     * @param to     the level now
     */
    default void onRedundancyChanged(
        final int signal, final long frame, final RedundancyLevel from, final RedundancyLevel to) {
        // Ignored by default.
    }

    /**
     * The output status differs from the previous frame's (the first frame compares against
     * {@link OutputStatus#INVALID}, the status before any frame).
     *
     * @param signal the signal id
     * @param frame  the frame number
     * @param from   the status of the previous frame
     * @param to     the status of this frame
     */
    default void onOutputStatusChanged(
        final int signal, final long frame, final OutputStatus from, final OutputStatus to) {
        // Ignored by default.
    }
}
