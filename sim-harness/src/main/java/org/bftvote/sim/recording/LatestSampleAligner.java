package org.bftvote.sim.recording;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Forms frames at a stated rate from samples that arrive at their own times, per channel: frame {@code k} is at
 * {@code k / rate} seconds from the first sample of the recording, and holds, for every channel, its <em>latest
 * sample at or before that time</em>. Nothing is interpolated: a value is always one the sensor reported. A channel
 * is fresh in a frame iff a sample of it arrived since the previous frame's time (so a sensor slower than the frame
 * rate is stale between its samples, as the library's stale check expects), and its age is the frame's time minus
 * its sample's time. Before a channel's first sample it is invalid with a NaN value. A channel is valid in a frame
 * iff its latest sample is and so is every other sample that arrived since the previous frame: a sample its source
 * marked invalid between two frames is never hidden by a valid one after it.
 *
 * <p>Samples are collected per channel first (a ULog file interleaves its instances), then aligned channel by
 * channel, so the samples of different channels need not come in time order among each other; the samples of one
 * channel must.
 */
final class LatestSampleAligner implements FrameSink {
    private final int[] channels;
    private final double rateHz;
    private final double[][][] times;
    private final double[][][] values;
    private final boolean[][][] valid;
    private final int[][] counts;
    private double rowTime;

    LatestSampleAligner(final RecordingMap map, final int[] channels) {
        this.channels = channels.clone();
        this.rateHz = map.frameRateHz();
        final int n = channels.length;
        times = new double[n][][];
        values = new double[n][][];
        valid = new boolean[n][][];
        counts = new int[n][];
        for (int s = 0; s < n; s++) {
            times[s] = new double[channels[s]][256];
            values[s] = new double[channels[s]][256];
            valid[s] = new boolean[channels[s]][256];
            counts[s] = new int[channels[s]];
        }
    }

    /**
     * @param rateHz frames per second
     * @return the rule, for people
     */
    static String describe(final double rateHz) {
        return String.format(Locale.ROOT, "frames at %s Hz; each channel's latest sample at or before the frame "
            + "(fresh iff it arrived since the previous frame; never interpolated)", Double.toString(rateHz));
    }

    @Override
    public void beginRow(final double timeS) {
        rowTime = timeS;
    }

    @Override
    public void sample(final int signal, final int channel, final double value, final boolean isValid,
        final boolean present) {
        if (present) {
            add(signal, channel, rowTime, value, isValid);
        }
    }

    /**
     * One sample of one channel.
     *
     * @param signal  signal index
     * @param channel channel index
     * @param timeS   its time, seconds from the recording's start (non-decreasing per channel)
     * @param value   its value
     * @param isValid whether its source says valid
     */
    void add(final int signal, final int channel, final double timeS, final double value, final boolean isValid) {
        final int n = counts[signal][channel];
        if (n == times[signal][channel].length) {
            times[signal][channel] = Arrays.copyOf(times[signal][channel], 2 * n);
            values[signal][channel] = Arrays.copyOf(values[signal][channel], 2 * n);
            valid[signal][channel] = Arrays.copyOf(valid[signal][channel], 2 * n);
        }
        times[signal][channel][n] = timeS;
        values[signal][channel][n] = value;
        valid[signal][channel][n] = isValid;
        counts[signal][channel] = n + 1;
    }

    @Override
    public void endRow() {
        // rows carry no frame boundary here: frames are formed at the rate
    }

    @Override
    public RecordedFrames frames(final List<String> names, final List<String> units, final RecordingSource source) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < channels.length; s++) {
            for (int c = 0; c < channels[s]; c++) {
                if (counts[s][c] > 0) {
                    first = Math.min(first, times[s][c][0]);
                    last = Math.max(last, times[s][c][counts[s][c] - 1]);
                }
            }
        }
        final int frames = first > last ? 0 : (int) Math.floor((last - first) * rateHz + 1e-9) + 1;
        final double[] time = new double[frames];
        for (int k = 0; k < frames; k++) {
            time[k] = k / rateHz;
        }
        final double[][] v = new double[channels.length][];
        final double[][] age = new double[channels.length][];
        final long[][] validMask = new long[channels.length][frames];
        final long[][] freshMask = new long[channels.length][frames];
        for (int s = 0; s < channels.length; s++) {
            v[s] = new double[frames * channels[s]];
            age[s] = new double[frames * channels[s]];
            for (int c = 0; c < channels[s]; c++) {
                align(s, c, first, time, v[s], age[s], validMask[s], freshMask[s]);
            }
        }
        return new RecordedFrames(names, units, channels, frames, time, v, validMask, freshMask, age, source);
    }

    private void align(final int s, final int c, final double first, final double[] time, final double[] v,
        final double[] age, final long[] validMask, final long[] freshMask) {
        final double[] t = times[s][c];
        final int n = counts[s][c];
        final long bit = 1L << c;
        int next = 0;
        for (int k = 0; k < time.length; k++) {
            final double frameTime = first + time[k];
            final int before = next;
            while (next < n && t[next] <= frameTime + 1e-12) {
                next++;
            }
            final int at = k * channels[s] + c;
            if (next == 0) {
                v[at] = Double.NaN;
                age[at] = Double.NaN;
                continue;
            }
            v[at] = values[s][c][next - 1];
            age[at] = frameTime - t[next - 1];
            if (allValid(valid[s][c], Math.min(before, next - 1), next)) {
                validMask[k] |= bit;
            }
            if (next > before) {
                freshMask[k] |= bit;
            }
        }
    }

    /** @return whether samples {@code from} (inclusive) to {@code to} (exclusive) are all valid */
    private static boolean allValid(final boolean[] flags, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!flags[i]) {
                return false;
            }
        }
        return true;
    }
}
