package org.bftvote.agreement;

import org.bftvote.channel.ChannelEventListener;

/**
 * Told by a {@link LanePipeline} about transitions of its lane: every channel event of its signals (with the host
 * signal index as {@code signal}), lanes excluded and readmitted, the fault hypothesis known to be exceeded and
 * restored, the lane starting and ending a resynchronisation, and a block of its state replaced by the agreed one.
 * Never called in a frame where nothing changes.
 *
 * <h2>Contract</h2>
 * As {@link ChannelEventListener}: primitive arguments, called synchronously from
 * {@link LanePipeline#completeFrame()} on the caller's thread, on transitions only; an implementation must not throw
 * and must not call back into the pipeline. Within a frame: lane exclusions and readmissions, then state adoptions,
 * then the channel events of signal 0 to K - 1, then the hypothesis event, then the syncing event. Frames a lane
 * replays while it takes an agreed state, and frames in which it hears fewer than a majority (its state is held),
 * fire no channel event. Every method does nothing by default.
 */
public interface PipelineListener extends ChannelEventListener {
    /** A listener that ignores every event. */
    PipelineListener NONE = new PipelineListener() {
    };

    /**
     * Agreed accusations excluded a lane; from the next frame its relays and accusations no longer count and its
     * channels are out of every vote (they are out already in this frame's vote).
     *
     * @param frame the frame
     * @param lane  the lane
     */
    default void onLaneExcluded(final long frame, final int lane) {
        // Ignored by default.
    }

    /**
     * An excluded lane was readmitted by the {@link ReadmissionPolicy}; its channels vote again from this frame.
     *
     * @param frame the frame
     * @param lane  the lane
     */
    default void onLaneReadmitted(final long frame, final int lane) {
        // Ignored by default.
    }

    /**
     * The lane knows the configured fault hypothesis is exceeded (from none before, or for other reasons than in
     * the previous frame); its outputs are {@link org.bftvote.channel.OutputStatus#DIVERGED}.
     *
     * @param frame the frame
     * @param flags the {@link HypothesisFlags}
     */
    default void onHypothesisExceeded(final long frame, final int flags) {
        // Ignored by default.
    }

    /**
     * The lane no longer knows the hypothesis to be exceeded.
     *
     * @param frame the frame
     */
    default void onHypothesisRestored(final long frame) {
        // Ignored by default.
    }

    /**
     * The lane started taking the agreed state (after a restart, a stall, a minority, or a state that differed):
     * its outputs are {@link org.bftvote.channel.OutputStatus#SYNCING} and its diagnosis does not count.
     *
     * @param frame the frame
     */
    default void onSyncingStarted(final long frame) {
        // Ignored by default.
    }

    /**
     * The lane holds the agreed state again: every block of its state was confirmed or taken from the agreed one.
     *
     * @param frame the frame
     */
    default void onSyncingEnded(final long frame) {
        // Ignored by default.
    }

    /**
     * One block of the lane's state differed from the one the lanes agree on and was replaced by it (then the
     * frames since its snapshot replayed).
     *
     * @param frame the frame
     * @param block 0 for lane health (exclusions, readmissions), 1 + k for the channel manager of signal k
     */
    default void onStateAdopted(final long frame, final int block) {
        // Ignored by default.
    }
}
