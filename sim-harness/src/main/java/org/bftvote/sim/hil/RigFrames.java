package org.bftvote.sim.hil;

import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.MessageTap;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.ExchangeInterceptor;

/**
 * The rig's frames in flight and their judgement. For each frame it keeps the in-memory simulation's sample (truth,
 * sensor readings, which sensors are faulty, the simulation's own lane outputs) and each lane's OUTPUT datagram;
 * {@value #SLOTS} frames are kept. Once a frame can no longer change it is finalized in frame order: the oracle says
 * which lanes were healthy ({@link RigOracle}), and a {@link FrameSample} with the lanes' real outputs goes to the
 * observers — the same metrics, per-frame CSV and plots as the {@code run} command — preceded by the exclusions
 * that appeared in it. Frame latency per lane, frame-start skew between healthy lanes, and agreement counts are kept
 * for the report. Main thread only.
 */
final class RigFrames {

    static final int SLOTS = 256;
    /** Round of the trace entry that says a lane did not run a frame (real rounds start at 1). */
    static final int DID_NOT_RUN_ROUND = 0;
    /** Columns of the per-lane timing file. */
    static final String TIMING_HEADER = "frame,lane,reported,healthy,start_lag_us,latency_us,rounds_expired,"
        + "lacked,excluded,accused,flags,clock_correction_us,clock_vs_first_us";
    private static final long HIGHEST_NS = 60_000_000_000L;
    private static final String LANE_EXCLUDED = "lane excluded (agreed accusations)";
    private static final String[] REASONS = reasonTexts();

    private final RunDescriptor descriptor;
    private final int lanes;
    private final long allLanes;
    private final int signals;
    private final long periodNs;
    private final RigOracle oracle;
    private final FrameObserver[] observers;
    private final FrameSample[] sim;
    private final FrameSample out;
    private final long[] slotFrame = new long[SLOTS];
    private final long[] reported = new long[SLOTS];
    private final byte[][][] output;
    private final long[][] previousFailed;
    private final long[] previousExcluded;
    private final long[] lacked;
    private final long[] startLag;
    private final int[] trouble;
    private final LatencyStats[] latency;
    /** Spread of the healthy lanes' actual frame starts (clock skew plus how late each thread got going). */
    final Histogram startSkew = new Histogram(1, HIGHEST_NS, 3);
    /** Spread of the instants at which the healthy lanes' clocks read the frame's start: the clocks' precision. */
    final Histogram clockSkew = new Histogram(1, HIGHEST_NS, 3);
    private final java.io.Writer timingCsv;
    private final long[] rejoinFrom;
    private final long[] backFrame;
    private final List<long[]> rejoins = new java.util.ArrayList<>();
    private final MessageTap received;
    private final TraceStore traces;
    private long finalized;
    long framesLanesAgree;
    /** Frames in which the oracle saw no fault of any kind: every lane healthy. */
    long framesFaultFree;
    /** Of those, frames in which all lanes were bit-identical. */
    long framesFaultFreeAgree;
    long framesAllReportingAgree;
    long framesMatchingSimulation;
    long firstDisagreementFrame = -1;
    long framesWithoutHealthyLane;
    long outputsLate;
    long outputsMalformed;
    long sensorOutageLaneFrames;
    /** Lane-frames whose outputs the lane flagged itself as not known to be congruent. */
    long flaggedLaneFrames;
    /**
     * Frames of a lane back from a process fault, before it is back in agreement, in which it presented values that
     * differ from the healthy lanes' without flagging them: must stay 0 (divergence is flagged, never silent).
     */
    long silentRejoiningLaneFrames;
    /** Frames of a lane back from a process fault, before it is back in agreement, in which it flagged its outputs. */
    long flaggedRejoiningLaneFrames;
    long tracesLost;
    long traceIncompleteLaneFrames;

