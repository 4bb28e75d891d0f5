package org.bftvote.sim.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;

/**
 * Accumulates the metrics of one run, frame by frame. "Healthy" always means healthy according to the oracle in
 * the frame at hand ({@link FrameSample#oracleHealthyLanes()}, {@link FrameSample#oracleFaultyChannels(int)},
 * {@link FrameSample#oracleUnitHealthy(int, int)}).
 *
 * <ul>
 *   <li><b>Agreement violation</b>, or divergence (per signal): a frame in which two healthy lanes' outputs for the
 *       signal differ in status, or both carry a value and differ in raw bits ({@link Double#doubleToRawLongBits}).
 *       The total counts frames with a violation on any signal.</li>
 *   <li><b>Undetected divergence</b>: a frame in which two healthy lanes present, for some signal, differing values
 *       that neither marks ({@link OutputStatusCode#isUnflaggedValue}: not DIVERGED or SYNCING, not INVALID) — a
 *       divergence no lane owned up to.</li>
 *   <li><b>Recovery</b>: the longest run of consecutive divergence frames within the hypothesis (after the last
 *       frame the oracle found it exceeded, or after a lane came back): how long healthy lanes took to be
 *       bit-identical again; reported with the lanes' own bound ({@link RunDescriptor#recoveryBoundFrames()}).</li>
 *   <li><b>Divergence episodes</b> ({@link DivergenceEpisodes}): each run of consecutive divergence frames, with its
 *       first frame, the first frame in which every healthy lane flagged its outputs, and the frame the lanes were
 *       identical again; the flag latency is the frames from the first to the flagged one.</li>
 *   <li><b>Lane readmissions</b> ({@link LaneReadmissions}): per lane, how many times the healthy lanes took it
 *       back after excluding it.</li>
 *   <li><b>Output error</b> (per signal): over frames where at least one healthy lane has a valid output and the
 *       truth is finite, the frame's error is the largest {@code |output - truth|} among those lanes; reported as
 *       RMS and maximum.</li>
 *   <li><b>Validity violation</b> (per signal): a frame in which a healthy lane's valid output lies outside
 *       {@code [min - tolerance, max + tolerance]} of that frame's valid readings from the healthy channels: those
 *       whose sensor (and sensor link) the oracle does not call faulty ({@link FrameSample#oracleFaultyChannels}),
 *       whatever the state of their lanes. A reading is what a lane's sensor measured; a lane's fault, or one of its
 *       messages lost on a link, changes what the other lanes receive from it, not the measurement, so it does not
 *       narrow the range the healthy sensors span. Frames with no such reading are not judged. The total counts
 *       frames with a violation on any signal.</li>
 *   <li><b>Detection</b> of an injected fault: the first frame at or after onset in which every healthy lane has
 *       excluded the faulty unit (an exclusion reported at or after onset); latency = that frame - onset. A fault
 *       never detected is listed as undetected; one whose onset lies beyond the last frame run as not started.</li>
 *   <li><b>False exclusion</b>: a healthy lane excluded a healthy unit (for a whole-lane exclusion: a healthy lane
 *       none of whose channels is faulty). An exclusion a lane shows while its outputs are SYNCING is the agreed
 *       state it is taking from the others, not a decision of its own, and is never counted false.</li>
 *   <li><b>Availability</b> (per signal): share of frames in which every healthy lane (at least one) has a valid
 *       output.</li>
 *   <li><b>Messages</b>: per-outcome sums of the per-frame counts.</li>
 *   <li><b>Hypothesis</b>: frames in which it was exceeded, the first such frame, and agreement violations in those
 *       frames.</li>
 * </ul>
 *
 * <p>Footprint: every array is sized at construction (exclusions kept up to a capacity, then counted as dropped;
 * the first {@value DivergenceEpisodes#KEPT} divergence episodes kept, every one counted);
 * {@link #onExclusion} and {@link #onFrame} allocate nothing, read no clock and log nothing. Not thread safe.
 */
public final class RunMetrics implements FrameObserver {
    /** Default number of exclusions kept in the {@link ExclusionLog}. */
    public static final int DEFAULT_EXCLUSION_CAPACITY = 65_536;

    private static final long NONE = -1L;
    /** {@link #checkSignal} bit: two healthy lanes' outputs differ. */
    private static final int DISAGREE = 1;
    /** {@link #checkSignal} bit: a healthy lane's valid output is outside the healthy readings' range. */
    private static final int OUT_OF_RANGE = 2;
    /** {@link #checkSignal} bit: some lane is healthy and every healthy lane's output is valid. */
    private static final int ALL_VALID = 4;
    /** {@link #checkSignal} bit: two healthy lanes present different unflagged values. */
    private static final int UNFLAGGED_DISAGREE = 8;

