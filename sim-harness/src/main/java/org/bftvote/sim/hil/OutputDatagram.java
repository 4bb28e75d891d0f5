package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;

/**
 * One lane's outputs of one frame and how the frame went, lane to rig, sent as soon as the frame's outputs exist.
 *
 * <pre>
 *  header (frame)
 *  12  frame start, raw monotonic clock of the lane's host (i64; 0 if the lane cannot give it)
 *  20  start lag: frame start minus its scheduled start, lane's clock (i64, ns)
 *  28  latency: outputs ready minus the scheduled start, lane's clock (i64, ns)
 *  36  clock correction applied after the previous round (i64, ns)
 *  44  excluded lanes (u64)          52  accused lanes (u64)
 *  60  lanes with a round missing this frame (u64)     68  lanes whose message was dropped this frame (u64)
 *  76  rounds closed at their deadline with an expected message missing (u8)
 *  77  flags (u8): bit 0 no sensor datagram for this frame; bit 1 frames skipped before this one;
 *      bit 2 the frame could not be completed (no outputs)
 *  78  messages this lane reported in TRACE datagrams for this frame (u16; 0 when not tracing)
 *  80  lanes n (u8)    81  signals K (u8)
 *  82  K entries of 34 + n bytes: output value (raw bits of the double, u64) | status (u8, OutputStatus ordinal) |
 *      healthy channels (u64) | failed channels (u64) | the lane's own reading of the signal this frame (raw bits,
 *      u64) | its flags (u8: bit 0 valid, bit 1 fresh) | per channel c &lt; n, the reason it failed (u8,
 *      ExclusionReason ordinal)
 *  CRC
 * </pre>
 */
final class OutputDatagram {
    static final int RAW_START_OFFSET = RigDatagram.HEADER_LENGTH;
    static final int START_LAG_OFFSET = RAW_START_OFFSET + 8;
    static final int LATENCY_OFFSET = START_LAG_OFFSET + 8;
    static final int CORRECTION_OFFSET = LATENCY_OFFSET + 8;
    static final int EXCLUDED_OFFSET = CORRECTION_OFFSET + 8;
    static final int ACCUSED_OFFSET = EXCLUDED_OFFSET + 8;
    static final int MISSING_OFFSET = ACCUSED_OFFSET + 8;
    static final int MALFORMED_OFFSET = MISSING_OFFSET + 8;
    static final int ROUNDS_EXPIRED_OFFSET = MALFORMED_OFFSET + 8;
    static final int FLAGS_OFFSET = ROUNDS_EXPIRED_OFFSET + 1;
    static final int TRACED_OFFSET = FLAGS_OFFSET + 1;
    static final int LANES_OFFSET = TRACED_OFFSET + 2;
    static final int SIGNALS_OFFSET = LANES_OFFSET + 1;
    static final int SIGNALS_START = SIGNALS_OFFSET + 1;
    private static final int STATUS = 8;
    private static final int HEALTHY = 9;
    private static final int FAILED = 17;
    private static final int READING = 25;
    private static final int READING_FLAGS = 33;
    private static final int REASONS = 34;

    static final int FLAG_NO_SENSORS = 1;
    static final int FLAG_SKIPPED_BEFORE = 2;
    static final int FLAG_NOT_COMPLETED = 4;
    static final int READING_VALID = 1;
    static final int READING_FRESH = 2;

    private OutputDatagram() {
    }

    static int entryLength(final int lanes) {
        return REASONS + lanes;
    }

    /** @return bytes the datagram needs */
    static int capacity(final int lanes, final int signals) {
        return SIGNALS_START + signals * entryLength(lanes) + RigDatagram.CRC_LENGTH;
    }

    /** The per-frame timing and masks; the lane's outputs follow with {@link #writeOutputs}. */
    static void writeFrame(final byte[] buffer, final int lane, final long frame, final long rawStart,
        final long startLag, final long latency, final long correction, final int roundsExpired, final int flags,
        final int traced) {
        RigDatagram.putHeader(buffer, RigDatagram.OUTPUT, lane, RigDatagram.RIG, frame);
        RigDatagram.putLong(buffer, RAW_START_OFFSET, rawStart);
        RigDatagram.putLong(buffer, START_LAG_OFFSET, startLag);
        RigDatagram.putLong(buffer, LATENCY_OFFSET, latency);
        RigDatagram.putLong(buffer, CORRECTION_OFFSET, correction);
        buffer[ROUNDS_EXPIRED_OFFSET] = (byte) Math.min(255, roundsExpired);
        buffer[FLAGS_OFFSET] = (byte) flags;
        RigDatagram.putShort(buffer, TRACED_OFFSET, Math.min(0xFFFF, traced));
    }

