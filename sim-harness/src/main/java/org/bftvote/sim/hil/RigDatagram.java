package org.bftvote.sim.hil;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Byte layout shared by every datagram of the rig protocol (the lanes' interactive-consistency messages keep the
 * library's own layout, whose first byte, its version, is 1; every kind here starts with a byte of 0xB1 or more, so
 * one byte tells them apart). All multi-byte fields are little-endian. The layout is described for people in
 * {@code docs/reference/hil-wire-schedule.md}.
 *
 * <pre>
 *  byte  0       1         2        3          4                              12
 *       +-------+---------+--------+----------+-------------------------------+------------+-----------+
 *       | Kind  | Version | Sender | Receiver |      Frame (i64)              |  Payload   | CRC-32C   |
 *       | (u8)  |  (u8)   |  (u8)  |   (u8)   |                               | (by kind)  |  (u32)    |
 *       +-------+---------+--------+----------+-------------------------------+------------+-----------+
 *  Sender / Receiver: a lane index, or {@link #RIG} (0xFF). Frame: the frame (or, for the clock kinds, the
 *  clock round) the datagram belongs to. CRC-32C (Castagnoli) of every byte before it.
 * </pre>
 *
 * <p>Static accessors over a caller's buffer, in the manner of Aeron's flyweights: no allocation, no bounds checks
 * beyond Java's own; {@link #verify} checks length, version and CRC before anything else is read.
 */
final class RigDatagram {
    /** Clock round request: payload t1 (i64, sender's clock). */
    static final int SYNC_REQUEST = 0xB1;
    /** Clock round reply: payload t1 (echoed), t2 (receipt), t3 (reply sent), i64 each, the replier's clock. */
    static final int SYNC_REPLY = 0xB2;
    /** Sensor samples for one lane and frame ({@link SensorDatagram}). */
    static final int SENSOR = 0xB3;
    /** One lane's outputs of one frame ({@link OutputDatagram}). */
    static final int OUTPUT = 0xB4;
    /** A lane announces itself to the rig ({@link ControlDatagram}). */
    static final int HELLO = 0xB5;
    /** The rig tells the lanes the session's schedule ({@link ControlDatagram}). */
    static final int START = 0xB6;
    /** The rig tells a lane to stop after a frame ({@link ControlDatagram}). */
    static final int STOP = 0xB7;
    /** A lane's final counts ({@link ControlDatagram}). */
    static final int REPORT = 0xB8;
    /** A lane's state once per clock round before the session starts ({@link ControlDatagram}). */
    static final int STATUS = 0xB9;
    /** Relay to rig: its bus ports ({@link RelayDatagram}). */
    static final int RELAY_HELLO = 0xBA;
    /** Rig to relay: where a lane is ({@link RelayDatagram}). */
    static final int RELAY_MAP = 0xBB;
    /** Rig to relay: the session's schedule ({@link RelayDatagram}). */
    static final int RELAY_SCHEDULE = 0xBC;
    /** Rig to relay: the lanes' clock against the host's ({@link RelayDatagram}). */
    static final int RELAY_CLOCK = 0xBD;
    /** Relay to rig: what its faults did in a frame ({@link RelayDatagram}). */
    static final int RELAY_FRAME = 0xBE;
    /** Rig to relay: stop ({@link RelayDatagram}). */
    static final int RELAY_STOP = 0xBF;
    /** Relay to rig: its final counts ({@link RelayDatagram}). */
    static final int RELAY_REPORT = 0xC0;
    /** Lane to rig, when tracing: one message the lane received ({@link TraceDatagram}). */
    static final int TRACE = 0xC1;

    /** The only version of this layout. */
    static final int VERSION = 1;
    /** Sender or receiver byte of the rig. */
    static final int RIG = 0xFF;
    /** Sender or receiver byte of the relay. */
    static final int RELAY = 0xFE;

    static final int KIND_OFFSET = 0;
    static final int VERSION_OFFSET = 1;
    static final int SENDER_OFFSET = 2;
    static final int RECEIVER_OFFSET = 3;
    static final int FRAME_OFFSET = 4;
    /** Where every payload starts. */
    static final int HEADER_LENGTH = 12;
    static final int CRC_LENGTH = 4;
    /** Largest datagram of the rig protocol but TRACE, which carries a whole agreement message. */
    static final int MAX_LENGTH = 2048;

