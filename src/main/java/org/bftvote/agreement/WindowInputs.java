package org.bftvote.agreement;

import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;

/**
 * What a block's frames took in during its sync window, kept so that a lane that takes the agreed snapshot at the
 * window's end can replay the frames since the snapshot: for the {@link LaneHealth} block the agreed diagnosis
 * (heard lanes, accusation words, tags), for a channel manager its agreed channel inputs (values and masks). One
 * window at a time; row j is the window's frame j.
 *
 * <p>Footprint: rows for the largest block's window, n values each. Allocation-free. Not thread safe.
 */
final class WindowInputs {
    private final int lanes;
    private final long[] frames;
    private final long[] heard;
    private final long[] words;
    private final long[] tags;
    private final double[] values;
    private final long[] valid;
    private final long[] fresh;
    private final long[] present;
    private final double[] row;

    /**
     * @param lanes n
     * @param rows  frames of the largest window
     */
    WindowInputs(final int lanes, final int rows) {
        this.lanes = lanes;
        this.frames = new long[rows];
        this.heard = new long[rows];
        this.words = new long[rows * lanes];
        this.tags = new long[rows * lanes];
        this.values = new double[rows * lanes];
        this.valid = new long[rows];
        this.fresh = new long[rows];
        this.present = new long[rows];
        this.row = new double[lanes];
    }

    /** Records frame j of a {@link LaneHealth} window. */
    void recordDiagnosis(final int j, final long frame, final long heardLanes, final long[] accusationWords,
                         final long[] laneTags) {
        frames[j] = frame;
        heard[j] = heardLanes;
        System.arraycopy(accusationWords, 0, words, j * lanes, lanes);
        System.arraycopy(laneTags, 0, tags, j * lanes, lanes);
    }

    /** Records frame j of a channel manager's window. */
    void recordChannels(final int j, final long frame, final double[] channelValues, final long validMask,
                        final long freshMask, final long presentMask) {
        frames[j] = frame;
        System.arraycopy(channelValues, 0, values, j * lanes, lanes);
        valid[j] = validMask;
        fresh[j] = freshMask;
        present[j] = presentMask;
    }

    /**
     * Steps {@code health} through frames 0 to {@code count - 1} of the window.
     *
     * @param health       the block, holding the window's snapshot
     * @param count        frames to replay
     * @param wordScratch  n words of scratch
     * @param tagScratch   n words of scratch
     */
    void replayDiagnosis(final LaneHealth health, final int count, final long[] wordScratch,
                         final long[] tagScratch) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(words, j * lanes, wordScratch, 0, lanes);
            System.arraycopy(tags, j * lanes, tagScratch, 0, lanes);
            health.step(frames[j], heard[j], wordScratch, tagScratch);
        }
    }

    /**
     * Updates {@code manager} through frames 0 to {@code count - 1} of the window.
     *
     * @param manager the block, holding the window's snapshot
     * @param count   frames to replay
     * @param scratch an output for the replayed frames
     */
    void replayChannels(final ChannelManager manager, final int count, final ChannelOutput scratch) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(values, j * lanes, row, 0, lanes);
            manager.update(frames[j], row, valid[j], fresh[j], present[j], scratch);
        }
    }
}
