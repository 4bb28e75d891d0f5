package org.bftvote.sim.results;

/**
 * A time series kept for plotting within a fixed number of points by min/max decimation: frames are grouped into
 * buckets of {@link #bucketFrames()} frames and each bucket keeps its lowest and highest point (in frame order), so
 * spikes survive. When the points would exceed the capacity, the buckets grow four-fold and the kept points are
 * decimated again. Non-finite values are skipped. Frames must be added in increasing order. Not thread safe.
 */
final class MinMaxSeries {
    private final long[] frames;
    private final double[] values;
    private int size;
    private long bucketFrames;

    private long bucket = -1;
    private long minFrame;
    private double minValue;
    private long maxFrame;
    private double maxValue;

    /**
     * @param capacity       most points kept, at least 8
     * @param plannedFrames  frames expected, to choose a first bucket size that fits them
     */
    MinMaxSeries(final int capacity, final long plannedFrames) {
        final int cap = Math.max(8, capacity);
        this.frames = new long[cap];
        this.values = new double[cap];
        long b = 1;
        while (2 * ((plannedFrames + b - 1) / b) > cap) {
            b *= 2;
        }
        this.bucketFrames = b;
    }

    void add(final long frame, final double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        final long k = frame / bucketFrames;
        if (k != bucket) {
            flush();
            bucket = k;
            minFrame = frame;
            minValue = value;
            maxFrame = frame;
            maxValue = value;
            return;
        }
        if (value < minValue) {
            minValue = value;
            minFrame = frame;
        }
        if (value > maxValue) {
            maxValue = value;
            maxFrame = frame;
        }
    }

    /** Moves the open bucket into the kept points. */
    void flush() {
        if (bucket < 0) {
            return;
        }
        if (size + 2 > frames.length) {
            compact();
        }
        if (minFrame == maxFrame) {
            append(minFrame, minValue);
        } else if (minFrame < maxFrame) {
            append(minFrame, minValue);
            append(maxFrame, maxValue);
        } else {
            append(maxFrame, maxValue);
            append(minFrame, minValue);
        }
        bucket = -1;
    }

    private void append(final long frame, final double value) {
        frames[size] = frame;
        values[size] = value;
        size++;
    }

    /** Re-decimates the kept points into buckets four times as long (at most half the capacity remains). */
    private void compact() {
        bucketFrames *= 4;
        final int n = size;
        size = 0;
        int i = 0;
        while (i < n) {
            final long k = frames[i] / bucketFrames;
            int lo = i;
            int hi = i;
            int j = i + 1;
            while (j < n && frames[j] / bucketFrames == k) {
                if (values[j] < values[lo]) {
                    lo = j;
                }
                if (values[j] > values[hi]) {
                    hi = j;
                }
                j++;
            }
            final int first = Math.min(lo, hi);
            final int second = Math.max(lo, hi);
            final long f2 = frames[second];
            final double v2 = values[second];
            append(frames[first], values[first]);
            if (second != first) {
                append(f2, v2);
            }
            i = j;
        }
    }

    /** @return points kept (call {@link #flush()} first to include the open bucket) */
    int size() {
        return size;
    }

    long frame(final int i) {
        return frames[i];
    }

    double value(final int i) {
        return values[i];
    }

    long bucketFrames() {
        return bucketFrames;
    }
}
