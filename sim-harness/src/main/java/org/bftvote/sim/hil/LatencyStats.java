package org.bftvote.sim.hil;

import org.HdrHistogram.Histogram;

/**
 * Per-frame compute latency (nanoseconds, from the frame's scheduled start to its outputs being ready) in an
 * HdrHistogram (3 significant digits, up to one minute, fixed footprint: recording allocates nothing), and the
 * frames that finished after their deadline. One per thread; merged for the report.
 */
final class LatencyStats {
    private static final long HIGHEST_NS = 60_000_000_000L;

    private final Histogram histogram = new Histogram(1, HIGHEST_NS, 3);
    private long deadlineMisses;

    void record(final long latencyNs, final boolean missed) {
        histogram.recordValue(Math.min(Math.max(latencyNs, 1L), HIGHEST_NS));
        if (missed) {
            deadlineMisses++;
        }
    }

    void add(final LatencyStats other) {
        histogram.add(other.histogram);
        deadlineMisses += other.deadlineMisses;
    }

    long count() {
        return histogram.getTotalCount();
    }

    long deadlineMisses() {
        return deadlineMisses;
    }

    /** @return latency at the percentile, microseconds (0 when empty) */
    double percentileUs(final double percentile) {
        return count() == 0 ? 0.0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return largest latency, microseconds (0 when empty) */
    double maxUs() {
        return count() == 0 ? 0.0 : histogram.getMaxValue() / 1000.0;
    }
}
