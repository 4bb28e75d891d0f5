package org.bftvote.sim.run;

import java.util.Arrays;

/**
 * One frame as the runner saw it, filled in place every frame and handed to {@link FrameObserver#onFrame}. Sized
 * once from a {@link RunDescriptor}; filling and reading it allocates nothing. Not thread safe.
 *
 * <p>Per frame the runner calls {@link #begin(long, double)} (which resets every field to "nothing known": NaN
 * values, invalid flags, {@link OutputStatusCode#INVALID}, empty masks, zero message counts, all lanes healthy, no
 * faulty channel, hypothesis held) and then sets what it knows:
 * <ul>
 *   <li>{@link #truth(int, double)}: the true value of each signal;</li>
 *   <li>{@link #sensor(int, int, double, boolean, boolean)}: each lane's own reading with valid and fresh flags;</li>
 *   <li>{@link #output(int, int, double, int, long)}: each lane's voted value (raw, NaN when none), status code
 *       ({@link OutputStatusCode}) and health mask (bit c set = the lane considers channel c healthy);</li>
 *   <li>{@link #excludedLanes(int, long)}: which lanes each lane has excluded as a whole;</li>
 *   <li>the oracle (ground truth): {@link #oracleHealthyLanes(long)} and, per signal,
 *       {@link #oracleFaultyChannels(int, long)};</li>
 *   <li>{@link #addMessages(int, long)}: this frame's message counts by outcome (not running totals);</li>
 *   <li>{@link #hypothesisExceeded(boolean)}: whether the faults present exceed the configuration's hypothesis.</li>
 * </ul>
 * Indices out of range are programming errors and throw {@link ArrayIndexOutOfBoundsException}.
 */
public final class FrameSample {
    private static final int INVALID = OutputStatusCode.INVALID.code();

    private final int lanes;
    private final int signals;
    private final long allLanes;

    private long frame;
    private double timeS;
    private final double[] truth;
    private final double[] sensor;
    private final boolean[] sensorValid;
    private final boolean[] sensorFresh;
    private final double[] output;
    private final int[] status;
    private final long[] healthMask;
    private final long[] excludedLanes;
    private long oracleHealthyLanes;
    private final long[] oracleFaultyChannels;
    private final long[] messages;
    private boolean hypothesisExceeded;

    /**
     * @param descriptor the run; fixes lanes, signals and message outcomes
     */
    public FrameSample(final RunDescriptor descriptor) {
        this.lanes = descriptor.lanes();
        this.signals = descriptor.signalCount();
        this.allLanes = lanes == 64 ? -1L : (1L << lanes) - 1;
        this.truth = new double[signals];
        this.sensor = new double[lanes * signals];
        this.sensorValid = new boolean[lanes * signals];
        this.sensorFresh = new boolean[lanes * signals];
        this.output = new double[lanes * signals];
        this.status = new int[lanes * signals];
        this.healthMask = new long[lanes * signals];
        this.excludedLanes = new long[lanes];
        this.oracleFaultyChannels = new long[signals];
        this.messages = new long[descriptor.messageOutcomes().size()];
        begin(0, 0.0);
    }

    /**
     * Starts a frame: sets its index and time and resets every other field (see the class comment).
     *
     * @param frameIndex frame index, increasing from frame to frame
     * @param timeSeconds the frame's simulated time in seconds
     */
    public void begin(final long frameIndex, final double timeSeconds) {
        this.frame = frameIndex;
        this.timeS = timeSeconds;
        Arrays.fill(truth, Double.NaN);
        Arrays.fill(sensor, Double.NaN);
        Arrays.fill(sensorValid, false);
        Arrays.fill(sensorFresh, false);
        Arrays.fill(output, Double.NaN);
        Arrays.fill(status, INVALID);
        Arrays.fill(healthMask, 0L);
        Arrays.fill(excludedLanes, 0L);
        Arrays.fill(oracleFaultyChannels, 0L);
        Arrays.fill(messages, 0L);
        this.oracleHealthyLanes = allLanes;
        this.hypothesisExceeded = false;
    }

