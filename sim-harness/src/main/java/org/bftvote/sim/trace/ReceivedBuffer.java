package org.bftvote.sim.trace;

import java.util.Arrays;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The messages lanes received in one frame, kept in arrival order in one growing byte array, and their
 * received-messages document ({@link TraceFormat}, type {@code 'R'}). Growth doubles the array (rare); adding,
 * writing and reading allocate nothing once it has grown to a frame's traffic. Not thread safe.
 *
 * <pre>
 * per message:  byte lane  byte round  byte link  byte timing  short length  byte[length]
 * </pre>
 */
final class ReceivedBuffer {
    /** Bytes of a message's fixed fields. */
    static final int ENTRY_HEADER = 6;
    private static final int MAX_SMALL = 0xFF;
    private static final int MAX_LENGTH = 0xFFFF;

    private byte[] bytes = new byte[4096];
    private int size;
    private int count;

    /** Forgets every message. */
    void clear() {
        size = 0;
        count = 0;
    }

    /** @return messages held */
    int count() {
        return count;
    }

    void add(final int lane, final int round, final int link, final byte[] buffer, final int offset, final int length,
        final boolean late) {
        check("lane", lane, MAX_SMALL);
        check("round", round, MAX_SMALL);
        check("link", link, MAX_SMALL);
        check("length", length, MAX_LENGTH);
        if (size + ENTRY_HEADER + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + ENTRY_HEADER + length));
        }
        bytes[size] = (byte) lane;
        bytes[size + 1] = (byte) round;
        bytes[size + 2] = (byte) link;
        bytes[size + 3] = late ? TraceFormat.LATE : TraceFormat.IN_TIME;
        bytes[size + 4] = (byte) length;
        bytes[size + 5] = (byte) (length >>> 8);
        System.arraycopy(buffer, offset, bytes, size + ENTRY_HEADER, length);
        size += ENTRY_HEADER + length;
        count++;
    }

    private static void check(final String field, final int value, final int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("received message " + field + " " + value + " outside 0.." + max);
        }
    }

    /**
     * Writes the received-messages document, type byte first, up to its checksum trailer.
     *
     * @param out   where to
     * @param frame the frame the messages belong to
     */
    void writeMarshallable(final BytesOut<?> out, final long frame) {
        out.writeByte(TraceFormat.RECEIVED);
        out.writeByte(TraceFormat.DOCUMENT_VERSION);
        out.writeLong(frame);
        out.writeInt(count);
        out.write(bytes, 0, size);
    }

    /**
     * Reads a received-messages document whose type and version bytes have been consumed into this buffer
     * (replacing what it held).
     *
     * @param in positioned after the version byte, limited to the document without its trailer
     * @return the frame the messages belong to
     * @throws BadDocument if a count or length does not fit the document
     */
    long readMarshallable(final BytesIn<?> in) throws BadDocument {
        clear();
        final long frame = in.readLong();
        final int messages = in.readInt();
        if (messages < 0 || (long) messages * ENTRY_HEADER > in.readRemaining()) {
            throw new BadDocument("count", "count " + messages + " is negative or longer than the document");
        }
        final int body = (int) in.readRemaining();
        if (body > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, body));
        }
        in.read(bytes, 0, body);
        int at = 0;
        for (int m = 0; m < messages; m++) {
            if (at + ENTRY_HEADER > body) {
                throw new BadDocument("messages[" + m + "]", "ends before its fixed fields");
            }
            if (bytes[at + 3] != TraceFormat.IN_TIME && bytes[at + 3] != TraceFormat.LATE) {
                throw new BadDocument("messages[" + m + "].timing", "value " + bytes[at + 3] + ", expected 0 or 1");
            }
            at += ENTRY_HEADER + length(at);
            if (at > body) {
                throw new BadDocument("messages[" + m + "].length", "longer than the document");
            }
        }
        if (at != body) {
            throw new BadDocument("received (whole document)", (body - at) + " bytes left after the last message");
        }
        size = body;
        count = messages;
        return frame;
    }

    private int length(final int at) {
        return (bytes[at + 4] & 0xFF) | (bytes[at + 5] & 0xFF) << 8;
    }

    /**
     * Hands every message, in order, to an observer.
     *
     * @param frame    the frame they belong to
     * @param observer who gets them
     */
    void replay(final long frame, final ExchangeObserver observer) {
        int at = 0;
        for (int m = 0; m < count; m++) {
            final int length = length(at);
            observer.onReceived(frame, bytes[at] & 0xFF, bytes[at + 1] & 0xFF, bytes[at + 2] & 0xFF, bytes,
                at + ENTRY_HEADER, length, bytes[at + 3] == TraceFormat.LATE);
            at += ENTRY_HEADER + length;
        }
    }
}
