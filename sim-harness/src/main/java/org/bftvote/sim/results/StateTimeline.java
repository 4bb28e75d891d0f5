package org.bftvote.sim.results;

import java.util.Arrays;

/**
 * A row of small-integer states over time for a timeline plot, kept within a fixed number of buckets: a bucket of
 * {@link #bucketFrames()} frames keeps the highest (most severe) state seen in it; when the buckets run out they
 * merge pairwise (bucket length doubles). Frames must be added in increasing order. Not thread safe.
 */
final class StateTimeline {
    private static final byte EMPTY = -1;

    private final byte[] states;
    private long bucketFrames;
    private long buckets;

    /**
     * @param capacity      most buckets kept, at least 2
     * @param plannedFrames frames expected, to choose a first bucket size that fits them
     */
    StateTimeline(final int capacity, final long plannedFrames) {
        this.states = new byte[Math.max(2, capacity)];
        Arrays.fill(states, EMPTY);
        long b = 1;
        while ((plannedFrames + b - 1) / b > states.length) {
            b *= 2;
        }
        this.bucketFrames = b;
    }

    void add(final long frame, final int state) {
        long k = frame / bucketFrames;
        while (k >= states.length) {
            merge();
            k = frame / bucketFrames;
        }
        if (state > states[(int) k]) {
            states[(int) k] = (byte) state;
        }
        buckets = Math.max(buckets, k + 1);
    }

    private void merge() {
        for (int i = 0; i < states.length / 2; i++) {
            states[i] = (byte) Math.max(states[2 * i], states[2 * i + 1]);
        }
        Arrays.fill(states, states.length / 2, states.length, EMPTY);
        bucketFrames *= 2;
        buckets = (buckets + 1) / 2;
    }

    /** @return buckets in use */
    long buckets() {
        return buckets;
    }

    /**
     * @param bucket bucket index
     * @return its state, -1 when no frame fell in it
     */
    int state(final long bucket) {
        return states[(int) bucket];
    }

    long bucketFrames() {
        return bucketFrames;
    }
}
