package org.bftvote.sim.results;

import org.bftvote.sim.run.InjectedFault;

/**
 * The exclusions of a run, in the order reported, in arrays of a fixed capacity set at construction. Appending
 * allocates nothing; once full, further exclusions are counted in {@link #dropped()} but not kept. Not thread safe.
 */
public final class ExclusionLog {
    private final long[] frame;
    private final int[] lane;
    private final int[] signal;
    private final int[] channel;
    private final String[] reason;
    private final boolean[] falseExclusion;
    private int size;
    private long dropped;

    /**
     * @param capacity most exclusions kept, at least 1
     */
    public ExclusionLog(final int capacity) {
        final int c = Math.max(1, capacity);
        this.frame = new long[c];
        this.lane = new int[c];
        this.signal = new int[c];
        this.channel = new int[c];
        this.reason = new String[c];
        this.falseExclusion = new boolean[c];
    }

    /**
     * Keeps one exclusion, or counts it as dropped when the log is full.
     *
     * @param frameIndex    frame of the exclusion
     * @param observingLane lane that excluded
     * @param signalIndex   signal, or {@link InjectedFault#ALL_SIGNALS}
     * @param channelIndex  excluded channel
     * @param why           reason text
     * @param isFalse       whether a healthy lane excluded a healthy unit
     */
    void append(final long frameIndex, final int observingLane, final int signalIndex, final int channelIndex,
        final String why, final boolean isFalse) {
        if (size == frame.length) {
            dropped++;
            return;
        }
        frame[size] = frameIndex;
        lane[size] = observingLane;
        signal[size] = signalIndex;
        channel[size] = channelIndex;
        reason[size] = why;
        falseExclusion[size] = isFalse;
        size++;
    }

    /** @return exclusions kept */
    public int size() {
        return size;
    }

    /** @return exclusions reported after the log was full */
    public long dropped() {
        return dropped;
    }

    /**
     * @param i index below {@link #size()}
     * @return frame of exclusion {@code i}
     */
    public long frame(final int i) {
        return frame[check(i)];
    }

    /**
     * @param i index below {@link #size()}
     * @return the lane that excluded
     */
    public int observingLane(final int i) {
        return lane[check(i)];
    }

    /**
     * @param i index below {@link #size()}
     * @return signal index, or {@link InjectedFault#ALL_SIGNALS}
     */
    public int signal(final int i) {
        return signal[check(i)];
    }

    /**
     * @param i index below {@link #size()}
     * @return excluded channel
     */
    public int channel(final int i) {
        return channel[check(i)];
    }

    /**
     * @param i index below {@link #size()}
     * @return reason text as reported
     */
    public String reason(final int i) {
        return reason[check(i)];
    }

    /**
     * @param i index below {@link #size()}
     * @return whether a healthy lane excluded a healthy unit
     */
    public boolean isFalse(final int i) {
        return falseExclusion[check(i)];
    }

    private int check(final int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("exclusion " + i + " of " + size);
        }
        return i;
    }
}
