package org.bftvote.sim.recording;

import java.util.List;

/**
 * A recording read into frames, in memory: per frame its time, and per signal and channel the value, whether the
 * source said it is valid, whether a new sample arrived since the previous frame (fresh), and how old the value
 * is. Built by a reader; then read only, so many re-votes (a sweep's, on several threads) can share one.
 *
 * <p>Layout: signal {@code s}, channel {@code c} of frame {@code f} is {@code value(s)[f * channels(s) + c]};
 * masks are {@code long} bit sets over channels (bit c = channel c).
 */
public final class RecordedFrames {
    private final List<String> names;
    private final List<String> units;
    private final int[] channels;
    private final int frames;
    private final double[] timeS;
    private final double[][] values;
    private final long[][] validMasks;
    private final long[][] freshMasks;
    private final double[][] ageS;
    private final RecordingSource source;

    /**
     * @param names      signal names
     * @param units      signal units
     * @param channels   channels per signal
     * @param frames     frames held
     * @param timeS      per frame, seconds from the recording's first frame (length at least {@code frames})
     * @param values     per signal, {@code frames × channels} values
     * @param validMasks per signal, per frame
     * @param freshMasks per signal, per frame
     * @param ageS       per signal, {@code frames × channels} ages in seconds (0 when read one frame per row)
     * @param source     what was read and how whole it was
     */
    public RecordedFrames(final List<String> names, final List<String> units, final int[] channels, final int frames,
        final double[] timeS, final double[][] values, final long[][] validMasks, final long[][] freshMasks,
        final double[][] ageS, final RecordingSource source) {
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.channels = channels.clone();
        this.frames = frames;
        this.timeS = timeS;
        this.values = values;
        this.validMasks = validMasks;
        this.freshMasks = freshMasks;
        this.ageS = ageS;
        this.source = source;
    }

    /** @return number of signals */
    public int signals() {
        return names.size();
    }

    /**
     * @param signal signal index
     * @return its name
     */
    public String name(final int signal) {
        return names.get(signal);
    }

    /** @return the signal names in order */
    public List<String> names() {
        return names;
    }

    /**
     * @param signal signal index
     * @return its unit
     */
    public String unit(final int signal) {
        return units.get(signal);
    }

    /**
     * @param signal signal index
     * @return its channel count
     */
    public int channels(final int signal) {
        return channels[signal];
    }

    /** @return frames held */
    public int frames() {
        return frames;
    }

    /**
     * @param frame frame index
     * @return seconds from the first frame
     */
    public double timeS(final int frame) {
        return timeS[frame];
    }

    /**
     * @param signal signal index
     * @return the values, {@code frames × channels}, not copied: do not modify
     */
    public double[] values(final int signal) {
        return values[signal];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return channels whose source said valid
     */
    public long validMask(final int signal, final int frame) {
        return validMasks[signal][frame];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return channels with a new sample since the previous frame
     */
    public long freshMask(final int signal, final int frame) {
        return freshMasks[signal][frame];
    }

    /**
     * @param signal  signal index
     * @param frame   frame index
     * @param channel channel index
     * @return seconds since the channel's sample used in this frame was taken (NaN before its first sample)
     */
    public double ageS(final int signal, final int frame, final int channel) {
        return ageS[signal][frame * channels[signal] + channel];
    }

    /** @return what was read and how whole it was */
    public RecordingSource source() {
        return source;
    }
}