    /**
     * @param descriptor the run
     * @param periodNs   frame period
     * @param oracle     judges each frame
     * @param observers  receive each finalized frame
     * @param received   receives each lane's messages of a frame first (a trace), or null
     * @param timingCsv  receives one line per lane and frame ({@link #TIMING_HEADER}), or null
     */
    RigFrames(final RunDescriptor descriptor, final long periodNs, final RigOracle oracle,
        final List<? extends FrameObserver> observers, final MessageTap received, final java.io.Writer timingCsv) {
        this.timingCsv = timingCsv;
        this.received = received;
        this.traces = received == null ? null : new TraceStore(SLOTS, descriptor.lanes());
        this.descriptor = descriptor;
        this.lanes = descriptor.lanes();
        this.allLanes = lanes == 64 ? -1L : (1L << lanes) - 1;
        this.signals = descriptor.signalCount();
        this.periodNs = periodNs;
        this.oracle = oracle;
        this.observers = observers.toArray(new FrameObserver[0]);
        this.sim = new FrameSample[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            sim[i] = new FrameSample(descriptor);
        }
        this.out = new FrameSample(descriptor);
        this.output = new byte[SLOTS][lanes][OutputDatagram.capacity(lanes, signals)];
        this.previousFailed = new long[lanes][signals];
        this.previousExcluded = new long[lanes];
        this.lacked = new long[lanes];
        this.startLag = new long[lanes];
        this.trouble = new int[lanes];
        this.latency = new LatencyStats[lanes];
        this.rejoinFrom = new long[lanes];
        this.backFrame = new long[lanes];
        java.util.Arrays.fill(rejoinFrom, -1L);
        for (int l = 0; l < lanes; l++) {
            latency[l] = new LatencyStats();
        }
        java.util.Arrays.fill(slotFrame, -1L);
    }

    /** @return the sample the simulation fills for frame {@code frame} (before any output of it can arrive) */
    FrameSample simSample(final long frame) {
        final int at = (int) (frame % SLOTS);
        slotFrame[at] = frame;
        reported[at] = 0;
        if (traces != null) {
            traces.clear(at);
        }
        return sim[at];
    }

    /** Keeps a lane's OUTPUT datagram (well formed, checked by the caller) for its frame. */
    void onOutput(final int lane, final byte[] datagram, final int length) {
        final long frame = RigDatagram.frame(datagram);
        if (!OutputDatagram.consistent(datagram, length, lanes, signals)) {
            outputsMalformed++;
            return;
        }
        final int at = (int) Math.floorMod(frame, (long) SLOTS);
        if (frame < finalized || slotFrame[at] != frame) {
            outputsLate++;
            return;
        }
        System.arraycopy(datagram, 0, output[at][lane], 0, length);
        if ((OutputDatagram.flags(datagram) & OutputDatagram.FLAG_NOT_COMPLETED) == 0) {
            reported[at] |= 1L << lane;
        }
    }

    /** Keeps a lane's TRACE datagram (well formed, checked by the caller) for its frame. */
    void onTrace(final int lane, final byte[] datagram, final int length) {
        final long frame = RigDatagram.frame(datagram);
        final int at = (int) Math.floorMod(frame, (long) SLOTS);
        if (traces == null || !TraceDatagram.consistent(datagram, length) || frame < finalized
            || slotFrame[at] != frame) {
            tracesLost++;
            return;
        }
        traces.add(at, lane, datagram);
    }

    /**
     * A process fault of {@code lane} ended before frame {@code frame} (SIGCONT, or its new process started): from
     * then on the rig watches for the first frame in which the lane is back in agreement — healthy: its outputs,
     * unflagged, equal the others' — and then for the first in which the healthy lanes no longer exclude it
     * (readmitted, as their readmission policy decides), and records both ({@link #rejoins()}).
     */
    void processFaultEnded(final int lane, final long frame) {
        rejoinFrom[lane] = frame;
        backFrame[lane] = -1;
    }

    /**
     * Closes the rejoin watch at the session's end.
     *
     * @return one entry per rejoin: lane, frame its fault ended, frame it was back in agreement, frame it was
     *         readmitted (-1 if not by the last frame)
     */
    List<long[]> finishRejoins() {
        for (int l = 0; l < lanes; l++) {
            if (rejoinFrom[l] >= 0 && backFrame[l] >= 0) {
                rejoins.add(new long[] {l, rejoinFrom[l], backFrame[l], -1});
                rejoinFrom[l] = -1;
            }
        }
        return rejoins;
    }

