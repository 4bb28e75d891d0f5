package org.bftvote.sim.recording;

import java.util.List;

/**
 * Where a reader puts samples: {@link #beginRow} with a time (seconds from the first record, non-decreasing), then
 * samples, then {@link #endRow}; finally {@link #frames} builds the frames.
 */
interface FrameSink {
    /**
     * A hint, given at most once and before the first row: about how many rows are coming, so that storage can be
     * sized once instead of grown. It may be wrong either way; a sink that has no use for it ignores it.
     *
     * @param rows the rows expected
     */
    default void expect(final long rows) {
        // no use for it
    }

    void beginRow(double timeS);

    /**
     * @param signal  signal index
     * @param channel channel index
     * @param value   the value
     * @param valid   whether the source says it is valid
     * @param present whether the record carries a sample of this channel at all
     */
    void sample(int signal, int channel, double value, boolean valid, boolean present);

    void endRow();

    RecordedFrames frames(List<String> names, List<String> units, RecordingSource source);
}