    private final RunDescriptor descriptor;
    private final int lanes;
    private final int signals;
    /** One bit per lane: lanes outside the run in a healthy mask are ignored. */
    private final long laneBits;
    private final double[] tolerance;

    private long framesRun;
    private long firstFrame = NONE;
    private long lastFrame = NONE;

    private long agreementFrames;
    private final long[] agreementPerSignal;
    private long validityFrames;
    private final long[] validityPerSignal;
    private final double[] errorSumSquares;
    private final double[] errorMax;
    private final long[] errorFrames;
    private final long[] availableFrames;
    /** Per signal, the first frame in which every healthy lane had a valid output, or NONE. */
    private final long[] firstAvailableFrame;
    /** Per signal, frames run before {@link #firstAvailableFrame} (frames need not be consecutive). */
    private final long[] framesBeforeAvailable;
    private final long[] messages;

    private long exceededFrames;
    private long firstExceededFrame = NONE;
    private long agreementWhileExceeded;
    private long undetectedFrames;
    private long recoveryRun;
    /** Scratch of {@link #healthyRange}: the widened range of the signal being checked. */
    private double rangeLo;
    /** Scratch of {@link #healthyRange}. */
    private double rangeHi;
    private long maxRecovery;
    private final DivergenceEpisodes episodes = new DivergenceEpisodes();
    private final LaneReadmissions readmissions;

    private final long[] faultOnset;
    private final InjectedFault[] faults;
    private final long[] excludedBy;
    private final long[][] firstExclusion;
    private final long[] detectionFrame;

    private final long[] pendFrame;
    private final int[] pendLane;
    private final int[] pendSignal;
    private final int[] pendChannel;
    private final String[] pendReason;
    private int pending;
    private long unprocessedExclusions;
    private long falseExclusions;
    private long exclusions;
    private final ExclusionLog log;

    /**
     * Metrics with no validity tolerance and the default exclusion capacity.
     *
     * @param descriptor the run
     */
    public RunMetrics(final RunDescriptor descriptor) {
        this(descriptor, new double[descriptor.signalCount()], DEFAULT_EXCLUSION_CAPACITY);
    }

    /**
     * @param descriptor         the run
     * @param validityTolerance  per signal, the absolute slack (in the signal's unit) the validity check allows
     *                           beyond the healthy readings' range; finite, not negative
     * @param exclusionCapacity  exclusions kept in the log, at least 1
     * @throws InvalidConfigException on a tolerance array of the wrong length or a bad tolerance
     */
    public RunMetrics(final RunDescriptor descriptor, final double[] validityTolerance, final int exclusionCapacity) {
        this.descriptor = descriptor;
        this.lanes = descriptor.lanes();
        this.laneBits = lanes >= Long.SIZE ? -1L : (1L << lanes) - 1;
        this.signals = descriptor.signalCount();
        if (validityTolerance.length != signals) {
            throw new InvalidConfigException("validity_tolerance.length", validityTolerance.length,
                "one tolerance per signal (" + signals + ")");
        }
        this.tolerance = validityTolerance.clone();
        for (int s = 0; s < signals; s++) {
            org.bftvote.Require.finiteNonNegative("validity_tolerance[" + s + "]", tolerance[s]);
        }
        org.bftvote.Require.inRange("exclusion_capacity", exclusionCapacity, 1, Integer.MAX_VALUE);
        this.agreementPerSignal = new long[signals];
        this.validityPerSignal = new long[signals];
        this.errorSumSquares = new double[signals];
        this.errorMax = new double[signals];
        this.errorFrames = new long[signals];
        this.availableFrames = new long[signals];
        this.firstAvailableFrame = new long[signals];
        Arrays.fill(firstAvailableFrame, NONE);
        this.framesBeforeAvailable = new long[signals];
        this.messages = new long[descriptor.messageOutcomes().size()];
        this.faults = descriptor.faults().toArray(new InjectedFault[0]);
        this.faultOnset = new long[faults.length];
        for (int f = 0; f < faults.length; f++) {
            faultOnset[f] = faults[f].onsetFrame();
        }
        this.excludedBy = new long[faults.length];
        this.firstExclusion = new long[faults.length][lanes];
        for (final long[] row : firstExclusion) {
            Arrays.fill(row, NONE);
        }
        this.detectionFrame = new long[faults.length];
        Arrays.fill(detectionFrame, NONE);
        // Enough for every lane to exclude every channel of every signal, and every lane, four times in one frame.
        final int pendingCapacity = Math.max(64, 4 * lanes * lanes * (signals + 1));
        this.pendFrame = new long[pendingCapacity];
        this.pendLane = new int[pendingCapacity];
        this.pendSignal = new int[pendingCapacity];
        this.pendChannel = new int[pendingCapacity];
        this.pendReason = new String[pendingCapacity];
        this.log = new ExclusionLog(exclusionCapacity);
        this.readmissions = new LaneReadmissions(lanes);
    }