    /** @return lanes whose process fault ended and that were not back in agreement by the last frame */
    long notRejoined() {
        long mask = 0;
        for (int l = 0; l < lanes; l++) {
            if (rejoinFrom[l] >= 0 && backFrame[l] < 0) {
                mask |= 1L << l;
            }
        }
        return mask;
    }

    /**
     * Counts, for the lanes back from a process fault but not yet in agreement, frames flagged and silent. Only frames
     * in which such a lane was not itself faulty count (the caller leaves out late lanes, lanes that lacked two or
     * more senders' messages): as for any lane, the library answers for a lane's outputs only in frames in which it
     * ran within the fault hypothesis.
     */
    private void countRejoining(final long f, final int at, final long outside, final long flagged,
        final long healthy) {
        if (healthy == 0) {
            return;
        }
        final byte[] reference = output[at][Long.numberOfTrailingZeros(healthy)];
        for (long rest = outside; rest != 0; rest &= rest - 1) {
            final int l = Long.numberOfTrailingZeros(rest);
            if (rejoinFrom[l] < 0 || f < rejoinFrom[l] || backFrame[l] >= 0) {
                continue;
            }
            if ((flagged & (1L << l)) != 0) {
                flaggedRejoiningLaneFrames++;
            } else if (!sameOutputs(reference, output[at][l])) {
                silentRejoiningLaneFrames++;
            }
        }
    }

    private void watchRejoins(final long f, final int at, final long healthy) {
        for (int l = 0; l < lanes; l++) {
            if (rejoinFrom[l] < 0 || f < rejoinFrom[l] || (healthy & (1L << l)) == 0) {
                continue;
            }
            if (backFrame[l] < 0) {
                backFrame[l] = f;
            }
            final long others = healthy & ~(1L << l);
            if (others != 0 && (OutputDatagram.excluded(output[at][Long.numberOfTrailingZeros(others)])
                & (1L << l)) == 0) {
                rejoins.add(new long[] {l, rejoinFrom[l], backFrame[l], f});
                rejoinFrom[l] = -1;
            }
        }
    }

    /** @return the first frame not finalized yet */
    long finalized() {
        return finalized;
    }

    /**
     * Finalizes the next frame.
     *
     * @param relay   the relay's record of the frame's faults
     * @param process lanes stalled, killed or restarting in the frame
     */
    void finalizeNext(final RelayFrames relay, final long process) {
        final long f = finalized++;
        final int at = (int) (f % SLOTS);
        if (slotFrame[at] != f) {
            return;
        }
        final long got = reported[at];
        for (int l = 0; l < lanes; l++) {
            final byte[] o = output[at][l];
            lacked[l] = (got & (1L << l)) != 0 ? OutputDatagram.missing(o) | OutputDatagram.malformed(o) : 0L;
            startLag[l] = (got & (1L << l)) != 0 ? OutputDatagram.startLag(o) : 0L;
            trouble[l] = relay.troubleClass(f, l);
        }
        oracle.judge(f, relay.laneFaulty(f), trouble, process, got, lacked, startLag);
        final long flagged = flagged(at, got);
        flaggedLaneFrames += Long.bitCount(flagged);
        oracle.flagged(f, flagged);
        final long matching = agreedGroup(at, got & ~oracle.faulty() & ~flagged, oracle.recovering());
        final long healthy = oracle.agreed(f, matching) & got;
        count(f, at, got, healthy);
        timing(at, got, healthy);
        countRejoining(f, at, got & ~healthy & ~oracle.faulty(), flagged, healthy);
        watchRejoins(f, at, healthy);
        if (received != null) {
            passTraces(at, got);
        }
        publish(f, at, got, healthy, relay);
        if (timingCsv != null) {
            writeTiming(f, at, got, healthy);
        }
    }

