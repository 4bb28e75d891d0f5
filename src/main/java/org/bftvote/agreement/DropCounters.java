package org.bftvote.agreement;

import org.bftvote.Require;

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
     * @param ordinal {@link DropReason#ordinal()}, 0 to {@link DropReason#COUNT} - 1
     * @return messages dropped for that reason
     * @throws IndexOutOfBoundsException naming the ordinal and the range
     */
    public long count(final int ordinal) {
        return counts[Require.index("drop reason ordinal", ordinal, counts.length, "drop reasons")];
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

    /**
     * The counts that are not zero, by reason, in the order of {@link DropReason}; for logs, not the frame path
     * (it allocates).
     *
     * @return for example {@code "DropCounters{total=3, BAD_CRC=2, WRONG_FRAME=1}"}, or
     *         {@code "DropCounters{total=0}"}
     */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder("DropCounters{total=").append(total());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                text.append(", ").append(DropReason.ofOrdinal(i).name()).append('=').append(counts[i]);
            }
        }
        return text.append('}').toString();
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