    /** {@link #verify} result: the datagram is well formed. */
    static final int WELL_FORMED = 0;
    /** {@link #verify} result: shorter than a header and a CRC, or longer than {@link #MAX_LENGTH}. */
    static final int BAD_LENGTH = -1;
    /** {@link #verify} result: the kind byte is not one of this protocol's. */
    static final int BAD_KIND = -2;
    /** {@link #verify} result: wrong version. */
    static final int BAD_VERSION = -3;
    /** {@link #verify} result: the CRC does not match. */
    static final int BAD_CRC = -4;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
        ByteOrder.LITTLE_ENDIAN);

    private RigDatagram() {
    }

    /**
     * @param buffer the datagram
     * @return whether its first byte names a kind of this protocol (an interactive-consistency message starts with 1)
     */
    static boolean isRigKind(final byte[] buffer) {
        final int kind = buffer[KIND_OFFSET] & 0xFF;
        return kind >= SYNC_REQUEST && kind <= TRACE;
    }

    static int kind(final byte[] buffer) {
        return buffer[KIND_OFFSET] & 0xFF;
    }

    static int sender(final byte[] buffer) {
        return buffer[SENDER_OFFSET] & 0xFF;
    }

    static int receiver(final byte[] buffer) {
        return buffer[RECEIVER_OFFSET] & 0xFF;
    }

    static long frame(final byte[] buffer) {
        return getLong(buffer, FRAME_OFFSET);
    }

    /** Writes the header; the payload follows at {@link #HEADER_LENGTH}. */
    static void putHeader(final byte[] buffer, final int kind, final int sender, final int receiver,
        final long frame) {
        buffer[KIND_OFFSET] = (byte) kind;
        buffer[VERSION_OFFSET] = (byte) VERSION;
        buffer[SENDER_OFFSET] = (byte) sender;
        buffer[RECEIVER_OFFSET] = (byte) receiver;
        putLong(buffer, FRAME_OFFSET, frame);
    }

    /**
     * Writes the CRC after {@code payloadEnd} bytes.
     *
     * @return the datagram's length
     */
    static int seal(final CRC32C crc, final byte[] buffer, final int payloadEnd) {
        crc.reset();
        crc.update(buffer, 0, payloadEnd);
        putInt(buffer, payloadEnd, (int) crc.getValue());
        return payloadEnd + CRC_LENGTH;
    }

    /**
     * @return {@link #WELL_FORMED}, {@link #BAD_LENGTH}, {@link #BAD_KIND}, {@link #BAD_VERSION} or {@link #BAD_CRC}
     */
    static int verify(final CRC32C crc, final byte[] buffer, final int length) {
        if (length < HEADER_LENGTH + CRC_LENGTH || length > MAX_LENGTH || length > buffer.length) {
            return BAD_LENGTH;
        }
        if (!isRigKind(buffer)) {
            return BAD_KIND;
        }
        if ((buffer[VERSION_OFFSET] & 0xFF) != VERSION) {
            return BAD_VERSION;
        }
        crc.reset();
        crc.update(buffer, 0, length - CRC_LENGTH);
        return (int) crc.getValue() == getInt(buffer, length - CRC_LENGTH) ? WELL_FORMED : BAD_CRC;
    }

    static long getLong(final byte[] buffer, final int offset) {
        return (long) LONG.get(buffer, offset);
    }

    static void putLong(final byte[] buffer, final int offset, final long value) {
        LONG.set(buffer, offset, value);
    }

    static int getInt(final byte[] buffer, final int offset) {
        return (int) INT.get(buffer, offset);
    }

    static void putInt(final byte[] buffer, final int offset, final int value) {
        INT.set(buffer, offset, value);
    }

    static int getShort(final byte[] buffer, final int offset) {
        return (short) SHORT.get(buffer, offset) & 0xFFFF;
    }

    static void putShort(final byte[] buffer, final int offset, final int value) {
        SHORT.set(buffer, offset, (short) value);
    }
}
