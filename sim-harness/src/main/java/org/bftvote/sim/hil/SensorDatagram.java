package org.bftvote.sim.hil;

import java.util.zip.CRC32C;

/**
 * The samples one lane's sensor bus delivers for one frame, rig to lane. Only what is new travels: a sample is
 * listed when it is fresh or when the reading differs from what the lane read in the previous frame; a signal not
 * listed keeps its previous reading and is not fresh (the lane's own sensor input holds the last sample, as between
 * two samples of a slow sensor). A frame whose datagram never arrives is read the same way, every signal held.
 *
 * <pre>
 *  header (frame = the frame the samples are for) | 12: count (u16) | 14: count entries of 11 bytes | CRC
 *  entry: +0 signal (u16) | +2 flags (u8: bit 0 valid, bit 1 fresh) | +3 value (IEEE-754 double's raw bits, u64)
 * </pre>
 */
final class SensorDatagram {
    static final int COUNT_OFFSET = RigDatagram.HEADER_LENGTH;
    static final int ENTRIES_OFFSET = COUNT_OFFSET + Short.BYTES;
    static final int ENTRY_LENGTH = 11;
    static final int FLAG_VALID = 1;
    static final int FLAG_FRESH = 2;

    private SensorDatagram() {
    }

    /** @return bytes a datagram of {@code signals} entries needs */
    static int capacity(final int signals) {
        return ENTRIES_OFFSET + signals * ENTRY_LENGTH + RigDatagram.CRC_LENGTH;
    }

    static void begin(final byte[] buffer, final int lane, final long frame) {
        RigDatagram.putHeader(buffer, RigDatagram.SENSOR, RigDatagram.RIG, lane, frame);
        RigDatagram.putShort(buffer, COUNT_OFFSET, 0);
    }

    /** Appends one sample. */
    static void add(final byte[] buffer, final int signal, final double value, final boolean valid,
        final boolean fresh) {
        final int count = count(buffer);
        final int at = ENTRIES_OFFSET + count * ENTRY_LENGTH;
        RigDatagram.putShort(buffer, at, signal);
        buffer[at + 2] = (byte) ((valid ? FLAG_VALID : 0) | (fresh ? FLAG_FRESH : 0));
        RigDatagram.putLong(buffer, at + 3, Double.doubleToRawLongBits(value));
        RigDatagram.putShort(buffer, COUNT_OFFSET, count + 1);
    }

    /** @return the datagram's length */
    static int seal(final CRC32C crc, final byte[] buffer) {
        return RigDatagram.seal(crc, buffer, ENTRIES_OFFSET + count(buffer) * ENTRY_LENGTH);
    }

    static int count(final byte[] buffer) {
        return RigDatagram.getShort(buffer, COUNT_OFFSET);
    }

    /** @return whether the entry count fits the datagram's length exactly */
    static boolean consistent(final byte[] buffer, final int length) {
        return length == ENTRIES_OFFSET + count(buffer) * ENTRY_LENGTH + RigDatagram.CRC_LENGTH;
    }

    static int signal(final byte[] buffer, final int entry) {
        return RigDatagram.getShort(buffer, ENTRIES_OFFSET + entry * ENTRY_LENGTH);
    }

    static int flags(final byte[] buffer, final int entry) {
        return buffer[ENTRIES_OFFSET + entry * ENTRY_LENGTH + 2] & 0xFF;
    }

    static long valueBits(final byte[] buffer, final int entry) {
        return RigDatagram.getLong(buffer, ENTRIES_OFFSET + entry * ENTRY_LENGTH + 3);
    }
}
