package org.bftvote.agreement;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Byte layout of one interactive-consistency message: the entries one lane sends one peer in one round of one frame.
 * All multi-byte fields are little-endian. The layout is fixed; nothing in it depends on the platform.
 *
 * <pre>
 *  byte  0         1         2         3         4    5    6                             13
 *       +---------+---------+---------+---------+---------+-------------------------------+
 *       | Version |  Round  | Sender  |Receiver | Entry   |      Frame Number (u64)       |
 *       |  (u8)   |  (u8)   |  (u8)   |  (u8)   | Count   |                               |
 *       |         |         |         |         | (u16)   |                               |
 *       +---------+---------+---------+---------+---------+-------------------------------+
 *  14   | Entry 0 | Entry 1 | ... | Entry (count - 1)          ENTRY_LENGTH = 13 bytes each |
 *       +-----------------------------------------------------------------------------------+
 *  14 + 13 * count
 *       | CRC-32C (u32) of bytes [0, 14 + 13 * count)  |
 *       +----------------------------------------------+
 *
 *  Entry, at 14 + 13 * i:
 *  byte  +0        +2        +4        +5                            +12
 *       +---------+---------+---------+-------------------------------+
 *       | EIG Path| Signal  | Status  |       Value Word (u64)        |
 *       | (u16)   | (u16)   |  (u8)   |                               |
 *       +---------+---------+---------+-------------------------------+
 *
 *  Total length = 18 + 13 * count bytes.
 * </pre>
 *
 * <ul>
 *   <li><b>Version</b>: {@link #VERSION}; anything else is refused.</li>
 *   <li><b>Round</b>: 1 to {@code m + 1}.</li>
 *   <li><b>Sender / Receiver</b>: lane numbers. The receiver never trusts the sender field: it must equal the link
 *       the message arrived on, which the host reports.</li>
 *   <li><b>Entry Count</b>: number of entries that follow.</li>
 *   <li><b>Frame Number</b>: the control frame the values belong to.</li>
 *   <li><b>Entry</b>: the receiver's EIG tree node ({@link EigPaths} numbering; its last lane is the sender), the
 *       signal, the status ({@link EntryStatus#VALUE}, {@link EntryStatus#HELD} or {@link EntryStatus#RELAYED_ERROR}
 *       only; the local statuses never travel) and the 64-bit value word.</li>
 *   <li><b>CRC-32C</b> (Castagnoli, as {@link CRC32C} computes it) of every byte before it.</li>
 * </ul>
 *
 * <p>The accessors take the buffer and the offset of the message start, like Aeron's
 * {@code DataHeaderFlyweight}; they do no bounds checks beyond Java's own, so callers check the length first
 * (see {@link IcMessageCodec}). Nothing here allocates.
 */
public final class IcMessage {
    /** The only protocol version this build reads and writes. */
    public static final int VERSION = 1;

    /** Offset of the version byte. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the round byte. */
    public static final int ROUND_OFFSET = 1;
    /** Offset of the sender lane byte. */
    public static final int SENDER_OFFSET = 2;
    /** Offset of the receiver lane byte. */
    public static final int RECEIVER_OFFSET = 3;
    /** Offset of the entry count (u16). */
    public static final int ENTRY_COUNT_OFFSET = 4;
    /** Offset of the frame number (u64). */
    public static final int FRAME_OFFSET = 6;
    /** Length of the fixed header; the first entry starts here. */
    public static final int HEADER_LENGTH = 14;

    /** Offset of the path index (u16) inside an entry. */
    public static final int ENTRY_PATH_OFFSET = 0;
    /** Offset of the signal index (u16) inside an entry. */
    public static final int ENTRY_SIGNAL_OFFSET = 2;
    /** Offset of the status byte inside an entry. */
    public static final int ENTRY_STATUS_OFFSET = 4;
    /** Offset of the value word (u64) inside an entry. */
    public static final int ENTRY_WORD_OFFSET = 5;
    /** Length of one entry. */
    public static final int ENTRY_LENGTH = 13;

    /** Length of the CRC-32C trailer. */
    public static final int CRC_LENGTH = 4;
    /** Shortest possible message: header and CRC, no entries. */
    public static final int MIN_LENGTH = HEADER_LENGTH + CRC_LENGTH;

    /** Largest value of an unsigned 8-bit field (lanes, rounds). */
    public static final int MAX_U8 = 0xFF;
    /** Largest value of an unsigned 16-bit field (entry count, path, signal). */
    public static final int MAX_U16 = 0xFFFF;

    private IcMessage() {
    }

    /**
     * @param entryCount number of entries
     * @return total message length in bytes for that many entries
     */
    public static int length(final int entryCount) {
        return HEADER_LENGTH + entryCount * ENTRY_LENGTH + CRC_LENGTH;
    }

    /**
     * @param offset     message start
     * @param entryCount entries in the message
     * @return offset of the CRC trailer
     */
    public static int crcOffset(final int offset, final int entryCount) {
        return offset + HEADER_LENGTH + entryCount * ENTRY_LENGTH;
    }

    /**
     * @param offset message start
     * @param index  entry number, 0-based
     * @return offset of that entry
     */
    public static int entryOffset(final int offset, final int index) {
        return offset + HEADER_LENGTH + index * ENTRY_LENGTH;
    }

    // ---- header accessors ------------------------------------------------------------------------------------

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the version field
     */
    public static int version(final byte[] buffer, final int offset) {
        return u8(buffer, offset + VERSION_OFFSET);
    }

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the round field
     */
    public static int round(final byte[] buffer, final int offset) {
        return u8(buffer, offset + ROUND_OFFSET);
    }

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the sender field (never trusted as the sender; see the class Javadoc)
     */
    public static int sender(final byte[] buffer, final int offset) {
        return u8(buffer, offset + SENDER_OFFSET);
    }

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the receiver field
     */
    public static int receiver(final byte[] buffer, final int offset) {
        return u8(buffer, offset + RECEIVER_OFFSET);
    }

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the entry count field
     */
    public static int entryCount(final byte[] buffer, final int offset) {
        return u16(buffer, offset + ENTRY_COUNT_OFFSET);
    }

    /**
     * @param buffer message bytes
     * @param offset message start
     * @return the frame number field
     */
    public static long frame(final byte[] buffer, final int offset) {
        return u64(buffer, offset + FRAME_OFFSET);
    }

    /**
     * Writes the whole header.
     *
     * @param buffer     message bytes
     * @param offset     message start
     * @param round      round, 0 to 255
     * @param sender     sender lane, 0 to 255
     * @param receiver   receiver lane, 0 to 255
     * @param entryCount entry count, 0 to 65535
     * @param frame      frame number
     */
    public static void putHeader(
        final byte[] buffer, final int offset, final int round, final int sender, final int receiver,
        final int entryCount, final long frame) {
        buffer[offset + VERSION_OFFSET] = (byte) VERSION;
        putU8(buffer, offset + ROUND_OFFSET, round);
        putU8(buffer, offset + SENDER_OFFSET, sender);
        putU8(buffer, offset + RECEIVER_OFFSET, receiver);
        putU16(buffer, offset + ENTRY_COUNT_OFFSET, entryCount);
        putU64(buffer, offset + FRAME_OFFSET, frame);
    }

    /**
     * Overwrites the entry count of a header already written (the CRC must be sealed afterwards).
     *
     * @param buffer     message bytes
     * @param offset     message start
     * @param entryCount entry count, 0 to 65535
     */
    static void putEntryCount(final byte[] buffer, final int offset, final int entryCount) {
        putU16(buffer, offset + ENTRY_COUNT_OFFSET, entryCount);
    }

    // ---- entry accessors -------------------------------------------------------------------------------------

    /**
     * @param buffer      message bytes
     * @param entryOffset entry start ({@link #entryOffset(int, int)})
     * @return the EIG path index of the entry
     */
    public static int entryPath(final byte[] buffer, final int entryOffset) {
        return u16(buffer, entryOffset + ENTRY_PATH_OFFSET);
    }

    /**
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @return the signal index of the entry
     */
    public static int entrySignal(final byte[] buffer, final int entryOffset) {
        return u16(buffer, entryOffset + ENTRY_SIGNAL_OFFSET);
    }

    /**
     * Path and signal of an entry in one 32-bit load, for the per-entry checks of a received message: the two u16
     * fields are adjacent and little-endian, so the path is the low half and the signal the high half.
     *
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @return {@code path | signal << 16}; path = {@code value & 0xFFFF}, signal = {@code value >>> 16}
     */
    static int entryPathAndSignal(final byte[] buffer, final int entryOffset) {
        return (int) LE_INT.get(buffer, entryOffset + ENTRY_PATH_OFFSET);
    }

    /**
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @return the status byte of the entry, unchecked
     */
    public static byte entryStatus(final byte[] buffer, final int entryOffset) {
        return buffer[entryOffset + ENTRY_STATUS_OFFSET];
    }

    /**
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @return the value word of the entry
     */
    public static long entryWord(final byte[] buffer, final int entryOffset) {
        return u64(buffer, entryOffset + ENTRY_WORD_OFFSET);
    }

    /**
     * Writes one entry.
     *
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @param path        EIG path index, 0 to 65535
     * @param signal      signal index, 0 to 65535
     * @param status      entry status
     * @param word        value word
     */
    public static void putEntry(
        final byte[] buffer, final int entryOffset, final int path, final int signal, final byte status,
        final long word) {
        // Path and signal are adjacent little-endian u16 fields: one 32-bit store writes the same four bytes.
        putU32(buffer, entryOffset + ENTRY_PATH_OFFSET, (path & MAX_U16) | signal << 16);
        buffer[entryOffset + ENTRY_STATUS_OFFSET] = status;
        putU64(buffer, entryOffset + ENTRY_WORD_OFFSET, word);
    }

    /**
     * Writes an entry's first eight bytes at once: path (bits 0-15), signal (16-31), status (32-39) and the low three
     * bytes of the word (40-63), which {@link #putEntryWord} then writes again with the rest of the word.
     *
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @param head        the packed fields
     */
    static void putEntryHead(final byte[] buffer, final int entryOffset, final long head) {
        putU64(buffer, entryOffset + ENTRY_PATH_OFFSET, head);
    }

    /**
     * Overwrites the value word of one entry (the CRC must be sealed again afterwards).
     *
     * @param buffer      message bytes
     * @param entryOffset entry start
     * @param word        new value word
     */
    public static void putEntryWord(final byte[] buffer, final int entryOffset, final long word) {
        putU64(buffer, entryOffset + ENTRY_WORD_OFFSET, word);
    }

    // ---- CRC -------------------------------------------------------------------------------------------------

    /**
     * Computes the CRC-32C of {@code [offset, offset + length)} with a caller-owned (reused) {@link CRC32C}.
     *
     * @param crc    reused checksum object
     * @param buffer bytes
     * @param offset start
     * @param length number of bytes covered
     * @return the CRC-32C as an unsigned 32-bit value in an int
     */
    public static int crc32c(final CRC32C crc, final byte[] buffer, final int offset, final int length) {
        crc.reset();
        crc.update(buffer, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Writes the CRC trailer of a message whose header (entry count) and entries are complete.
     *
     * @param crc    reused checksum object
     * @param buffer message bytes
     * @param offset message start
     * @return total message length
     */
    public static int seal(final CRC32C crc, final byte[] buffer, final int offset) {
        final int count = entryCount(buffer, offset);
        final int crcOffset = crcOffset(offset, count);
        putU32(buffer, crcOffset, crc32c(crc, buffer, offset, crcOffset - offset));
        return crcOffset + CRC_LENGTH - offset;
    }

    /**
     * @param buffer    message bytes
     * @param crcOffset offset of the trailer
     * @return the CRC stored in the trailer
     */
    public static int storedCrc(final byte[] buffer, final int crcOffset) {
        return (int) u32(buffer, crcOffset);
    }

    // ---- little-endian primitives ----------------------------------------------------------------------------
    //
    // Views of the byte array as little-endian short/int/long: one (possibly unaligned) load or store per field
    // instead of one per byte, with a single bounds check. Plain get/set on these views allows any alignment, never
    // allocates, and gives the same bytes on every platform (the byte order is fixed here, not the machine's).

    private static final VarHandle LE_SHORT =
        MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_INT =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static int u8(final byte[] buffer, final int index) {
        return buffer[index] & 0xFF;
    }

    static int u16(final byte[] buffer, final int index) {
        return (short) LE_SHORT.get(buffer, index) & 0xFFFF;
    }

    static long u32(final byte[] buffer, final int index) {
        return (int) LE_INT.get(buffer, index) & 0xFFFF_FFFFL;
    }

    static long u64(final byte[] buffer, final int index) {
        return (long) LE_LONG.get(buffer, index);
    }

    static void putU8(final byte[] buffer, final int index, final int value) {
        buffer[index] = (byte) value;
    }

    static void putU16(final byte[] buffer, final int index, final int value) {
        LE_SHORT.set(buffer, index, (short) value);
    }

    static void putU32(final byte[] buffer, final int index, final int value) {
        LE_INT.set(buffer, index, value);
    }

    static void putU64(final byte[] buffer, final int index, final long value) {
        LE_LONG.set(buffer, index, value);
    }
}
