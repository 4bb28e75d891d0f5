package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.DropReason;
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.IcMessageCodec;
import org.bftvote.clock.ClockSync;

/**
 * Where a lane's frame thread settles every datagram the receiving thread handed it, each exactly once into one
 * {@link LaneCounter} fate:
 * <ul>
 *   <li>from a link to another lane, an interactive-consistency message: malformed unless its layout and CRC check
 *       and its round exists; for the open round of the open frame and read before the round's deadline, to the
 *       library (accepted, or the fate of its drop reason); for a round or frame still to come (the next frame at
 *       most), held until it opens; for a closed round or a past frame, late; further ahead, malformed;</li>
 *   <li>from a link, a clock reply: to the clock round it answers (accepted), late for a past round, malformed when
 *       it answers no request of ours;</li>
 *   <li>from the rig: sensor samples (kept for their frame), the schedule, a stop request.</li>
 * </ul>
 * Allocation-free. Not thread safe: the frame thread's.
 */
final class LaneInbox {
    /**
     * Clock rounds a reading is remembered for. Each round the clock uses, per link, the remembered reading whose
     * exchange had the shortest round trip (its error bound, half the round trip, is the smallest), corrected for
     * the adjustments this lane made to its own clock since: NTP's clock filter. A round trip is long when a thread
     * on the way was descheduled, and then the reading may be off by up to half of it.
     */
    static final int READING_HISTORY = 8;
    /** Clock rounds (frames) a remembered reading may be old. */
    static final int READING_AGE = READING_HISTORY * LaneHost.CLOCK_EVERY;
    private final int self;
    private final int lanes;
    private final int rounds;
    private final AgreementLane lane;
    private final LaneClock clock;
    private final ClockSync sync;
    private final SensorInput sensors;
    private final EarlyMessages early;
    private final long[] counters;
    private final IcMessageCodec codec = new IcMessageCodec();
    private final CRC32C crc = new CRC32C();
    private final long[] acceptedByRound;
    private final long[] requestSent;
    private final ClockReadings readings;
    private final Tracer tracer;

    private LaneSchedule schedule;
    private long stopFrame = Long.MAX_VALUE;
    /** The first frame not yet begun. */
    private long cursor;
    private long openFrame = -1;
    private int openRound;
    private long clockRound = Long.MIN_VALUE;
    private long maxRoundTrip;

    /** Hears every agreement message this lane handed to the library, and every late one of its open frame. */
    @FunctionalInterface
    interface Tracer {
        /** Does nothing. */
        Tracer NONE = (frame, round, link, data, length, late) -> { };

        /**
         * @param frame  the frame the message belongs to
         * @param round  the round open when it was taken
         * @param link   the lane it came from
         * @param data   the message (only valid during the call)
         * @param length its length
         * @param late   true when it came after its round closed (the library never saw it)
         */
        void message(long frame, int round, int link, byte[] data, int length, boolean late);
    }

    LaneInbox(final AgreementLane lane, final LaneClock clock, final ClockSync sync, final SensorInput sensors,
        final long[] counters, final Tracer tracer) {
        this.tracer = tracer;
        this.lane = lane;
        this.self = lane.self();
        this.lanes = lane.lanes();
        this.rounds = lane.rounds();
        this.clock = clock;
        this.sync = sync;
        this.sensors = sensors;
        this.early = new EarlyMessages(lanes, rounds, lane.maxMessageLength());
        this.counters = counters;
        this.acceptedByRound = new long[rounds + 1];
        this.requestSent = new long[lanes];
        this.readings = new ClockReadings(lanes, READING_HISTORY, READING_AGE);
    }

    // ---- what the frame thread tells the inbox -------------------------------------------------------------

    /** A frame begins: messages held for it wait for their round; those held for frames before it are late. */
    void beginFrame(final long frame) {
        openFrame = frame;
        cursor = frame + 1;
        openRound = 0;
        java.util.Arrays.fill(acceptedByRound, 0L);
        counters[LaneCounter.LATE.ordinal()] += early.dropBefore(frame);
    }

