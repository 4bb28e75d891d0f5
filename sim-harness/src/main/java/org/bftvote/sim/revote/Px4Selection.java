package org.bftvote.sim.revote;

import org.bftvote.sim.baseline.Px4Selector;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingMap.KnownFault;
import org.bftvote.sim.results.JsonOut;

/**
 * What PX4's sensor selection ({@code DataValidatorGroup}, through {@link Px4Selector}) chooses on the same frames
 * bftvote re-votes: per signal and frame the selected instance and its value. A channel's sample goes into the
 * group only in frames where it is fresh (PX4 puts a sample when its driver publishes one), with its time in
 * microseconds, and with an error count that grows by one with every fresh sample the recording marks invalid (a
 * validity column, or a ULog instance whose {@code error_count} rose): PX4's error density then falls as it would
 * on the driver's own count (one per sample rather than per error).
 * Summed per signal: failovers, frames in which PX4 output a channel known to be faulty, and its output against the
 * healthy median, measured as for bftvote's output.
 */
public final class Px4Selection {
    private final double[][] output;
    private final byte[][] selected;
    private final int[] failovers;
    private final long[] faultyFrames;
    private final long[] errorFrames;
    private final double[] errorSquares;
    private final double[] errorMax;

    private Px4Selection(final int signals, final int frames) {
        output = new double[signals][frames];
        selected = new byte[signals][frames];
        failovers = new int[signals];
        faultyFrames = new long[signals];
        errorFrames = new long[signals];
        errorSquares = new double[signals];
        errorMax = new double[signals];
    }

    /**
     * @param rec    the frames
     * @param faults channels known to be faulty
     * @return what PX4's selection chose
     */
    public static Px4Selection run(final RecordedFrames rec, final java.util.List<KnownFault> faults) {
        final Px4Selection p = new Px4Selection(rec.signals(), rec.frames());
        for (int s = 0; s < rec.signals(); s++) {
            p.signal(rec, s, faults);
        }
        return p;
    }

    private void signal(final RecordedFrames rec, final int s, final java.util.List<KnownFault> faults) {
        final int channels = rec.channels(s);
        final Px4Selector selector = new Px4Selector(channels);
        final double[] values = new double[channels];
        final double[] scratch = new double[channels];
        final double[] onsetS = new double[channels];
        java.util.Arrays.fill(onsetS, Double.POSITIVE_INFINITY);
        for (final KnownFault f : faults) {
            if (f.signal().equals(rec.name(s)) && f.channel() < channels) {
                onsetS[f.channel()] = Math.min(onsetS[f.channel()], f.fromS());
            }
        }
        final double[] all = rec.values(s);
        final int[] errorCounts = new int[channels];
        for (int f = 0; f < rec.frames(); f++) {
            System.arraycopy(all, f * channels, values, 0, channels);
            final long timestampUs = Math.round(rec.timeS(f) * 1e6) + 1;
            final long fresh = rec.freshMask(s, f);
            for (long invalid = fresh & ~rec.validMask(s, f); invalid != 0; invalid &= invalid - 1) {
                final int c = Long.numberOfTrailingZeros(invalid);
                if (c < channels) {
                    errorCounts[c]++;
                }
            }
            final double chosen = selector.select(timestampUs, values, fresh, errorCounts);
            final int index = selector.selected();
            output[s][f] = chosen;
            selected[s][f] = (byte) index;
            long healthy = rec.validMask(s, f);
            for (int c = 0; c < channels; c++) {
                if (rec.timeS(f) >= onsetS[c] - 1e-9) {
                    healthy &= ~(1L << c);
                }
            }
            if (index >= 0 && (healthy & (1L << index)) == 0 && rec.timeS(f) >= onsetS[index] - 1e-9) {
                faultyFrames[s]++;
            }
            final double reference = Medians.of(values, 0, channels, healthy, scratch);
            if (!Double.isNaN(chosen) && !Double.isNaN(reference)) {
                final double e = Math.abs(chosen - reference);
                errorFrames[s]++;
                errorSquares[s] += e * e;
                errorMax[s] = Math.max(errorMax[s], e);
            }
        }
        failovers[s] = selector.failovers();
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return the selected instance's value (NaN when none)
     */
    public double output(final int signal, final int frame) {
        return output[signal][frame];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return the selected instance, -1 when none
     */
    public int selected(final int signal, final int frame) {
        return selected[signal][frame];
    }

    /**
     * @param signal signal index
     * @return frames in which PX4 output a channel known to be faulty
     */
    public long faultyFrames(final int signal) {
        return faultyFrames[signal];
    }

    void appendTo(final JsonOut j, final int s) {
        j.name("px4_selection").beginObject().name("failovers").value(failovers[s])
            .name("frames_outputting_a_known_faulty_channel").value(faultyFrames[s])
            .name("output_error_vs_healthy_median").beginObject().name("frames").value(errorFrames[s])
            .name("rms").value(errorFrames[s] == 0 ? Double.NaN : Math.sqrt(errorSquares[s] / errorFrames[s]))
            .name("max").value(errorFrames[s] == 0 ? Double.NaN : errorMax[s]).endObject().endObject();
    }
}
