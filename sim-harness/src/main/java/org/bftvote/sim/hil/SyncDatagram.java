package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

/**
 * The two clock-round datagrams. A request carries the requester's clock when it was sent (t1); the reply echoes t1
 * and adds the replier's clock when the request arrived (t2) and when the reply left (t3). With the request's
 * receipt time t4 on its own clock, the requester has the four timestamps of
 * {@link org.bftvote.clock.ClockSync#offsetOf}. The header's frame field is the clock round.
 *
 * <pre>
 *  SYNC_REQUEST: header | 12: t1 (i64) | 20: CRC       total 24 bytes
 *  SYNC_REPLY:   header | 12: t1 (i64) | 20: t2 (i64) | 28: t3 (i64) | 36: CRC       total 40 bytes
 * </pre>
 */
final class SyncDatagram {
    static final int T1_OFFSET = RigDatagram.HEADER_LENGTH;
    static final int T2_OFFSET = T1_OFFSET + Long.BYTES;
    static final int T3_OFFSET = T2_OFFSET + Long.BYTES;
    static final int REQUEST_LENGTH = T2_OFFSET + RigDatagram.CRC_LENGTH;
    static final int REPLY_LENGTH = T3_OFFSET + Long.BYTES + RigDatagram.CRC_LENGTH;

    private SyncDatagram() {
    }

    /** @return the request's length */
    static int writeRequest(final CRC32C crc, final byte[] buffer, final int sender, final int receiver,
        final long round, final long t1) {
        RigDatagram.putHeader(buffer, RigDatagram.SYNC_REQUEST, sender, receiver, round);
        RigDatagram.putLong(buffer, T1_OFFSET, t1);
        return RigDatagram.seal(crc, buffer, T2_OFFSET);
    }

    /** @return the reply's length */
    static int writeReply(final CRC32C crc, final byte[] buffer, final int sender, final int receiver,
        final long round, final long t1, final long t2, final long t3) {
        RigDatagram.putHeader(buffer, RigDatagram.SYNC_REPLY, sender, receiver, round);
        RigDatagram.putLong(buffer, T1_OFFSET, t1);
        RigDatagram.putLong(buffer, T2_OFFSET, t2);
        RigDatagram.putLong(buffer, T3_OFFSET, t3);
        return RigDatagram.seal(crc, buffer, T3_OFFSET + Long.BYTES);
    }

    static long t1(final byte[] buffer) {
        return RigDatagram.getLong(buffer, T1_OFFSET);
    }

    static long t2(final byte[] buffer) {
        return RigDatagram.getLong(buffer, T2_OFFSET);
    }

    static long t3(final byte[] buffer) {
        return RigDatagram.getLong(buffer, T3_OFFSET);
    }
}
