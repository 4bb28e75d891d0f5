package org.bftvote.sim.recording;

import java.util.Arrays;
import java.util.List;

/**
 * One frame per record: each row's samples are the frame's channel values, a channel with a sample is fresh and of
 * age 0, one without keeps its previous value, not fresh, its age growing. Arrays are sized by {@link #expect} (up
 * to {@link #MOST_RESERVED_BYTES}) and grow by doubling.
 */
final class RowFrames implements FrameSink {
    /** The most {@link #expect} sets aside, whatever the hint: a wrong hint cannot cost more memory than this. */
    static final long MOST_RESERVED_BYTES = 32L << 20;

    private final int[] channels;
    private double[] time = new double[1024];
    private final double[][] values;
    private final long[][] valid;
    private final long[][] fresh;
    private final double[][] age;
    private final double[][] last;
    private final double[][] lastTime;
    private final boolean[][] lastValid;
    private int frames;

    RowFrames(final int[] channels) {
        this.channels = channels.clone();
        final int n = channels.length;
        values = new double[n][];
        valid = new long[n][];
        fresh = new long[n][];
        age = new double[n][];
        last = new double[n][];
        lastTime = new double[n][];
        lastValid = new boolean[n][];
        for (int s = 0; s < n; s++) {
            values[s] = new double[1024 * channels[s]];
            age[s] = new double[1024 * channels[s]];
            valid[s] = new long[1024];
            fresh[s] = new long[1024];
            last[s] = new double[channels[s]];
            lastTime[s] = new double[channels[s]];
            lastValid[s] = new boolean[channels[s]];
            Arrays.fill(last[s], Double.NaN);
            Arrays.fill(lastTime[s], Double.NaN);
        }
    }

    @Override
    public void beginRow(final double timeS) {
        if (frames == time.length) {
            grow();
        }
        time[frames] = timeS;
    }

    @Override
    public void expect(final long rows) {
        long bytesPerFrame = Double.BYTES;
        for (final int c : channels) {
            bytesPerFrame += 2L * Double.BYTES * c + 2L * Long.BYTES;
        }
        final long capacity = Math.min(rows, MOST_RESERVED_BYTES / bytesPerFrame);
        if (frames == 0 && capacity > time.length) {
            resize((int) capacity);
        }
    }

    private void grow() {
        resize(time.length * 2);
    }

    private void resize(final int capacity) {
        time = Arrays.copyOf(time, capacity);
        for (int s = 0; s < channels.length; s++) {
            values[s] = Arrays.copyOf(values[s], capacity * channels[s]);
            age[s] = Arrays.copyOf(age[s], capacity * channels[s]);
            valid[s] = Arrays.copyOf(valid[s], capacity);
            fresh[s] = Arrays.copyOf(fresh[s], capacity);
        }
    }

    @Override
    public void sample(final int signal, final int channel, final double value, final boolean isValid,
        final boolean present) {
        if (present) {
            last[signal][channel] = value;
            lastTime[signal][channel] = time[frames];
            lastValid[signal][channel] = isValid;
            fresh[signal][frames] |= 1L << channel;
        }
        final int at = frames * channels[signal] + channel;
        values[signal][at] = last[signal][channel];
        age[signal][at] = time[frames] - lastTime[signal][channel];
        if (lastValid[signal][channel]) {
            valid[signal][frames] |= 1L << channel;
        }
    }

    @Override
    public void endRow() {
        frames++;
    }

    @Override
    public RecordedFrames frames(final List<String> names, final List<String> units, final RecordingSource source) {
        return new RecordedFrames(names, units, channels, frames, time, values, valid, fresh, age, source);
    }
}