    /**
     * Writes the pipeline's masks, every signal's output and the lane's own readings, and seals.
     *
     * @return the datagram's length
     */
    static int writeOutputs(final CRC32C crc, final byte[] buffer, final LanePipeline pipeline,
        final boolean completed, final SensorInput readings) {
        final int lanes = pipeline.lane().lanes();
        final int signals = pipeline.config().signals();
        RigDatagram.putLong(buffer, EXCLUDED_OFFSET, pipeline.excludedMask());
        RigDatagram.putLong(buffer, ACCUSED_OFFSET, completed ? pipeline.accusedMask() : 0L);
        RigDatagram.putLong(buffer, MISSING_OFFSET, completed ? pipeline.lane().missingMask() : 0L);
        RigDatagram.putLong(buffer, MALFORMED_OFFSET, completed ? pipeline.lane().malformedMask() : 0L);
        buffer[LANES_OFFSET] = (byte) lanes;
        buffer[SIGNALS_OFFSET] = (byte) signals;
        int at = SIGNALS_START;
        for (int s = 0; s < signals; s++) {
            final ChannelOutput out = pipeline.output(s);
            RigDatagram.putLong(buffer, at, Double.doubleToRawLongBits(completed ? out.value() : Double.NaN));
            buffer[at + STATUS] = (byte) (completed ? out.status().ordinal() : -1);
            RigDatagram.putLong(buffer, at + HEALTHY, completed ? out.healthyMask() : 0L);
            RigDatagram.putLong(buffer, at + FAILED, completed ? out.failedMask() : 0L);
            RigDatagram.putLong(buffer, at + READING, Double.doubleToRawLongBits(readings.readings()[s]));
            buffer[at + READING_FLAGS] = (byte) (((readings.validMask() >>> s) & 1L) * READING_VALID
                | ((readings.freshMask() >>> s) & 1L) * READING_FRESH);
            for (int c = 0; c < lanes; c++) {
                final ExclusionReason reason = out.isFailed(c) ? out.failureReason(c) : ExclusionReason.NONE;
                buffer[at + REASONS + c] = (byte) reason.ordinal();
            }
            at += entryLength(lanes);
        }
        return RigDatagram.seal(crc, buffer, at);
    }

    static long rawStart(final byte[] b) {
        return RigDatagram.getLong(b, RAW_START_OFFSET);
    }

    static long startLag(final byte[] b) {
        return RigDatagram.getLong(b, START_LAG_OFFSET);
    }

    static long latency(final byte[] b) {
        return RigDatagram.getLong(b, LATENCY_OFFSET);
    }

    static long correction(final byte[] b) {
        return RigDatagram.getLong(b, CORRECTION_OFFSET);
    }

    static long excluded(final byte[] b) {
        return RigDatagram.getLong(b, EXCLUDED_OFFSET);
    }

    static long accused(final byte[] b) {
        return RigDatagram.getLong(b, ACCUSED_OFFSET);
    }

    static long missing(final byte[] b) {
        return RigDatagram.getLong(b, MISSING_OFFSET);
    }

    static long malformed(final byte[] b) {
        return RigDatagram.getLong(b, MALFORMED_OFFSET);
    }

    static int roundsExpired(final byte[] b) {
        return b[ROUNDS_EXPIRED_OFFSET] & 0xFF;
    }

    static int flags(final byte[] b) {
        return b[FLAGS_OFFSET] & 0xFF;
    }

    static int traced(final byte[] b) {
        return RigDatagram.getShort(b, TRACED_OFFSET);
    }

    static int lanes(final byte[] b) {
        return b[LANES_OFFSET] & 0xFF;
    }

    static int signals(final byte[] b) {
        return b[SIGNALS_OFFSET] & 0xFF;
    }

    /** @return whether the lane and signal counts fit the datagram's length exactly */
    static boolean consistent(final byte[] b, final int length, final int lanes, final int signals) {
        return length >= SIGNALS_START && lanes(b) == lanes && signals(b) == signals
            && length == capacity(lanes, signals);
    }

    private static int entry(final byte[] b, final int signal) {
        return SIGNALS_START + signal * entryLength(lanes(b));
    }

    static long valueBits(final byte[] b, final int signal) {
        return RigDatagram.getLong(b, entry(b, signal));
    }

    /** @return the OutputStatus ordinal, or -1 when the frame was not completed */
    static int status(final byte[] b, final int signal) {
        return b[entry(b, signal) + STATUS];
    }

    static long healthy(final byte[] b, final int signal) {
        return RigDatagram.getLong(b, entry(b, signal) + HEALTHY);
    }

    static long failed(final byte[] b, final int signal) {
        return RigDatagram.getLong(b, entry(b, signal) + FAILED);
    }

    static long readingBits(final byte[] b, final int signal) {
        return RigDatagram.getLong(b, entry(b, signal) + READING);
    }

    static int readingFlags(final byte[] b, final int signal) {
        return b[entry(b, signal) + READING_FLAGS] & 0xFF;
    }

    static int reason(final byte[] b, final int signal, final int channel) {
        return b[entry(b, signal) + REASONS + channel] & 0xFF;
    }
}
