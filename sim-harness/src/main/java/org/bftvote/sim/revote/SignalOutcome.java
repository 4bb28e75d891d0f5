package org.bftvote.sim.revote;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.channel.OutputStatus;

/**
 * What re-voting one signal of a recording gave, summed over its frames: how often each output status came, each
 * channel's first exclusion, each known fault's detection, exclusions of channels not known to be faulty (false
 * exclusions), how far the output strayed from the healthy channels' median (the reference: a recording has no
 * truth), and how close the channels not known to be faulty came to the miscompare threshold.
 */
public final class SignalOutcome {
    /** "Never" for frame fields. */
    public static final int NEVER = -1;

    private final String name;
    private final int channels;
    private final double threshold;
    private final long[] statusFrames = new long[OutputStatus.values().length];
    private final int[] firstExclusion;
    private final String[] exclusionReason;
    private final List<Detection> detections = new ArrayList<>();
    private int falseExclusions;
    private long errorFrames;
    private double errorSquares;
    private double errorMax;
    private double healthyDeviationMax;
    private int healthyDeviationFrame = NEVER;
    private int healthyDeviationChannel = NEVER;

    /**
     * A known fault and when the monitor caught it.
     *
     * @param channel        the faulty channel
     * @param onsetFrame     first frame it is known faulty in
     * @param detectionFrame first frame at or after onset in which it is excluded, or {@link #NEVER}
     * @param latencyS       detection time minus onset time, seconds (NaN when never detected)
     */
    public record Detection(int channel, int onsetFrame, int detectionFrame, double latencyS) {
    }

    SignalOutcome(final String name, final int channels, final double threshold) {
        this.name = name;
        this.channels = channels;
        this.threshold = threshold;
        this.firstExclusion = new int[channels];
        this.exclusionReason = new String[channels];
        java.util.Arrays.fill(firstExclusion, NEVER);
    }

    void status(final OutputStatus status) {
        statusFrames[status.ordinal()]++;
    }

    void exclusion(final int channel, final int frame, final String reason, final boolean known) {
        if (firstExclusion[channel] == NEVER) {
            firstExclusion[channel] = frame;
            exclusionReason[channel] = reason;
        }
        if (!known) {
            falseExclusions++;
        }
    }

    void detection(final Detection d) {
        detections.add(d);
    }

    void error(final double e) {
        errorFrames++;
        errorSquares += e * e;
        errorMax = Math.max(errorMax, e);
    }

    void healthyDeviation(final double deviation, final int frame, final int channel) {
        if (deviation > healthyDeviationMax) {
            healthyDeviationMax = deviation;
            healthyDeviationFrame = frame;
            healthyDeviationChannel = channel;
        }
    }

    /** @return the signal's name */
    public String name() {
        return name;
    }

    /** @return its channel count */
    public int channels() {
        return channels;
    }

    /** @return the miscompare threshold it was voted with */
    public double threshold() {
        return threshold;
    }

    /**
     * @param status a status
     * @return frames the output had it
     */
    public long statusFrames(final OutputStatus status) {
        return statusFrames[status.ordinal()];
    }

    /** @return frames with a valid output (NORMAL or DEGRADED) */
    public long availableFrames() {
        return statusFrames[OutputStatus.NORMAL.ordinal()] + statusFrames[OutputStatus.DEGRADED.ordinal()];
    }

    /**
     * @param channel a channel
     * @return the frame it was first declared failed in, or {@link #NEVER}
     */
    public int firstExclusion(final int channel) {
        return firstExclusion[channel];
    }

    /**
     * @param channel a channel
     * @return the reason of its first failure, or {@code null}
     */
    public String exclusionReason(final int channel) {
        return exclusionReason[channel];
    }

    /** @return the known faults of this signal and their detection */
    public List<Detection> detections() {
        return List.copyOf(detections);
    }

    /** @return exclusions of channels not known to be faulty at the time */
    public int falseExclusions() {
        return falseExclusions;
    }

    /** @return frames in which the output error was measured */
    public long errorFrames() {
        return errorFrames;
    }

    /** @return RMS of |output − healthy median| over {@link #errorFrames()}, NaN when none */
    public double errorRms() {
        return errorFrames == 0 ? Double.NaN : Math.sqrt(errorSquares / errorFrames);
    }

    /** @return largest |output − healthy median|, NaN when none measured */
    public double errorMax() {
        return errorFrames == 0 ? Double.NaN : errorMax;
    }

    /** @return the largest |value − median| of a channel not known faulty, over the valid frames */
    public double healthyDeviationMax() {
        return healthyDeviationMax;
    }

    /** @return the frame of {@link #healthyDeviationMax()}, or {@link #NEVER} */
    public int healthyDeviationFrame() {
        return healthyDeviationFrame;
    }

    /** @return the channel of {@link #healthyDeviationMax()}, or {@link #NEVER} */
    public int healthyDeviationChannel() {
        return healthyDeviationChannel;
    }
}
