package org.bftvote.channel;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * What to output when the channels available cannot agree: two channels differing by more than the miscompare
 * threshold (which of them is wrong cannot be told), or a voter that could not vote. Immutable.
 *
 * <ul>
 *   <li>{@link #holdLastGood(int) holdLastGood(maxFrames)}: output the last value voted with status
 *       {@link OutputStatus#NORMAL} or {@link OutputStatus#DEGRADED}, flagged {@link OutputStatus#NO_MAJORITY},
 *       for at most {@code maxFrames} consecutive frames, then {@link OutputStatus#INVALID} ({@code NaN}) until
 *       the channels agree again. {@code holdLastGood(0)} (the default) goes invalid at once.</li>
 *   <li>{@link #selectByPriority(int...) selectByPriority(order)}: output the available channel that comes first
 *       in {@code order} (channels not listed follow in index order), flagged {@link OutputStatus#NO_MAJORITY}.
 *       Suits a pair where one channel is known to be better (a command lane over its monitor).</li>
 * </ul>
 * A disagreement never condemns either channel of a pair: it cannot be attributed.
 */
public final class DuplexPolicy {
    /** Largest hold accepted, in frames. */
    public static final int MAX_HOLD_FRAMES = 1_000_000;

    private final int maxHoldFrames;
    private final int[] order;

    private DuplexPolicy(final int maxHoldFrames, final int[] order) {
        this.maxHoldFrames = maxHoldFrames;
        this.order = order;
    }

    /**
     * @param maxFrames frames the last good value may be held, 0 to {@link #MAX_HOLD_FRAMES}
     * @return a hold-last-good policy
     * @throws InvalidConfigException if {@code maxFrames} is out of bounds
     */
    public static DuplexPolicy holdLastGood(final int maxFrames) {
        return new DuplexPolicy(Require.inRange("duplex.holdLastGood.maxFrames", maxFrames, 0, MAX_HOLD_FRAMES),
            null);
    }

    /**
     * @param channelOrder channel indices, highest priority first, distinct, each 0 to 63 (checked against the
     *                     channel count when the {@link ChannelConfig} is built)
     * @return a select-by-priority policy
     * @throws InvalidConfigException if the order is empty, has a duplicate or an index outside 0 to 63
     */
    public static DuplexPolicy selectByPriority(final int... channelOrder) {
        if (channelOrder == null || channelOrder.length == 0) {
            throw new InvalidConfigException("duplex.selectByPriority.channelOrder", "empty", "at least one channel");
        }
        long seen = 0L;
        for (final int c : channelOrder) {
            Require.inRange("duplex.selectByPriority.channelOrder[]", c, 0, 63);
            if ((seen & (1L << c)) != 0) {
                throw new InvalidConfigException("duplex.selectByPriority.channelOrder[]", c, "each channel once");
            }
            seen |= 1L << c;
        }
        return new DuplexPolicy(0, channelOrder.clone());
    }

    /**
     * @return {@code true} for {@link #selectByPriority(int...)}, {@code false} for {@link #holdLastGood(int)}.
     */
    public boolean isSelectByPriority() {
        return order != null;
    }

    /**
     * @return frames the last good value may be held; 0 for select-by-priority.
     */
    public int maxHoldFrames() {
        return maxHoldFrames;
    }

    /**
     * @param channelCount the signal's channel count
     * @return a new array holding every channel 0 to {@code channelCount - 1} once, in priority order: the listed
     *         channels first, then the rest in index order (for hold-last-good, index order)
     */
    public int[] fullOrder(final int channelCount) {
        final int[] full = new int[channelCount];
        int k = 0;
        long placed = 0L;
        if (order != null) {
            for (final int c : order) {
                if (c < channelCount) {
                    full[k++] = c;
                    placed |= 1L << c;
                }
            }
        }
        for (int c = 0; c < channelCount; c++) {
            if ((placed & (1L << c)) == 0) {
                full[k++] = c;
            }
        }
        return full;
    }

    /**
     * @param channelCount the signal's channel count
     * @throws InvalidConfigException if a listed channel is not below {@code channelCount}
     */
    void checkAgainst(final int channelCount) {
        if (order != null) {
            for (final int c : order) {
                if (c >= channelCount) {
                    throw new InvalidConfigException("duplex.selectByPriority.channelOrder[]", c,
                        "0 <= channel < channelCount (" + channelCount + ")");
                }
            }
        }
    }

    @Override
    public String toString() {
        return order == null
            ? "holdLastGood(" + maxHoldFrames + ")"
            : "selectByPriority" + java.util.Arrays.toString(order);
    }
}