    /** Round {@code round} of the open frame opens: what was held for it goes to the library now. */
    void openRound(final int round) {
        openRound = round;
        for (int j = 0; j < lanes; j++) {
            for (int slot = early.next(openFrame, j, round); slot >= 0; slot = early.next(openFrame, j, round)) {
                deliver(j, early.data(slot), early.length(slot), round);
                early.free(slot);
            }
        }
    }

    /** The open frame's rounds are all closed. */
    void endFrame() {
        openFrame = -1;
        openRound = 0;
    }

    /** Frames before {@code frame} will not run (the lane skipped them). */
    void skipTo(final long frame) {
        cursor = Math.max(cursor, frame);
    }

    /** A clock round begins; {@link #requestSent(int, long)} records each request's t1. */
    void beginClockRound(final long round) {
        clockRound = round;
        maxRoundTrip = 0;
        java.util.Arrays.fill(requestSent, Long.MIN_VALUE);
    }

    void requestSent(final int peer, final long t1) {
        requestSent[peer] = t1;
    }

    /**
     * @return whether every expected peer has a message accepted in {@code round}: in round 1 every other lane (an
     *         excluded lane is still heard as a source, so that it can be judged and readmitted: a round closed
     *         before its message came would make it look late for ever), in later rounds those not excluded (an
     *         excluded lane's relays are not used)
     */
    boolean allIn(final int round) {
        final long others = ~(1L << self) & (lanes == 64 ? -1L : (1L << lanes) - 1);
        final long expected = round == 1 ? others : others & ~lane.excludedMask();
        return (acceptedByRound[round] & expected) == expected;
    }

    // ---- settling one datagram --------------------------------------------------------------------------------

    /**
     * Settles one datagram.
     *
     * @param source a link index or {@link DatagramRing#RIG}
     * @param rxRaw  the raw clock when it was read from the socket
     */
    void settle(final int source, final byte[] data, final int length, final long rxRaw) {
        final LaneCounter fate;
        if (source == DatagramRing.RIG) {
            fate = fromRig(data, length);
        } else if (length > 0 && (data[0] & 0xFF) == IcMessage.VERSION) {
            fate = message(source, data, length, rxRaw);
        } else {
            fate = reply(source, data, length, rxRaw);
        }
        if (fate != null) {
            counters[fate.ordinal()]++;
        }
    }

    /** @return the fate, or null when {@link #deliver} counted it */
    private LaneCounter message(final int link, final byte[] data, final int length, final long rxRaw) {
        if (length < IcMessage.MIN_LENGTH || codec.verify(data, 0, length) != IcMessageCodec.WELL_FORMED) {
            return LaneCounter.MALFORMED;
        }
        final long frame = IcMessage.frame(data, 0);
        final int round = IcMessage.round(data, 0);
        if (round < 1 || round > rounds) {
            return LaneCounter.MALFORMED;
        }
        if (frame == openFrame && round == openRound) {
            if (clock.local(rxRaw) > schedule.roundDeadline(frame, round)) {
                tracer.message(frame, openRound, link, data, length, true);
                return LaneCounter.LATE;
            }
            deliver(link, data, length, round);
            return null;
        }
        final boolean later = frame == openFrame && round > openRound || frame == cursor && schedule != null;
        if (later) {
            return early.hold(frame, link, round, data, length) ? null : LaneCounter.DUPLICATE;
        }
        if (frame == openFrame) {
            tracer.message(frame, openRound, link, data, length, true);
        }
        return frame < cursor || schedule == null ? LaneCounter.LATE : LaneCounter.EARLY;
    }

    private void deliver(final int link, final byte[] data, final int length, final int round) {
        tracer.message(openFrame, round, link, data, length, false);
        final int result = lane.onMessage(link, data, 0, length);
        if (result == AgreementLane.ACCEPTED) {
            acceptedByRound[round] |= 1L << link;
            counters[LaneCounter.ACCEPTED.ordinal()]++;
        } else {
            counters[fateOf(DropReason.ofCode(result)).ordinal()]++;
        }
    }

