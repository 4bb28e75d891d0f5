package org.bftvote.agreement;

/**
 * Running count of dropped messages per {@link DropReason}, one {@code long} per reason. Counts only grow (until
 * {@link #reset()}); reading allocates nothing. Not thread safe: read it on the thread that drives the lane.
 */
public final class DropCounters {
    private final long[] counts = new long[DropReason.COUNT];

    /** Creates zeroed counters. */
    public DropCounters() {
    }

    /**
     * @param reason a drop reason
     * @return messages dropped for that reason since creation or the last {@link #reset()}
     */
    public long count(final DropReason reason) {
        return counts[reason.ordinal()];
    }

    /**
     * @param ordinal {@link DropReason#ordinal()}
     * @return messages dropped for that reason
     */
    public long count(final int ordinal) {
        return counts[ordinal];
    }

    /**
     * @return messages dropped for any reason
     */
    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** Sets every count to zero. */
    public void reset() {
        java.util.Arrays.fill(counts, 0L);
    }

    /**
     * Counts one drop.
     *
     * @param reason why
     * @return {@code reason.code()}, so a caller can {@code return counters.record(reason)}
     */
    int record(final DropReason reason) {
        counts[reason.ordinal()]++;
        return reason.code();
    }
}
