package org.bftvote.sim.hil;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rig session with lane processes measured and counted, filled as it runs and read by {@link ProcessReport}.
 */
final class ProcessOutcome {
    final int lanes;
    final long periodNs;
    final int rounds;
    int controlPort;
    final int[] busPorts;
    final double[] clockOffsetUs;
    final double[] clockDriftPpm;
    final int[] starts;
    long windowNs;
    long calibratedRoundTripNs;
    long calibratedSkewNs;
    LaneSchedule schedule;
    final List<String> events = new ArrayList<>();
    final long[][] reports;
    long[] relay = new long[RelayCounter.COUNT];
    long[] relaySentTo;
    long[] rigSentTo;
    long[] garbageSent;
    long controlReceived;
    long controlOverflow;
    long controlMalformed;
    long controlUnknown;
    long controlLate;
    int[] exitCodes;
    int strays;
    boolean rigRealtime;
    /** The judged frames' counts and timing, from the end of the session on (read their fields). */
    RigFrames frames;
    long framesFinalized;
    LatencyStats[] latency;
    final LatencyStats latencyAll = new LatencyStats();
    long recoveries;
    long maxRecoveryFrames = -1;
    long[] recoveryFrames;
    long lanesNotRecovered;
    java.util.List<long[]> rejoins = java.util.List.of();
    long notRejoined;
    long silentRejoiningLaneFrames;
    long flaggedRejoiningLaneFrames;

    ProcessOutcome(final int lanes, final long periodNs, final int rounds) {
        this.lanes = lanes;
        this.periodNs = periodNs;
        this.rounds = rounds;
        this.busPorts = new int[lanes];
        this.clockOffsetUs = new double[lanes];
        this.clockDriftPpm = new double[lanes];
        this.starts = new int[lanes];
        this.reports = new long[lanes][];
        this.garbageSent = new long[lanes];
    }

    /** Records an event of the session (a process fault, a lane announcing itself). */
    void event(final long frame, final String what) {
        events.add((frame < 0 ? "before the session" : "frame " + frame) + ": " + what);
    }

    /** Keeps a lane's REPORT (the last one received wins: a restarted lane reports once more). */
    void report(final int lane, final byte[] data, final int length) {
        if (!ControlDatagram.consistent(data, length)) {
            controlMalformed++;
            return;
        }
        final long[] values = new long[LaneCounter.COUNT];
        final int n = Math.min(ControlDatagram.reportCount(data), values.length);
        for (int i = 0; i < n; i++) {
            values[i] = ControlDatagram.reportValue(data, i);
        }
        reports[lane] = values;
    }

    /**
     * Keeps the relay's REPORT.
     *
     * @return whether it was well formed
     */
    boolean relayReport(final byte[] data, final int length) {
        final int count = RigDatagram.getShort(data, RelayDatagram.P0);
        if (count != RelayCounter.COUNT
            || length != RelayDatagram.P0 + 2 + 8 * (count + lanes) + RigDatagram.CRC_LENGTH) {
            controlMalformed++;
            return false;
        }
        relay = new long[count];
        relaySentTo = new long[lanes];
        for (int i = 0; i < count; i++) {
            relay[i] = RigDatagram.getLong(data, RelayDatagram.P0 + 2 + 8 * i);
        }
        for (int l = 0; l < lanes; l++) {
            relaySentTo[l] = RigDatagram.getLong(data, RelayDatagram.P0 + 2 + 8 * (count + l));
        }
        return true;
    }

    /** Copies the frames' figures once the session is over. */
    void finish(final RigFrames frames) {
        this.frames = frames;
        framesFinalized = frames.finalized();
        latency = new LatencyStats[lanes];
        for (int l = 0; l < lanes; l++) {
            latency[l] = frames.latency(l);
            latencyAll.add(latency[l]);
        }
        recoveries = frames.oracle().recoveries();
        maxRecoveryFrames = frames.oracle().maxRecoveryFrames();
        recoveryFrames = frames.oracle().recoveryFrames();
        lanesNotRecovered = Long.bitCount(frames.oracle().recovering());
        rejoins = java.util.List.copyOf(frames.finishRejoins());
        notRejoined = frames.notRejoined();
        silentRejoiningLaneFrames = frames.silentRejoiningLaneFrames;
        flaggedRejoiningLaneFrames = frames.flaggedRejoiningLaneFrames;
    }

    /** @return the sum of the datagram fates a lane reported (what its socket delivered to it) */
    static long received(final long[] report) {
        long sum = 0;
        for (final LaneCounter c : LaneCounter.FATES) {
            sum += report[c.ordinal()];
        }
        return sum;
    }
}
