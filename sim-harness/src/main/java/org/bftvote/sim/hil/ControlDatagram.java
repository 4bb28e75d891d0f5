package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

/**
 * The rig's control datagrams. Payloads (after the 12-byte header, before the CRC; i64 unless said):
 *
 * <pre>
 *  HELLO   lane to rig, every 100 ms until START arrives; header frame 0
 *          12 pid | 20 raw clock now | 28 joining (u8: 1 after a restart)          total 33 bytes
 *  START   rig to lane; header frame 0
 *          12 t0: frame 0's start on the lanes' synchronised clock | 20 period | 28 round window
 *          36 frames in the session                                                   total 48 bytes
 *  STOP    rig to lane; header frame = the last frame to run (the lane reports and exits after it)
 *                                                                                     total 16 bytes
 *  STATUS  lane to rig, once per clock round before the session; header frame = the clock round
 *          12 raw clock at the round's start | 20 correction applied (ns) | 28 largest round trip of the
 *          round's exchanges (ns) | 36 lanes that gave a reading (u64)                total 48 bytes
 *  REPORT  lane to rig after its last frame; header frame = the last frame run
 *          12 count (u16) | 14 count values, i64, in the order of {@link LaneCounter}
 * </pre>
 */
final class ControlDatagram {
    static final int P0 = RigDatagram.HEADER_LENGTH;
    static final int P1 = P0 + 8;
    static final int P2 = P1 + 8;
    static final int P3 = P2 + 8;
    static final int REPORT_VALUES = P0 + 2;

    private ControlDatagram() {
    }

    static int hello(final CRC32C crc, final byte[] b, final int lane, final long pid, final long rawNow,
        final boolean joining) {
        RigDatagram.putHeader(b, RigDatagram.HELLO, lane, RigDatagram.RIG, 0);
        RigDatagram.putLong(b, P0, pid);
        RigDatagram.putLong(b, P1, rawNow);
        b[P2] = (byte) (joining ? 1 : 0);
        return RigDatagram.seal(crc, b, P2 + 1);
    }

    static int start(final CRC32C crc, final byte[] b, final int lane, final long t0, final long period,
        final long window, final long frames) {
        RigDatagram.putHeader(b, RigDatagram.START, RigDatagram.RIG, lane, 0);
        RigDatagram.putLong(b, P0, t0);
        RigDatagram.putLong(b, P1, period);
        RigDatagram.putLong(b, P2, window);
        RigDatagram.putLong(b, P3, frames);
        return RigDatagram.seal(crc, b, P3 + 8);
    }

    static int stop(final CRC32C crc, final byte[] b, final int lane, final long lastFrame) {
        RigDatagram.putHeader(b, RigDatagram.STOP, RigDatagram.RIG, lane, lastFrame);
        return RigDatagram.seal(crc, b, P0);
    }

    static int status(final CRC32C crc, final byte[] b, final int lane, final long round, final long rawStart,
        final long correction, final long maxRoundTrip, final long readings) {
        RigDatagram.putHeader(b, RigDatagram.STATUS, lane, RigDatagram.RIG, round);
        RigDatagram.putLong(b, P0, rawStart);
        RigDatagram.putLong(b, P1, correction);
        RigDatagram.putLong(b, P2, maxRoundTrip);
        RigDatagram.putLong(b, P3, readings);
        return RigDatagram.seal(crc, b, P3 + 8);
    }

    static int report(final CRC32C crc, final byte[] b, final int lane, final long lastFrame,
        final long[] counters) {
        RigDatagram.putHeader(b, RigDatagram.REPORT, lane, RigDatagram.RIG, lastFrame);
        RigDatagram.putShort(b, P0, counters.length);
        for (int i = 0; i < counters.length; i++) {
            RigDatagram.putLong(b, REPORT_VALUES + 8 * i, counters[i]);
        }
        return RigDatagram.seal(crc, b, REPORT_VALUES + 8 * counters.length);
    }

    /** @return whether the datagram's length is the one its kind has */
    static boolean consistent(final byte[] b, final int length) {
        return switch (RigDatagram.kind(b)) {
            case RigDatagram.HELLO -> length == P2 + 1 + RigDatagram.CRC_LENGTH;
            case RigDatagram.START, RigDatagram.STATUS -> length == P3 + 8 + RigDatagram.CRC_LENGTH;
            case RigDatagram.STOP -> length == P0 + RigDatagram.CRC_LENGTH;
            case RigDatagram.REPORT -> length >= REPORT_VALUES + RigDatagram.CRC_LENGTH
                && length == REPORT_VALUES + 8 * RigDatagram.getShort(b, P0) + RigDatagram.CRC_LENGTH;
            default -> false;
        };
    }

    static long long0(final byte[] b) {
        return RigDatagram.getLong(b, P0);
    }

    static long long1(final byte[] b) {
        return RigDatagram.getLong(b, P1);
    }

    static long long2(final byte[] b) {
        return RigDatagram.getLong(b, P2);
    }

    static long long3(final byte[] b) {
        return RigDatagram.getLong(b, P3);
    }

    static boolean joining(final byte[] b) {
        return b[P2] != 0;
    }

    static int reportCount(final byte[] b) {
        return RigDatagram.getShort(b, P0);
    }

    static long reportValue(final byte[] b, final int index) {
        return RigDatagram.getLong(b, REPORT_VALUES + 8 * index);
    }
}
