package org.bftvote.sim.trace;

/**
 * The trace format: a Chronicle Queue directory holding, in order, one header document, then for every frame the
 * exclusion documents of that frame, the messages its lanes received (when recorded) and its frame document, and,
 * when the run finished, one end document. Every document is binary, written and read by hand (no self-describing
 * wire), in the platform's native byte order (little-endian on x86-64 and AArch64); strings are Chronicle's UTF-8
 * with a stop-bit length. Every document of format {@value #FORMAT_VERSION} ends with the CRC-32C of its own bytes,
 * so a damaged document is found where it is, and the documents around it still read.
 *
 * <pre>
 * every document:  byte type ('H', 'F', 'X', 'R' or 'E')  byte layout version ({@value #DOCUMENT_VERSION})
 *                  ... fields ...  int crc32c (of every byte of the document before it)
 *
 * 'H' header       utf8 magic "{@value #MAGIC}"  int format version ({@value #FORMAT_VERSION})
 *                  utf8 scenario  utf8 platform  long seed  double frame_rate_hz  int lanes  long duration_frames
 *                  utf8 fault_hypothesis
 *                  int signals,  per signal: utf8 name  utf8 unit  double validity_tolerance
 *                  int outcomes, per outcome: utf8 name
 *                  int faults,   per fault: utf8 id  utf8 target  utf8 kind  long onset_frame  int lane  int signal
 *                  utf8 configuration (the lanes' resolved configuration as YAML; empty when not recorded)
 *                  int recovery_bound_frames (the lanes' recovery bound; format 3 on)
 * 'F' frame        long frame  double time_s  double truth[signals]
 *                  per lane, per signal: double sensor  byte flags (bit 0 valid, bit 1 fresh)  double output
 *                                        int status  long health_mask
 *                  long excluded_lanes[lanes]  long oracle_healthy_lanes  long oracle_faulty_channels[signals]
 *                  long messages[outcomes]  byte hypothesis_exceeded (0 or 1)
 * 'X' exclusion    long frame  int observing_lane  int signal  int channel  utf8 reason
 * 'R' received     long frame  int count, per message, in the order the lanes received them:
 *                  byte lane (receiver)  byte round  byte link (the sender, as the receiver's link says)
 *                  byte timing (0 in time, 1 after its round closed)  short length  byte[length] message
 * 'E' end          long frames  long exclusions  int frames_crc32c
 * </pre>
 *
 * <p>{@code frames_crc32c} is the CRC-32C of the bytes of every frame document, type byte and trailer included, in
 * order. A trace without an end document is <em>truncated</em> (the run stopped early): it is read up to its last
 * complete document. A document whose trailer does not match its bytes is <em>damaged</em>: it is skipped and named,
 * and reading goes on with the next one.
 *
 * <p>Versioning: a reader reads the format versions it knows (1, without trailers, configuration or received
 * messages; 2, without the recovery bound; and {@value #FORMAT_VERSION}) and rejects others by name; any change to a
 * layout above increments {@link #FORMAT_VERSION}.
 */
public final class TraceFormat {
    /** First string of the header document. */
    public static final String MAGIC = "bftvote-trace";
    /** The format version this code writes. */
    public static final int FORMAT_VERSION = 3;
    /** The oldest format version this code still reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    /** Layout version carried by every document of format {@value #FORMAT_VERSION}. */
    public static final byte DOCUMENT_VERSION = 3;
    /** Bytes of the checksum trailer that ends every document of format {@value #FORMAT_VERSION}. */
    public static final int TRAILER_BYTES = Integer.BYTES;

    /** Header document type. */
    public static final byte HEADER = 'H';
    /** Frame document type. */
    public static final byte FRAME = 'F';
    /** Exclusion document type. */
    public static final byte EXCLUSION = 'X';
    /** End-of-run document type. */
    public static final byte END = 'E';
    /** Received-messages document type. */
    public static final byte RECEIVED = 'R';
    /** Timing of a received message: before its round closed. */
    public static final byte IN_TIME = 0;
    /** Timing of a received message: after its round closed. */
    public static final byte LATE = 1;

    /** Sensor flag bit: the reading was valid. */
    static final int FLAG_VALID = 1;
    /** Sensor flag bit: the reading was fresh. */
    static final int FLAG_FRESH = 2;

    private TraceFormat() {
    }

    /**
     * @param lanes    lanes
     * @param signals  signals
     * @param outcomes message outcomes
     * @return the exact size in bytes of a frame document of that shape, trailer included
     */
    public static long frameDocumentBytes(final int lanes, final int signals, final int outcomes) {
        final long perUnit = Double.BYTES + 1 + Double.BYTES + Integer.BYTES + Long.BYTES;
        return TRAILER_BYTES + 2L + Long.BYTES + Double.BYTES + (long) Double.BYTES * signals
            + perUnit * lanes * signals + (long) Long.BYTES * lanes + Long.BYTES + (long) Long.BYTES * signals
            + (long) Long.BYTES * outcomes + 1;
    }

    /**
     * @param type a document type byte
     * @return its name for messages
     */
    static String typeName(final byte type) {
        switch (type) {
            case HEADER:
                return "header";
            case FRAME:
                return "frame";
            case EXCLUSION:
                return "exclusion";
            case END:
                return "end";
            case RECEIVED:
                return "received";
            default:
                return "unknown type " + (type & 0xFF);
        }
    }
}