    /**
     * Hands the frame's traced messages, lane by lane in each lane's order, to the sink; counts gaps. A lane that did
     * not complete the frame gets one entry of round {@value #DID_NOT_RUN_ROUND}, its own link, no bytes, late: a
     * re-run must not run that lane's frame either.
     */
    private void passTraces(final int at, final long got) {
        for (int l = 0; l < lanes; l++) {
            if ((got & (1L << l)) == 0) {
                received.onReceived(l, DID_NOT_RUN_ROUND, l, output[at][l], 0, 0, true);
                continue;
            }
            final int n = traces.count(at, l);
            if ((got & (1L << l)) != 0 && n != OutputDatagram.traced(output[at][l])) {
                traceIncompleteLaneFrames++;
            }
            for (int i = 0; i < n; i++) {
                final byte[] d = traces.data(at, l, i);
                received.onReceived(l, TraceDatagram.round(d), TraceDatagram.link(d), d,
                    TraceDatagram.MESSAGE_OFFSET, TraceDatagram.messageLength(d), TraceDatagram.late(d));
            }
        }
    }

    private void writeTiming(final long f, final int at, final long got, final long healthy) {
        final int first = Long.numberOfTrailingZeros(got);
        final long reference = got == 0 ? 0 : OutputDatagram.rawStart(output[at][first])
            - OutputDatagram.startLag(output[at][first]);
        try {
            for (int l = 0; l < lanes; l++) {
                final byte[] o = output[at][l];
                final boolean r = (got & (1L << l)) != 0;
                timingCsv.write(String.format(Locale.ROOT, "%d,%d,%b,%b,%.1f,%.1f,%d,%s,%s,%s,%d,%.1f,%.1f%n", f, l, r,
                    (healthy & (1L << l)) != 0, r ? OutputDatagram.startLag(o) / 1e3 : Double.NaN,
                    r ? OutputDatagram.latency(o) / 1e3 : Double.NaN, r ? OutputDatagram.roundsExpired(o) : 0,
                    mask(r ? lacked[l] : 0), mask(r ? OutputDatagram.excluded(o) : 0),
                    mask(r ? OutputDatagram.accused(o) : 0), r ? OutputDatagram.flags(o) : 0,
                    r ? OutputDatagram.correction(o) / 1e3 : Double.NaN,
                    r ? (OutputDatagram.rawStart(o) - OutputDatagram.startLag(o) - reference) / 1e3 : Double.NaN));
            }
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A lane mask as its lane numbers, for example {@code 0|3}; empty for none. */
    private String mask(final long m) {
        final StringBuilder sb = new StringBuilder();
        for (long rest = m; rest != 0; rest &= rest - 1) {
            sb.append(sb.length() == 0 ? "" : "|").append(Long.numberOfTrailingZeros(rest));
        }
        return sb.toString();
    }

    /**
     * @return lanes that flagged the frame's outputs themselves: some signal's status says the lane is not (or not
     *         yet) known to hold the others' state (the library's DIVERGED or SYNCING)
     */
    private long flagged(final int at, final long got) {
        long mask = 0;
        for (long rest = got; rest != 0; rest &= rest - 1) {
            final int l = Long.numberOfTrailingZeros(rest);
            for (int s = 0; s < signals; s++) {
                final int code = codeOf(OutputDatagram.status(output[at][l], s));
                if (OutputStatusCode.hasValue(code) && !OutputStatusCode.isUnflaggedValue(code)) {
                    mask |= 1L << l;
                    break;
                }
            }
        }
        return mask;
    }

    /**
     * Groups the candidate lanes by identical outputs and returns the group with the most lanes not recovering,
     * then the most lanes; ties go to the group of the lowest lane.
     */
    private long agreedGroup(final int at, final long candidates, final long recovering) {
        long best = 0;
        int bestSteady = -1;
        long left = candidates;
        while (left != 0) {
            final int first = Long.numberOfTrailingZeros(left);
            long group = 0;
            for (long rest = left; rest != 0; rest &= rest - 1) {
                final int l = Long.numberOfTrailingZeros(rest);
                if (sameOutputs(output[at][first], output[at][l])) {
                    group |= 1L << l;
                }
            }
            left &= ~group;
            final int steady = Long.bitCount(group & ~recovering);
            if (steady > bestSteady || steady == bestSteady && Long.bitCount(group) > Long.bitCount(best)) {
                best = group;
                bestSteady = steady;
            }
        }
        return best;
    }

    private boolean sameOutputs(final byte[] x, final byte[] y) {
        for (int s = 0; s < signals; s++) {
            if (OutputDatagram.valueBits(x, s) != OutputDatagram.valueBits(y, s)
                || OutputDatagram.status(x, s) != OutputDatagram.status(y, s)) {
                return false;
            }
        }
        return true;
    }

    private void count(final long f, final int at, final long got, final long healthy) {
        if (healthy == 0) {
            framesWithoutHealthyLane++;
        }
        final int ref = Long.numberOfTrailingZeros(healthy);
        boolean agree = true;
        for (long rest = healthy; rest != 0; rest &= rest - 1) {
            agree &= sameOutputs(output[at][ref], output[at][Long.numberOfTrailingZeros(rest)]);
        }
        framesLanesAgree += agree ? 1 : 0;
        if (healthy == allLanes) {
            framesFaultFree++;
            framesFaultFreeAgree += agree ? 1 : 0;
        }
        if (!agree && firstDisagreementFrame < 0) {
            firstDisagreementFrame = f;
        }
        boolean all = got != 0;
        final int first = Long.numberOfTrailingZeros(got);
        for (long rest = got; rest != 0; rest &= rest - 1) {
            all &= sameOutputs(output[at][first], output[at][Long.numberOfTrailingZeros(rest)]);
        }
        framesAllReportingAgree += all ? 1 : 0;
        if (healthy != 0) {
            boolean matches = true;
            for (int s = 0; s < signals; s++) {
                matches &= OutputDatagram.valueBits(output[at][ref], s)
                    == Double.doubleToRawLongBits(sim[at].output(0, s));
            }
            framesMatchingSimulation += matches ? 1 : 0;
        }
    }

    private void timing(final int at, final long got, final long healthy) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long clockMin = Long.MAX_VALUE;
        long clockMax = Long.MIN_VALUE;
        for (int l = 0; l < lanes; l++) {
            if ((got & (1L << l)) == 0) {
                continue;
            }
            final byte[] o = output[at][l];
            final long ns = OutputDatagram.latency(o);
            latency[l].record(ns, ns > periodNs);
            final long raw = OutputDatagram.rawStart(o);
            if ((healthy & (1L << l)) != 0 && raw != 0) {
                min = Math.min(min, raw);
                max = Math.max(max, raw);
                // The start lag is on the lane's clock, which runs within parts per million of the host's: over
                // the microseconds of a lag the difference is far below a nanosecond.
                final long scheduled = raw - OutputDatagram.startLag(o);
                clockMin = Math.min(clockMin, scheduled);
                clockMax = Math.max(clockMax, scheduled);
            }
        }
        if (Long.bitCount(healthy) >= 2 && max >= min) {
            startSkew.recordValue(Math.min(Math.max(max - min, 1L), HIGHEST_NS));
            clockSkew.recordValue(Math.min(Math.max(clockMax - clockMin, 1L), HIGHEST_NS));
        }
    }

    /** Builds the frame's sample from the simulation's and the lanes' outputs, and hands it to the observers. */
    private void publish(final long f, final int at, final long got, final long healthy, final RelayFrames relay) {
        final FrameSample s0 = sim[at];
        out.begin(f, descriptor.timeOf(f));
        // A lane whose sensor samples did not reach it in time reads held values: its sensors are out for the
        // frame (a fault of the rig's sensor source), and the oracle says so.
        long noSensors = 0;
        for (int l = 0; l < lanes; l++) {
            if ((got & (1L << l)) != 0 && (OutputDatagram.flags(output[at][l]) & OutputDatagram.FLAG_NO_SENSORS) != 0) {
                noSensors |= 1L << l;
            }
        }
        sensorOutageLaneFrames += Long.bitCount(noSensors);
        for (int s = 0; s < signals; s++) {
            out.truth(s, s0.truth(s));
            out.oracleFaultyChannels(s, s0.oracleFaultyChannels(s) | noSensors);
            for (int l = 0; l < lanes; l++) {
                if ((got & (1L << l)) != 0) {
                    // What the lane really read (its sensor datagram may have been late or lost).
                    final byte[] o = output[at][l];
                    final int flags = OutputDatagram.readingFlags(o, s);
                    out.sensor(l, s, Double.longBitsToDouble(OutputDatagram.readingBits(o, s)),
                        (flags & OutputDatagram.READING_VALID) != 0, (flags & OutputDatagram.READING_FRESH) != 0);
                } else {
                    out.sensor(l, s, s0.sensor(l, s), s0.sensorValid(l, s), s0.sensorFresh(l, s));
                }
            }
        }
        for (int l = 0; l < lanes; l++) {
            if ((got & (1L << l)) != 0) {
                lane(f, l, output[at][l]);
            }
        }
        out.oracleHealthyLanes(healthy);
        out.hypothesisExceeded(oracle.exceeded(f) || votersExceeded(at, healthy));
        for (int o = 0; o < descriptor.messageOutcomes().size(); o++) {
            out.addMessages(o, o < ExchangeInterceptor.OUTCOMES ? relay.outcome(f, o) : s0.messages(o));
        }
        for (final FrameObserver observer : observers) {
            observer.onFrame(out);
        }
    }

    private void lane(final long f, final int l, final byte[] o) {
        final long excluded = OutputDatagram.excluded(o);
        for (long gained = excluded & ~previousExcluded[l]; gained != 0; gained &= gained - 1) {
            report(f, l, InjectedFault.ALL_SIGNALS, Long.numberOfTrailingZeros(gained), LANE_EXCLUDED);
        }
        previousExcluded[l] = excluded;
        out.excludedLanes(l, excluded);
        for (int s = 0; s < signals; s++) {
            final long failed = OutputDatagram.failed(o, s);
            for (long gained = failed & ~previousFailed[l][s]; gained != 0; gained &= gained - 1) {
                final int c = Long.numberOfTrailingZeros(gained);
                report(f, l, s, c, REASONS[Math.min(OutputDatagram.reason(o, s, c), REASONS.length - 1)]);
            }
            previousFailed[l][s] = failed;
            out.output(l, s, Double.longBitsToDouble(OutputDatagram.valueBits(o, s)),
                codeOf(OutputDatagram.status(o, s)), OutputDatagram.healthy(o, s));
        }
    }

    /** The voters' part of the hypothesis, as the simulation checks it, against the first healthy lane. */
    private boolean votersExceeded(final int at, final long healthy) {
        if (healthy == 0) {
            return false;
        }
        final byte[] ref = output[at][Long.numberOfTrailingZeros(healthy)];
        for (int s = 0; s < signals; s++) {
            final long isolated = OutputDatagram.failed(ref, s) | OutputDatagram.excluded(ref);
            final int available = lanes - Long.bitCount(isolated);
            if (Long.bitCount(out.oracleFaultyChannels(s) & ~isolated) > (available - 1) / 2) {
                return true;
            }
        }
        return false;
    }

    private void report(final long f, final int lane, final int signal, final int channel, final String reason) {
        for (final FrameObserver observer : observers) {
            observer.onExclusion(f, lane, signal, channel, reason);
        }
    }

    static int codeOf(final int statusOrdinal) {
        if (statusOrdinal < 0 || statusOrdinal >= OutputStatus.values().length) {
            return OutputStatusCode.INVALID.code();
        }
        return switch (OutputStatus.values()[statusOrdinal]) {
            case NORMAL -> OutputStatusCode.NORMAL.code();
            case DEGRADED -> OutputStatusCode.DEGRADED.code();
            case NO_MAJORITY -> OutputStatusCode.NO_MAJORITY.code();
            case INVALID -> OutputStatusCode.INVALID.code();
            case DIVERGED -> OutputStatusCode.DIVERGED.code();
            case SYNCING -> OutputStatusCode.SYNCING.code();
        };
    }

    private static String[] reasonTexts() {
        final String[] texts = new String[ExclusionReason.values().length];
        for (final ExclusionReason r : ExclusionReason.values()) {
            texts[r.ordinal()] = r.name().toLowerCase(Locale.ROOT);
        }
        return texts;
    }

    LatencyStats latency(final int lane) {
        return latency[lane];
    }

    RigOracle oracle() {
        return oracle;
    }
}
