package org.bftvote.channel;

import org.bftvote.Require;

/**
 * One persistence counter per channel, following a {@link PersistencePolicy}. Usable on its own, for example to
 * exclude lanes after repeated disagreements in a diagnosis.
 *
 * <p>Footprint: one {@code int} per channel, allocated when built. {@link #record} allocates nothing, is
 * deterministic and never throws for a channel index inside {@code [0, channels)}; every method given a channel
 * outside it throws an {@link IndexOutOfBoundsException} naming the channel and the range. Not thread safe.
 */
public final class PersistenceCounters {
    private final PersistencePolicy policy;
    private final int[] level;

    /**
     * @param policy   the policy every channel follows
     * @param channels number of channels, 1 to 64
     * @throws org.bftvote.InvalidConfigException if {@code policy} is null or {@code channels} is out of bounds
     */
    public PersistenceCounters(final PersistencePolicy policy, final int channels) {
        this.policy = Require.notNull("policy", policy);
        this.level = new int[Require.inRange("channels", channels, 1, 64)];
    }

    /**
     * Records one frame of one channel.
     *
     * @param channel    channel index, 0 to {@link #channels()} - 1
     * @param miscompare {@code true} for a bad frame, {@code false} for a good one
     * @return {@code true} iff this frame brought the counter to the trip level from below it. A counter already
     *         at the trip level stays there on further bad frames and does not report again until it has drained
     *         below the level or been {@link #reset(int) reset}.
     */
    public boolean record(final int channel, final boolean miscompare) {
        final int before = level[checked(channel)];
        final PersistencePolicy p = policy;
        if (miscompare) {
            // Levels and steps are at most 1,000,000 each, so the sum cannot overflow before the clamp.
            final int after = Math.min(before + p.up(), p.tripLevel());
            level[channel] = after;
            return before < p.tripLevel() && after >= p.tripLevel();
        }
        level[channel] = Math.max(0, before - p.down());
        return false;
    }

    /**
     * @param channel channel index
     * @return {@code true} iff the channel's counter is at the trip level.
     */
    public boolean isTripped(final int channel) {
        return level[checked(channel)] >= policy.tripLevel();
    }

    /**
     * @param channel channel index
     * @return the channel's counter, 0 to the trip level.
     */
    public int level(final int channel) {
        return level[checked(channel)];
    }

    /**
     * Clears one channel's counter to 0.
     *
     * @param channel channel index
     */
    public void reset(final int channel) {
        level[checked(channel)] = 0;
    }

    /**
     * Sets one channel's counter, clamped to 0 .. the trip level (for a caller that takes a state agreed elsewhere).
     *
     * @param channel channel index
     * @param value   the level
     */
    public void restore(final int channel, final int value) {
        level[checked(channel)] = Math.max(0, Math.min(value, policy.tripLevel()));
    }

    /**
     * Clears every counter to 0.
     */
    public void reset() {
        java.util.Arrays.fill(level, 0);
    }

    /**
     * @return the number of channels.
     */
    public int channels() {
        return level.length;
    }

    /**
     * @return the policy the counters follow.
     */
    public PersistencePolicy policy() {
        return policy;
    }

    /** @return the channel's counters in channel order and the trip level, for logs and messages */
    @Override
    public String toString() {
        return "PersistenceCounters{levels=" + java.util.Arrays.toString(level) + ", tripLevel=" + policy.tripLevel()
            + "}";
    }

    /** One comparison against the array's own length, which the compiler then need not repeat; allocation-free. */
    private int checked(final int channel) {
        return Require.index("channel", channel, level.length, "channels");
    }
}
