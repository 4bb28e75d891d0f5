package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

/**
 * A lane's report of one agreement message it received, lane to rig, sent only when the session is traced: in the
 * order the lane handed its messages to the library, so that the rig's trace lets a replay re-run every lane's
 * agreement bit for bit.
 *
 * <pre>
 *  header (frame = the frame the message belongs to) | 12 round it was received in (u8) | 13 link (u8) |
 *  14 late (u8: 1 if it came after its round closed, and was not given to the library) | 15 length (u16) |
 *  17 the message as received | CRC
 * </pre>
 */
final class TraceDatagram {
    static final int ROUND_OFFSET = RigDatagram.HEADER_LENGTH;
    static final int LINK_OFFSET = ROUND_OFFSET + 1;
    static final int LATE_OFFSET = LINK_OFFSET + 1;
    static final int LENGTH_OFFSET = LATE_OFFSET + 1;
    static final int MESSAGE_OFFSET = LENGTH_OFFSET + 2;

    private TraceDatagram() {
    }

    /** @return bytes needed for a message of {@code length} bytes */
    static int capacity(final int length) {
        return MESSAGE_OFFSET + length + RigDatagram.CRC_LENGTH;
    }

    /** @return the datagram's length */
    static int write(final CRC32C crc, final byte[] b, final int lane, final long frame, final int round,
        final int link, final boolean late, final byte[] message, final int length) {
        RigDatagram.putHeader(b, RigDatagram.TRACE, lane, RigDatagram.RIG, frame);
        b[ROUND_OFFSET] = (byte) round;
        b[LINK_OFFSET] = (byte) link;
        b[LATE_OFFSET] = (byte) (late ? 1 : 0);
        RigDatagram.putShort(b, LENGTH_OFFSET, length);
        System.arraycopy(message, 0, b, MESSAGE_OFFSET, length);
        return RigDatagram.seal(crc, b, MESSAGE_OFFSET + length);
    }

    static boolean consistent(final byte[] b, final int length) {
        return length >= MESSAGE_OFFSET + RigDatagram.CRC_LENGTH
            && length == capacity(RigDatagram.getShort(b, LENGTH_OFFSET));
    }

    static int round(final byte[] b) {
        return b[ROUND_OFFSET] & 0xFF;
    }

    static int link(final byte[] b) {
        return b[LINK_OFFSET] & 0xFF;
    }

    static boolean late(final byte[] b) {
        return b[LATE_OFFSET] != 0;
    }

    static int messageLength(final byte[] b) {
        return RigDatagram.getShort(b, LENGTH_OFFSET);
    }
}