    /** The fate of a message the library dropped. */
    static LaneCounter fateOf(final DropReason reason) {
        if (reason == null) {
            return LaneCounter.MALFORMED;
        }
        return switch (reason) {
            case WRONG_FRAME, WRONG_ROUND -> LaneCounter.LATE;
            case DUPLICATE_MESSAGE -> LaneCounter.DUPLICATE;
            case EXCLUDED_SENDER -> LaneCounter.FROM_EXCLUDED;
            case UNKNOWN_LINK -> LaneCounter.UNKNOWN_SENDER;
            default -> LaneCounter.MALFORMED;
        };
    }

    private LaneCounter reply(final int link, final byte[] data, final int length, final long rxRaw) {
        if (RigDatagram.verify(crc, data, length) != RigDatagram.WELL_FORMED
            || RigDatagram.kind(data) != RigDatagram.SYNC_REPLY || length != SyncDatagram.REPLY_LENGTH
            || RigDatagram.receiver(data) != self) {
            return LaneCounter.MALFORMED;
        }
        final long round = RigDatagram.frame(data);
        if (round < clockRound) {
            return LaneCounter.LATE;
        }
        final long t1 = requestSent[link];
        if (round != clockRound || t1 == Long.MIN_VALUE || SyncDatagram.t1(data) != t1) {
            return LaneCounter.MALFORMED;
        }
        final long t2 = SyncDatagram.t2(data);
        final long t3 = SyncDatagram.t3(data);
        final long t4 = clock.local(rxRaw);
        final long rtt = ClockSync.roundTripOf(t1, t2, t3, t4);
        if (!readings.add(link, round, ClockSync.offsetOf(t1, t2, t3, t4), rtt, clock.adjustmentNs())) {
            return LaneCounter.DUPLICATE;
        }
        maxRoundTrip = Math.max(maxRoundTrip, rtt);
        return LaneCounter.ACCEPTED;
    }

    /**
     * Gives the clock round its readings: per link, the best one remembered ({@link #READING_HISTORY}).
     *
     * @param round the clock round being resolved
     */
    void feedClock(final long round) {
        for (int j = 0; j < lanes; j++) {
            if (j != self && readings.best(j, round)) {
                sync.onReading(round, j, readings.offset(clock.adjustmentNs()));
            }
        }
    }

    private LaneCounter fromRig(final byte[] data, final int length) {
        if (RigDatagram.verify(crc, data, length) != RigDatagram.WELL_FORMED || RigDatagram.receiver(data) != self) {
            return LaneCounter.MALFORMED;
        }
        switch (RigDatagram.kind(data)) {
            case RigDatagram.SENSOR:
                return sensors.offer(data, length, cursor);
            case RigDatagram.START:
                return start(data, length);
            case RigDatagram.STOP:
                if (!ControlDatagram.consistent(data, length)) {
                    return LaneCounter.MALFORMED;
                }
                stopFrame = Math.min(stopFrame, RigDatagram.frame(data));
                return LaneCounter.ACCEPTED;
            default:
                return LaneCounter.MALFORMED;
        }
    }

    private LaneCounter start(final byte[] data, final int length) {
        if (!ControlDatagram.consistent(data, length)) {
            return LaneCounter.MALFORMED;
        }
        final long t0 = ControlDatagram.long0(data);
        final long period = ControlDatagram.long1(data);
        final long window = ControlDatagram.long2(data);
        final long frames = ControlDatagram.long3(data);
        if (period <= 0 || window <= 0 || (long) rounds * window >= period || frames < 0
            || Math.floorMod(t0, period) != 0) {
            return LaneCounter.MALFORMED;
        }
        if (schedule != null) {
            return LaneCounter.DUPLICATE;
        }
        schedule = new LaneSchedule(t0, period, window, frames);
        return LaneCounter.ACCEPTED;
    }

    // ---- state the frame thread reads --------------------------------------------------------------------------

    LaneSchedule schedule() {
        return schedule;
    }

    long stopFrame() {
        return stopFrame;
    }

    long maxRoundTrip() {
        return maxRoundTrip;
    }

    long cursor() {
        return cursor;
    }

    /** Counts what is still held when the lane stops. */
    void settleAtEnd() {
        counters[LaneCounter.UNUSED_AT_END.ordinal()] += early.dropBefore(Long.MAX_VALUE)
            + sensors.pending(cursor);
    }
}
