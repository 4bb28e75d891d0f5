package org.bftvote.channel;

import org.bftvote.Require;

/**
 * Result of one {@link ChannelManager#update} frame, filled in place and reused every frame, so the frame path
 * allocates nothing.
 *
 * <p>Two kinds of exclusion are reported apart: a channel {@link #isFailed(int) declared failed} is latched out
 * (its {@link #failureReason(int)} holds until readmission or reset); a channel that merely failed an input check
 * this frame is in {@link #rejectedMask()} and comes back as soon as its input is good. {@link #reason(int)} gives
 * whichever applies this frame.
 *
 * <p>Footprint: two reference arrays of {@code capacity} entries, allocated when built. Not thread safe.
 */
public final class ChannelOutput {
    private final ExclusionReason[] frameReason;
    private final ExclusionReason[] failureReason;
    private int channelCount;
    private long frame;
    private double value = Double.NaN;
    private OutputStatus status = OutputStatus.INVALID;
    private OutputStatus voteStatus = OutputStatus.INVALID;
    private RedundancyLevel level = RedundancyLevel.NONE;
    private long healthyMask;
    private long failedMask;
    private long usedMask;
    private long rejectedMask;
    private long miscompareMask;
    private double spread = Double.NaN;
    // Bit i set iff channel i holds a reason other than NONE (either kind). Kept by the output itself, so it is
    // right whichever managers write this output.
    private long reasonMask;

    /**
     * Creates an output for up to {@code capacity} channels, status {@link OutputStatus#INVALID} until filled.
     *
     * @param capacity largest channel count it will hold, 1 to 64
     */
    public ChannelOutput(final int capacity) {
        Require.inRange("capacity", capacity, 1, 64);
        this.frameReason = new ExclusionReason[capacity];
        this.failureReason = new ExclusionReason[capacity];
        java.util.Arrays.fill(frameReason, ExclusionReason.NONE);
        java.util.Arrays.fill(failureReason, ExclusionReason.NONE);
    }

    /**
     * @return the largest channel count this output holds.
     */
    public int capacity() {
        return frameReason.length;
    }

    /**
     * @return the channel count of the last frame written.
     */
    public int channelCount() {
        return channelCount;
    }

    /**
     * @return the frame number of the last update.
     */
    public long frame() {
        return frame;
    }

    /**
     * @return the output value: finite unless {@link #status()} is {@link OutputStatus#INVALID}, then
     *         {@code NaN}.
     */
    public double value() {
        return value;
    }

    /**
     * @return the quality of {@link #value()}: the vote's status, or {@link OutputStatus#DIVERGED} /
     *         {@link OutputStatus#SYNCING} if a lane pipeline {@linkplain #markNotCongruent marked} it.
     */
    public OutputStatus status() {
        return status;
    }

    /**
     * @return the vote's own status ({@link OutputStatus#NORMAL}, {@link OutputStatus#DEGRADED},
     *         {@link OutputStatus#NO_MAJORITY} or {@link OutputStatus#INVALID}), before any congruence mark.
     */
    public OutputStatus voteStatus() {
        return voteStatus;
    }

    /**
     * Marks this frame's output as not congruent with the other lanes' (what a lane pipeline does when its lane's
     * state is known to differ or is being synchronised): the status becomes {@code mark} unless the output has no
     * value, which stays {@link OutputStatus#INVALID}. The value and {@link #voteStatus()} are unchanged; the next
     * fill by the manager clears the mark.
     *
     * @param mark {@link OutputStatus#DIVERGED} or {@link OutputStatus#SYNCING}
     * @throws IllegalArgumentException if {@code mark} is another status (a programming error)
     */
    public void markNotCongruent(final OutputStatus mark) {
        if (mark.isCongruent()) {
            throw new IllegalArgumentException("mark must be DIVERGED or SYNCING, not " + mark);
        }
        if (voteStatus.hasValue() && status != mark) {
            status = mark;
        }
    }

    /**
     * @return redundancy left after this frame (by channels not declared failed).
     */
    public RedundancyLevel level() {
        return level;
    }

    /**
     * @return bit i set iff channel i is not declared failed (after this frame's failures and readmissions).
     */
    public long healthyMask() {
        return healthyMask;
    }

    /**
     * @return bit i set iff channel i is declared failed (latched).
     */
    public long failedMask() {
        return failedMask;
    }

