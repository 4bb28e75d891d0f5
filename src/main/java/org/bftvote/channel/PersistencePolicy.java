package org.bftvote.channel;

import org.bftvote.Require;

/**
 * How long a channel must keep failing a check before it is declared failed. Immutable.
 *
 * <p>Both policies are a counter per channel, floored at 0: a bad frame adds {@link #up()}, a good frame
 * subtracts {@link #down()}, and the channel trips when the counter reaches {@link #tripLevel()}.
 * <ul>
 *   <li>{@link #consecutive(int) consecutive(n)}: up 1, a good frame clears the counter, trip at n. Exactly n
 *       bad frames in a row trip; any good frame starts again. Simple to certify; misses an intermittent fault
 *       whose bursts are shorter than n.</li>
 *   <li>{@link #leaky(int, int, int) leaky(up, down, trip)}: an intermittent fault that is bad more often than the
 *       ratio down : up still accumulates and trips, while isolated glitches drain away.</li>
 * </ul>
 * The counters themselves are {@link PersistenceCounters}.
 */
public final class PersistencePolicy {
    /** Largest count, step or level a policy accepts. */
    public static final int MAX_LEVEL = 1_000_000;

    private final int up;
    private final int down;
    private final int trip;
    private final boolean consecutive;

    private PersistencePolicy(final int up, final int down, final int trip, final boolean consecutive) {
        this.up = up;
        this.down = down;
        this.trip = trip;
        this.consecutive = consecutive;
    }

    /**
     * @param frames bad frames in a row that trip, 1 to {@link #MAX_LEVEL}
     * @return a policy tripping on exactly {@code frames} consecutive bad frames
     * @throws org.bftvote.InvalidConfigException if {@code frames} is out of bounds
     */
    public static PersistencePolicy consecutive(final int frames) {
        Require.inRange("persistence.consecutive.frames", frames, 1, MAX_LEVEL);
        // A good frame subtracts the trip level itself: the counter, never above frames - 1 before tripping,
        // drops to the floor 0.
        return new PersistencePolicy(1, frames, frames, true);
    }

    /**
     * @param up   added on a bad frame, 1 to {@link #MAX_LEVEL}
     * @param down subtracted on a good frame (floored at 0), 0 to {@link #MAX_LEVEL}; 0 never forgets
     * @param trip level at which the channel trips, 1 to {@link #MAX_LEVEL}
     * @return a leaky-bucket policy
     * @throws org.bftvote.InvalidConfigException naming the parameter out of bounds
     */
    public static PersistencePolicy leaky(final int up, final int down, final int trip) {
        Require.inRange("persistence.leaky.up", up, 1, MAX_LEVEL);
        Require.inRange("persistence.leaky.down", down, 0, MAX_LEVEL);
        Require.inRange("persistence.leaky.trip", trip, 1, MAX_LEVEL);
        return new PersistencePolicy(up, down, trip, false);
    }

    /**
     * @return added to the counter on a bad frame.
     */
    public int up() {
        return up;
    }

    /**
     * @return subtracted from the counter on a good frame (the counter never goes below 0).
     */
    public int down() {
        return down;
    }

    /**
     * @return the counter level that trips.
     */
    public int tripLevel() {
        return trip;
    }

    /**
     * @return {@code true} for a {@link #consecutive(int)} policy.
     */
    public boolean isConsecutive() {
        return consecutive;
    }

    /**
     * @return the number of bad frames in a row that trip a channel whose counter is 0: ceil(trip / up). From any
     *         other level it takes at most this many.
     */
    public int framesToTrip() {
        return (trip + up - 1) / up;
    }

    @Override
    public String toString() {
        return consecutive ? "consecutive(" + trip + ")" : "leaky(up=" + up + ", down=" + down + ", trip=" + trip + ")";
    }
}
