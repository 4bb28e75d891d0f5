package org.bftvote.sim.trace;

import java.util.zip.CRC32C;

import net.openhft.chronicle.bytes.Bytes;

/**
 * The CRC-32C trailer of a document ({@link TraceFormat}): computed over a document's bytes as they sit in the
 * queue, one byte at a time from a reused {@link CRC32C}, so sealing and checking allocate nothing. Not thread safe.
 */
final class DocumentChecksum {
    private final CRC32C crc = new CRC32C();

    /**
     * @param bytes the document's buffer
     * @param from  first byte (the type byte)
     * @param to    one past the last byte covered
     * @return the CRC-32C of {@code bytes[from, to)}
     */
    int of(final Bytes<?> bytes, final long from, final long to) {
        crc.reset();
        for (long i = from; i < to; i++) {
            crc.update(bytes.readUnsignedByte(i));
        }
        return (int) crc.getValue();
    }

    /**
     * Appends the trailer to a document written from {@code start} to the current write position.
     *
     * @param out   the document being written
     * @param start position of its type byte
     */
    void seal(final Bytes<?> out, final long start) {
        out.writeInt(of(out, start, out.writePosition()));
    }
}