    /**
     * @return bit i set iff channel i's value went into {@link #value()} this frame.
     */
    public long usedMask() {
        return usedMask;
    }

    /**
     * @return bit i set iff channel i failed an input check this frame (whether or not it is also failed).
     */
    public long rejectedMask() {
        return rejectedMask;
    }

    /**
     * @return bit i set iff channel i, healthy and passing its input checks, differed from the median-based vote
     *         by more than the threshold this frame.
     */
    public long miscompareMask() {
        return miscompareMask;
    }

    /**
     * @return the spread of the values voted (from the voter's result); 0 for a single channel, the distance of
     *         the pair in a duplex split, {@code NaN} when nothing was available.
     */
    public double spread() {
        return spread;
    }

    /**
     * @param channel channel index, 0 to {@link #capacity()} - 1
     * @return {@code true} iff the channel is declared failed (latched).
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public boolean isFailed(final int channel) {
        return (failedMask & (1L << checked(channel))) != 0;
    }

    /**
     * @param channel channel index, 0 to {@link #capacity()} - 1
     * @return the latched reason for a failed channel, {@link ExclusionReason#NONE} for a healthy one.
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public ExclusionReason failureReason(final int channel) {
        return failureReason[checked(channel)];
    }

    /**
     * @param channel channel index, 0 to {@link #capacity()} - 1
     * @return the reason the channel was not used normally this frame: its failure reason if failed, else the
     *         input check it failed, else {@link ExclusionReason#MISCOMPARE} if it miscompared, else
     *         {@link ExclusionReason#NONE}.
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public ExclusionReason reason(final int channel) {
        final ExclusionReason failed = failureReason[checked(channel)];
        return failed != ExclusionReason.NONE ? failed : frameReason[channel];
    }

    /**
     * @param channel channel index, 0 to {@link #capacity()} - 1
     * @return the per-frame reason only (input check or miscompare), ignoring any latched failure.
     * @throws IndexOutOfBoundsException naming the channel and the range
     */
    public ExclusionReason frameReason(final int channel) {
        return frameReason[checked(channel)];
    }

    private int checked(final int channel) {
        return Require.index("channel", channel, frameReason.length, "channels in this output");
    }

    // Called by ChannelManager once per frame.
    void fill(
        final int channelCount,
        final long frame,
        final double value,
        final OutputStatus status,
        final RedundancyLevel level,
        final long failedMask,
        final long usedMask,
        final long rejectedMask,
        final long miscompareMask,
        final double spread) {
        this.channelCount = channelCount;
        this.frame = frame;
        this.value = value;
        // References are written only on a change (see reasons()).
        if (this.status != status) {
            this.status = status;
        }
        if (this.voteStatus != status) {
            this.voteStatus = status;
        }
        if (this.level != level) {
            this.level = level;
        }
        this.healthyMask = ChannelManager.allChannels(channelCount) & ~failedMask;
        this.failedMask = failedMask;
        this.usedMask = usedMask;
        this.rejectedMask = rejectedMask;
        this.miscompareMask = miscompareMask;
        this.spread = spread;
    }

    // Writes only on a change: reasons rarely change from frame to frame, and skipping the store of an unchanged
    // reference avoids the garbage collector's write barrier on the frame path. Same contents either way.
    void reasons(final int channel, final ExclusionReason frameReason, final ExclusionReason failureReason) {
        if (this.frameReason[channel] != frameReason) {
            this.frameReason[channel] = frameReason;
        }
        if (this.failureReason[channel] != failureReason) {
            this.failureReason[channel] = failureReason;
        }
        final long bit = 1L << channel;
        if (frameReason == ExclusionReason.NONE && failureReason == ExclusionReason.NONE) {
            reasonMask &= ~bit;
        } else {
            reasonMask |= bit;
        }
    }

    // Same as reasons(i, NONE, NONE) for every channel below channelCount, in the frames where most or all of them
    // already hold NONE: only the channels that do not are written.
    void clearReasons(final int channelCount) {
        long marked = reasonMask & ChannelManager.allChannels(channelCount);
        while (marked != 0L) {
            final int i = Long.numberOfTrailingZeros(marked);
            marked &= marked - 1L;
            reasons(i, ExclusionReason.NONE, ExclusionReason.NONE);
        }
    }
}
