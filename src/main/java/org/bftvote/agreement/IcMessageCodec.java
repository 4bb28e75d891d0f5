package org.bftvote.agreement;

import java.util.zip.CRC32C;

/**
 * Structural checks and sealing of {@link IcMessage} bytes: length, version and CRC-32C. Holds one reused
 * {@link CRC32C}, so it never allocates; not thread safe (one per lane).
 *
 * <p>These checks say only that the bytes are a well-formed message; whether the message fits this lane, frame and
 * round is {@link AgreementLane}'s job.
 */
public final class IcMessageCodec {
    /** Returned by {@link #verify} for a well-formed message. */
    public static final int WELL_FORMED = 0;

    private final CRC32C crc = new CRC32C();

    /** Creates a codec with its own checksum state. */
    public IcMessageCodec() {
    }

    /**
     * Checks, in this order: at least {@link IcMessage#MIN_LENGTH} bytes, the version, the length against the entry
     * count, the CRC. Never throws for any content; the caller guarantees only that
     * {@code [offset, offset + length)} lies inside {@code buffer}.
     *
     * @param buffer bytes received
     * @param offset message start
     * @param length bytes received
     * @return {@link #WELL_FORMED}, or the {@link DropReason#code()} of {@link DropReason#TRUNCATED},
     *         {@link DropReason#UNSUPPORTED_VERSION}, {@link DropReason#LENGTH_MISMATCH} or {@link DropReason#BAD_CRC}
     */
    public int verify(final byte[] buffer, final int offset, final int length) {
        if (length < IcMessage.MIN_LENGTH) {
            return DropReason.TRUNCATED.code();
        }
        if (IcMessage.version(buffer, offset) != IcMessage.VERSION) {
            return DropReason.UNSUPPORTED_VERSION.code();
        }
        final int count = IcMessage.entryCount(buffer, offset);
        if (length != IcMessage.length(count)) {
            return DropReason.LENGTH_MISMATCH.code();
        }
        final int crcOffset = IcMessage.crcOffset(offset, count);
        if (IcMessage.crc32c(crc, buffer, offset, crcOffset - offset) != IcMessage.storedCrc(buffer, crcOffset)) {
            return DropReason.BAD_CRC.code();
        }
        return WELL_FORMED;
    }

    /**
     * Writes the CRC trailer over the header and the entries already in place.
     *
     * @param buffer message bytes
     * @param offset message start
     * @return total message length
     */
    public int seal(final byte[] buffer, final int offset) {
        return IcMessage.seal(crc, buffer, offset);
    }
}