    /**
     * Holds the exclusion until {@link #onFrame} brings the frame's oracle. Out-of-range lanes, signals or channels
     * are counted in {@link #unprocessedExclusions()} and otherwise ignored.
     */
    @Override
    public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
        final String reason) {
        if (pending == pendFrame.length || observingLane < 0 || observingLane >= lanes || channel < 0
            || channel >= lanes || signal < InjectedFault.ALL_SIGNALS || signal >= signals) {
            unprocessedExclusions++;
            return;
        }
        pendFrame[pending] = frame;
        pendLane[pending] = observingLane;
        pendSignal[pending] = signal;
        pendChannel[pending] = channel;
        pendReason[pending] = reason;
        pending++;
    }

    /**
     * @throws IllegalArgumentException if the sample was sized for another run or frames do not increase
     */
    @Override
    public void onFrame(final FrameSample sample) {
        if (sample.lanes() != lanes || sample.signals() != signals || sample.messageOutcomes() != messages.length) {
            throw new IllegalArgumentException("frame sample sized for another run");
        }
        final long frame = sample.frame();
        if (lastFrame != NONE && frame <= lastFrame) {
            throw new IllegalArgumentException("frames must increase");
        }
        if (firstFrame == NONE) {
            firstFrame = frame;
        }
        lastFrame = frame;
        framesRun++;
        processExclusions(sample);
        updateDetections(sample);

        final long healthy = sample.oracleHealthyLanes();
        boolean agreementViolated = false;
        boolean validityViolated = false;
        boolean undetected = false;
        for (int s = 0; s < signals; s++) {
            final int checks = checkSignal(sample, s, healthy);
            if ((checks & DISAGREE) != 0) {
                agreementPerSignal[s]++;
                agreementViolated = true;
            }
            undetected |= (checks & UNFLAGGED_DISAGREE) != 0;
            if ((checks & OUT_OF_RANGE) != 0) {
                validityPerSignal[s]++;
                validityViolated = true;
            }
            if ((checks & ALL_VALID) != 0) {
                if (availableFrames[s]++ == 0) {
                    firstAvailableFrame[s] = frame;
                    framesBeforeAvailable[s] = framesRun - 1;
                }
            }
        }
        if (agreementViolated) {
            agreementFrames++;
        }
        if (validityViolated) {
            validityFrames++;
        }
        for (int o = 0; o < messages.length; o++) {
            messages[o] += sample.messages(o);
        }
        if (undetected) {
            undetectedFrames++;
        }
        episodes.onFrame(frame, agreementViolated,
            agreementViolated && Divergence.flaggedEverywhere(sample, healthy & laneBits));
        readmissions.onFrame(sample);
        countRecovery(sample.hypothesisExceeded(), frame, agreementViolated);
    }

    /**
     * Frames beyond the hypothesis, and the longest run of disagreeing frames after it held again: a recovery is
     * timed from the first frame within the hypothesis to the first frame the healthy lanes agree.
     */
    private void countRecovery(final boolean exceeded, final long frame, final boolean agreementViolated) {
        if (exceeded) {
            exceededFrames++;
            if (firstExceededFrame == NONE) {
                firstExceededFrame = frame;
            }
            if (agreementViolated) {
                agreementWhileExceeded++;
            }
            recoveryRun = 0;
        } else {
            recoveryRun = agreementViolated ? recoveryRun + 1 : 0;
            maxRecovery = Math.max(maxRecovery, recoveryRun);
        }
    }

    private void processExclusions(final FrameSample sample) {
        final long healthy = sample.oracleHealthyLanes();
        for (int i = 0; i < pending; i++) {
            final int observer = pendLane[i];
            final int signal = pendSignal[i];
            final int channel = pendChannel[i];
            final boolean isFalse = (healthy & (1L << observer)) != 0 && unitHealthy(sample, signal, channel)
                && !syncing(sample, observer);
            if (isFalse) {
                falseExclusions++;
            }
            exclusions++;
            for (int f = 0; f < faults.length; f++) {
                if (pendFrame[i] >= faultOnset[f] && faults[f].matches(signal, channel)) {
                    excludedBy[f] |= 1L << observer;
                    if (firstExclusion[f][observer] == NONE) {
                        firstExclusion[f][observer] = pendFrame[i];
                    }
                }
            }
            log.append(pendFrame[i], observer, signal, channel, pendReason[i], isFalse);
            pendReason[i] = null;
        }
        pending = 0;
    }

    /** @return whether the lane shows SYNCING on an output: it is taking the agreed state */
    private boolean syncing(final FrameSample sample, final int lane) {
        for (int s = 0; s < signals; s++) {
            if (sample.status(lane, s) == OutputStatusCode.SYNCING.code()) {
                return true;
            }
        }
        return false;
    }

    private boolean unitHealthy(final FrameSample sample, final int signal, final int channel) {
        if (signal != InjectedFault.ALL_SIGNALS) {
            return sample.oracleUnitHealthy(signal, channel);
        }
        for (int s = 0; s < signals; s++) {
            if (!sample.oracleUnitHealthy(s, channel)) {
                return false;
            }
        }
        return true;
    }

    private void updateDetections(final FrameSample sample) {
        final long healthy = sample.oracleHealthyLanes();
        final long frame = sample.frame();
        for (int f = 0; f < faults.length; f++) {
            if (detectionFrame[f] == NONE && faults[f].lane() != InjectedFault.NO_UNIT && frame >= faultOnset[f]
                && healthy != 0
                && (healthy & ~excludedBy[f]) == 0) {
                detectionFrame[f] = frame;
            }
        }
    }

    /**
     * The healthy lanes' outputs of signal {@code s}: agreement ({@link Divergence#of}), then in one pass validity
     * (every valid output within the healthy valid readings' range widened by the tolerance; no such reading, no
     * check), the worst valid output error against a finite truth (accumulated here), and availability (some lane
     * healthy, every healthy lane's output valid).
     *
     * @return {@link #DISAGREE}, {@link #UNFLAGGED_DISAGREE}, {@link #OUT_OF_RANGE} and {@link #ALL_VALID} bits
     */
    private int checkSignal(final FrameSample sample, final int s, final long healthy) {
        final boolean ranged = healthyRange(sample, s);
        final double lo = rangeLo;
        final double hi = rangeHi;
        final double truth = sample.truth(s);
        final boolean measured = Double.isFinite(truth);
        final int divergence = Divergence.of(sample, s, healthy & laneBits);
        int checks = (healthy != 0 ? ALL_VALID : 0) | ((divergence & Divergence.DIFFER) != 0 ? DISAGREE : 0)
            | ((divergence & Divergence.UNFLAGGED) != 0 ? UNFLAGGED_DISAGREE : 0);
        double worst = -1.0;
        for (long remaining = healthy & laneBits; remaining != 0L; remaining &= remaining - 1) {
            final int l = Long.numberOfTrailingZeros(remaining);
            if (!OutputStatusCode.isValid(sample.status(l, s))) {
                checks &= ~ALL_VALID;
                continue;
            }
            final double out = sample.output(l, s);
            if (ranged && !(out >= lo && out <= hi)) {
                checks |= OUT_OF_RANGE;
            }
            if (measured) {
                final double error = Math.abs(out - truth);
                // A valid status with a NaN value is as wrong as it gets: count it as an infinite error.
                worst = Math.max(worst, Double.isNaN(error) ? Double.POSITIVE_INFINITY : error);
            }
        }
        if (worst >= 0.0) {
            errorSumSquares[s] += worst * worst;
            errorMax[s] = Math.max(errorMax[s], worst);
            errorFrames[s]++;
        }
        return checks;
    }

    /**
     * The range of signal {@code s}'s valid readings from the channels the oracle does not call faulty, whatever
     * their lanes' state (the class comment says why), widened by its tolerance, into {@link #rangeLo} and
     * {@link #rangeHi} (fields, so that the frame path does not allocate).
     *
     * @return whether some healthy channel gave a valid finite reading
     */
    private boolean healthyRange(final FrameSample sample, final int s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        final long faulty = sample.oracleFaultyChannels(s);
        for (int c = 0; c < lanes; c++) {
            final double reading = sample.sensor(c, s);
            if ((faulty & (1L << c)) == 0 && sample.sensorValid(c, s) && Double.isFinite(reading)) {
                min = Math.min(min, reading);
                max = Math.max(max, reading);
            }
        }
        final boolean ranged = min <= max;
        rangeLo = ranged ? min - tolerance[s] : 0.0;
        rangeHi = ranged ? max + tolerance[s] : 0.0;
        return ranged;
    }

    /** @return the run this accumulates */
    public RunDescriptor descriptor() {
        return descriptor;
    }

    /** @return frames seen */
    public long framesRun() {
        return framesRun;
    }

    /** @return index of the first frame seen, -1 before any */
    public long firstFrame() {
        return firstFrame;
    }

    /** @return index of the last frame seen, -1 before any */
    public long lastFrame() {
        return lastFrame;
    }

    /**
     * @param signal signal index
     * @return the validity tolerance in use for it
     */
    public double validityTolerance(final int signal) {
        return tolerance[signal];
    }

    /** @return frames with an agreement violation on any signal */
    public long agreementViolationFrames() {
        return agreementFrames;
    }

    /** @return divergence frames that no lane flagged: two healthy lanes presented different unflagged values */
    public long undetectedDivergenceFrames() {
        return undetectedFrames;
    }

    /**
     * @return the longest run of consecutive frames within the hypothesis in which healthy lanes were not
     *         bit-identical: the longest recovery
     */
    public long maxRecoveryFrames() {
        return maxRecovery;
    }

    /** @return divergence episodes: runs of consecutive frames in which healthy lanes were not bit-identical */
    public long divergenceEpisodes() {
        return episodes.episodes();
    }

    /** @return true if the healthy lanes were not bit-identical in the last frame seen (a divergence lasts) */
    public boolean divergedAtLastFrame() {
        return episodes.open();
    }

    /** @return divergence episodes in which every healthy lane flagged its outputs at some frame */
    public long episodesFlaggedEverywhere() {
        return episodes.flaggedEverywhere();
    }

    /**
     * @return the longest time, over the divergence episodes flagged everywhere, from an episode's first frame to
     *         the first frame in which every healthy lane flagged its outputs; -1 if no episode was
     */
    public long maxFlagLatencyFrames() {
        return episodes.maxFlagLatency();
    }

    /** @return divergence episodes kept with their frames (the first ones, at most 64) */
    public int episodesKept() {
        return episodes.kept();
    }

    /**
     * @param episode an episode kept, from 0
     * @return its first frame
     */
    public long episodeFirstFrame(final int episode) {
        return episodes.first(episode);
    }

    /**
     * @param episode an episode kept, from 0
     * @return its first frame in which every healthy lane flagged its outputs, or -1
     */
    public long episodeFlaggedFrame(final int episode) {
        return episodes.flagged(episode);
    }

    /**
     * @param episode an episode kept, from 0
     * @return the first frame after it (healthy lanes bit-identical again), or -1 if it lasted to the end
     */
    public long episodeIdenticalAgainFrame(final int episode) {
        return episodes.identicalAgain(episode);
    }

    /**
     * @param lane a lane
     * @return how many times the healthy lanes readmitted it after an exclusion (the most any of them saw)
     */
    public long laneReadmissions(final int lane) {
        return readmissions.readmissions(lane);
    }

    /**
     * @param signal signal index
     * @return frames with an agreement violation on that signal
     */
    public long agreementViolations(final int signal) {
        return agreementPerSignal[signal];
    }

    /** @return frames with a validity violation on any signal */
    public long validityViolationFrames() {
        return validityFrames;
    }

    /**
     * @param signal signal index
     * @return frames with a validity violation on that signal
     */
    public long validityViolations(final int signal) {
        return validityPerSignal[signal];
    }

    /**
     * @param signal signal index
     * @return frames in which the output error was measured
     */
    public long errorFrames(final int signal) {
        return errorFrames[signal];
    }

    /**
     * @param signal signal index
     * @return RMS output error, NaN when never measured
     */
    public double errorRms(final int signal) {
        return errorFrames[signal] == 0 ? Double.NaN : Math.sqrt(errorSumSquares[signal] / errorFrames[signal]);
    }

    /**
     * @param signal signal index
     * @return largest output error, NaN when never measured
     */
    public double errorMax(final int signal) {
        return errorFrames[signal] == 0 ? Double.NaN : errorMax[signal];
    }

    /**
     * @param signal signal index
     * @return frames in which every healthy lane had a valid output
     */
    public long availableFrames(final int signal) {
        return availableFrames[signal];
    }

    /**
     * @param signal signal index
     * @return {@link #availableFrames(int)} / {@link #framesRun()}, NaN before any frame
     */
    public double availability(final int signal) {
        return framesRun == 0 ? Double.NaN : (double) availableFrames[signal] / framesRun;
    }

    /**
     * @param signal signal index
     * @return the first frame in which every healthy lane had a valid output of the signal, or -1 if none did
     */
    public long firstAvailableFrame(final int signal) {
        return firstAvailableFrame[signal];
    }

    /**
     * Availability after start-up: {@link #availableFrames(int)} over the frames from {@link #firstAvailableFrame}
     * to the last frame. Before its first sample has crossed the sensor's latency no signal can have a value, so the
     * first frames of every run are unavailable by construction, a fixed number of them whatever the run's length;
     * counting from the first available frame keeps the figure independent of the length.
     *
     * @param signal signal index
     * @return that share, 0 if the signal never had a valid output, NaN before any frame
     */
    public double availabilityAfterStartup(final int signal) {
        if (framesRun == 0) {
            return Double.NaN;
        }
        return firstAvailableFrame[signal] == NONE ? 0.0
            : (double) availableFrames[signal] / (framesRun - framesBeforeAvailable[signal]);
    }

    /**
     * @param outcome index into {@link RunDescriptor#messageOutcomes()}
     * @return messages with that outcome over the run
     */
    public long messages(final int outcome) {
        return messages[outcome];
    }

    /** @return whether the fault hypothesis was exceeded in any frame */
    public boolean hypothesisExceeded() {
        return exceededFrames > 0;
    }

    /** @return first frame in which the hypothesis was exceeded, -1 if never */
    public long firstExceededFrame() {
        return firstExceededFrame;
    }

    /** @return frames in which the hypothesis was exceeded */
    public long exceededFrames() {
        return exceededFrames;
    }

    /** @return agreement violation frames that were also hypothesis-exceeded frames */
    public long agreementViolationsWhileExceeded() {
        return agreementWhileExceeded;
    }

    /** @return whether healthy lanes disagreed in any frame */
    public boolean agreementLost() {
        return agreementFrames > 0;
    }

    /** @return exclusions processed (kept in the log or not) */
    public long exclusions() {
        return exclusions;
    }

    /** @return exclusions by a healthy lane of a healthy unit */
    public long falseExclusions() {
        return falseExclusions;
    }

    /** @return exclusions ignored: out-of-range indices or more in one frame than could be held */
    public long unprocessedExclusions() {
        return unprocessedExclusions;
    }

    /** @return the exclusions kept, in the order reported */
    public ExclusionLog exclusionLog() {
        return log;
    }

    /**
     * @param fault index into {@link RunDescriptor#faults()}
     * @return frame at which the fault counted as detected, -1 if not (yet)
     */
    public long detectionFrame(final int fault) {
        return detectionFrame[fault];
    }

    /**
     * @param fault index into {@link RunDescriptor#faults()}
     * @param lane  observing lane
     * @return first frame at or after onset in which that lane excluded the faulty unit, -1 if never
     */
    public long firstExclusionFrame(final int fault, final int lane) {
        return firstExclusion[fault][lane];
    }

    /**
     * Builds the outcome of every injected fault (allocates; call after the run).
     *
     * @return one outcome per fault, in the descriptor's order
     */
    public List<FaultOutcome> faultOutcomes() {
        final List<FaultOutcome> out = new ArrayList<>(faults.length);
        for (int f = 0; f < faults.length; f++) {
            final FaultOutcome.Status status;
            if (detectionFrame[f] != NONE) {
                status = FaultOutcome.Status.DETECTED;
            } else if (lastFrame == NONE || faultOnset[f] > lastFrame) {
                status = FaultOutcome.Status.NOT_STARTED;
            } else if (faults[f].lane() == InjectedFault.NO_UNIT) {
                status = FaultOutcome.Status.NO_UNIT;
            } else {
                status = FaultOutcome.Status.UNDETECTED;
            }
            final long latency = detectionFrame[f] == NONE ? NONE : detectionFrame[f] - faultOnset[f];
            out.add(new FaultOutcome(faults[f], status, detectionFrame[f], latency,
                latency == NONE ? Double.NaN : latency / descriptor.frameRateHz(), firstExclusion[f].clone()));
        }
        return out;
    }
}