    /**
     * @param signal signal index
     * @param value  true value
     */
    public void truth(final int signal, final double value) {
        truth[signal] = value;
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @param value  the lane's own reading
     * @param valid  whether the lane's reader accepted it (in range, not flagged)
     * @param fresh  whether it is new this frame
     */
    public void sensor(final int lane, final int signal, final double value, final boolean valid, final boolean fresh) {
        sensor[at(lane, signal)] = value;
        sensorValid[at(lane, signal)] = valid;
        sensorFresh[at(lane, signal)] = fresh;
    }

    /**
     * @param lane       lane index
     * @param signal     signal index
     * @param value      the voted value exactly as the lane produced it (NaN when none)
     * @param statusCode {@link OutputStatusCode#code()}
     * @param health     bit c set = the lane considers channel c of this signal healthy
     */
    public void output(final int lane, final int signal, final double value, final int statusCode,
        final long health) {
        output[at(lane, signal)] = value;
        status[at(lane, signal)] = statusCode;
        healthMask[at(lane, signal)] = health;
    }

    /**
     * @param lane lane index
     * @param mask bit j set = this lane has excluded lane j as a whole
     */
    public void excludedLanes(final int lane, final long mask) {
        excludedLanes[lane] = mask;
    }

    /**
     * @param mask ground truth: bit l set = lane l is not faulty this frame
     */
    public void oracleHealthyLanes(final long mask) {
        oracleHealthyLanes = mask & allLanes;
    }

    /**
     * @param signal signal index
     * @param mask   ground truth: bit c set = channel c of this signal is faulty this frame (its sensor or source)
     */
    public void oracleFaultyChannels(final int signal, final long mask) {
        oracleFaultyChannels[signal] = mask & allLanes;
    }

    /**
     * @param outcome index into {@link RunDescriptor#messageOutcomes()}
     * @param count   messages with that outcome in this frame
     */
    public void addMessages(final int outcome, final long count) {
        messages[outcome] += count;
    }

    /**
     * @param exceeded whether the faults present this frame exceed the configuration's fault hypothesis
     */
    public void hypothesisExceeded(final boolean exceeded) {
        hypothesisExceeded = exceeded;
    }

    /** @return number of lanes */
    public int lanes() {
        return lanes;
    }

    /** @return number of signals */
    public int signals() {
        return signals;
    }

    /** @return number of message outcomes */
    public int messageOutcomes() {
        return messages.length;
    }

    /** @return frame index */
    public long frame() {
        return frame;
    }

    /** @return simulated time in seconds */
    public double timeS() {
        return timeS;
    }

    /**
     * @param signal signal index
     * @return true value
     */
    public double truth(final int signal) {
        return truth[signal];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return the lane's own reading
     */
    public double sensor(final int lane, final int signal) {
        return sensor[at(lane, signal)];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return whether the reading was valid
     */
    public boolean sensorValid(final int lane, final int signal) {
        return sensorValid[at(lane, signal)];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return whether the reading was fresh
     */
    public boolean sensorFresh(final int lane, final int signal) {
        return sensorFresh[at(lane, signal)];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return the lane's voted value
     */
    public double output(final int lane, final int signal) {
        return output[at(lane, signal)];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return the lane's output status code
     */
    public int status(final int lane, final int signal) {
        return status[at(lane, signal)];
    }

    /**
     * @param lane   lane index
     * @param signal signal index
     * @return channels the lane considers healthy for this signal
     */
    public long healthMask(final int lane, final int signal) {
        return healthMask[at(lane, signal)];
    }

    /**
     * @param lane lane index
     * @return lanes this lane has excluded
     */
    public long excludedLanes(final int lane) {
        return excludedLanes[lane];
    }

    /** @return ground truth: lanes that are not faulty */
    public long oracleHealthyLanes() {
        return oracleHealthyLanes;
    }

    /**
     * @param signal signal index
     * @return ground truth: faulty channels of this signal
     */
    public long oracleFaultyChannels(final int signal) {
        return oracleFaultyChannels[signal];
    }

    /**
     * @param signal  signal index
     * @param channel channel (lane) index
     * @return ground truth: whether the unit (lane {@code channel}'s copy of the signal) is healthy: its lane is
     *         healthy and the channel is not faulty
     */
    public boolean oracleUnitHealthy(final int signal, final int channel) {
        final long bit = 1L << channel;
        return (oracleHealthyLanes & bit) != 0 && (oracleFaultyChannels[signal] & bit) == 0;
    }

    /**
     * @param outcome outcome index
     * @return messages with that outcome this frame
     */
    public long messages(final int outcome) {
        return messages[outcome];
    }

    /** @return whether the fault hypothesis is exceeded this frame */
    public boolean hypothesisExceeded() {
        return hypothesisExceeded;
    }

    /** Per-lane, per-signal values sit in one flat array each (one fill per frame); a bad signal still throws. */
    private int at(final int lane, final int signal) {
        if (signal < 0 || signal >= signals) {
            throw new ArrayIndexOutOfBoundsException(signal);
        }
        return lane * signals + signal;
    }
}
