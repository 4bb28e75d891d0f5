package org.bftvote.sim.results;

import org.bftvote.sim.run.FrameSample;

/**
 * How many times each lane was readmitted after an exclusion, as the healthy lanes saw it: a readmission is a lane
 * that a lane healthy in two consecutive frames held excluded in the first and no longer in the second. Per
 * readmitted lane the count is the largest any healthy lane saw (the lanes readmit at the same frame, so they all
 * see the same count while they agree).
 *
 * <p>Footprint: n² counters; {@link #onFrame} allocates nothing. Not thread safe.
 */
final class LaneReadmissions {
    private final int lanes;
    /** counts[observer][lane]: readmissions of lane seen by observer. */
    private final long[][] counts;
    private final long[] previousExcluded;
    private long previousHealthy;

    /**
     * @param lanes n
     */
    LaneReadmissions(final int lanes) {
        this.lanes = lanes;
        this.counts = new long[lanes][lanes];
        this.previousExcluded = new long[lanes];
    }

    /**
     * @param sample a frame, after the one given last
     */
    void onFrame(final FrameSample sample) {
        final long healthy = sample.oracleHealthyLanes();
        final long healthyInBoth = healthy & previousHealthy;
        for (int observer = 0; observer < lanes; observer++) {
            final long excluded = sample.excludedLanes(observer);
            if ((healthyInBoth >>> observer & 1L) != 0) {
                for (long back = previousExcluded[observer] & ~excluded; back != 0L; back &= back - 1) {
                    counts[observer][Long.numberOfTrailingZeros(back)]++;
                }
            }
            previousExcluded[observer] = excluded;
        }
        previousHealthy = healthy;
    }

    /**
     * @param lane a lane
     * @return the most readmissions of that lane any healthy lane saw
     */
    long readmissions(final int lane) {
        long most = 0L;
        for (int observer = 0; observer < lanes; observer++) {
            most = Math.max(most, counts[observer][lane]);
        }
        return most;
    }
}
