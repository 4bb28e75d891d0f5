package org.bftvote.sim.trace;

import org.bftvote.sim.run.FrameSample;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * Writes and reads the frame document ({@link TraceFormat}, type {@code 'F'}) of one run shape. Writing and reading
 * a good document allocate nothing. Not thread safe (stateless apart from the shape, so one per thread is cheap).
 */
final class FrameCodec {
    private final int lanes;
    private final int signals;
    private final int outcomes;
    private final long allLanes;
    private final long bodyBytes;
    private final byte documentVersion;

    /**
     * A codec for the current format.
     *
     * @param lanes    lanes of the run
     * @param signals  signals of the run
     * @param outcomes message outcomes of the run
     */
    FrameCodec(final int lanes, final int signals, final int outcomes) {
        this(lanes, signals, outcomes, TraceFormat.DOCUMENT_VERSION);
    }

    /**
     * @param lanes           lanes of the run
     * @param signals         signals of the run
     * @param outcomes        message outcomes of the run
     * @param documentVersion the layout version the trace's documents carry (1 or {@link TraceFormat#DOCUMENT_VERSION})
     */
    FrameCodec(final int lanes, final int signals, final int outcomes, final byte documentVersion) {
        this.lanes = lanes;
        this.signals = signals;
        this.outcomes = outcomes;
        this.allLanes = lanes == Long.SIZE ? -1L : (1L << lanes) - 1;
        this.bodyBytes = TraceFormat.frameDocumentBytes(lanes, signals, outcomes) - TraceFormat.TRAILER_BYTES;
        this.documentVersion = documentVersion;
    }

    /**
     * Writes the frame document, type byte first, up to (not including) its checksum trailer.
     *
     * @param out    where to
     * @param sample the frame, of this codec's shape
     */
    void writeMarshallable(final BytesOut<?> out, final FrameSample sample) {
        out.writeByte(TraceFormat.FRAME);
        out.writeByte(TraceFormat.DOCUMENT_VERSION);
        out.writeLong(sample.frame());
        out.writeDouble(sample.timeS());
        for (int s = 0; s < signals; s++) {
            out.writeDouble(sample.truth(s));
        }
        for (int l = 0; l < lanes; l++) {
            for (int s = 0; s < signals; s++) {
                out.writeDouble(sample.sensor(l, s));
                out.writeByte((byte) ((sample.sensorValid(l, s) ? TraceFormat.FLAG_VALID : 0)
                    | (sample.sensorFresh(l, s) ? TraceFormat.FLAG_FRESH : 0)));
                out.writeDouble(sample.output(l, s));
                out.writeInt(sample.status(l, s));
                out.writeLong(sample.healthMask(l, s));
            }
        }
        for (int l = 0; l < lanes; l++) {
            out.writeLong(sample.excludedLanes(l));
        }
        out.writeLong(sample.oracleHealthyLanes());
        for (int s = 0; s < signals; s++) {
            out.writeLong(sample.oracleFaultyChannels(s));
        }
        for (int m = 0; m < outcomes; m++) {
            out.writeLong(sample.messages(m));
        }
        out.writeByte((byte) (sample.hypothesisExceeded() ? 1 : 0));
    }

    /**
     * Reads a frame document whose type byte has been consumed, into {@code into} (which it fills completely).
     *
     * @param in   positioned after the type byte; {@code readRemaining} is the rest of the document without its
     *             checksum trailer
     * @param into the sample to fill, of this codec's shape
     * @throws BadDocument if the document has the wrong size or version, or a field holds an impossible value
     */
    void readMarshallable(final BytesIn<?> in, final FrameSample into) throws BadDocument {
        if (in.readRemaining() != bodyBytes - 1) {
            throw new BadDocument("frame (whole document)", "length " + (in.readRemaining() + 1)
                + " bytes before the checksum, expected " + bodyBytes + " for " + lanes + " lanes, " + signals
                + " signals, " + outcomes + " message outcomes");
        }
        final byte version = in.readByte();
        if (version != documentVersion) {
            throw new BadDocument("version", "document layout version " + version + ", expected "
                + documentVersion);
        }
        into.begin(in.readLong(), in.readDouble());
        for (int s = 0; s < signals; s++) {
            into.truth(s, in.readDouble());
        }
        for (int l = 0; l < lanes; l++) {
            for (int s = 0; s < signals; s++) {
                final double reading = in.readDouble();
                final int flags = in.readByte();
                if ((flags & ~(TraceFormat.FLAG_VALID | TraceFormat.FLAG_FRESH)) != 0) {
                    throw new BadDocument("sensor_flags[lane " + l + "][signal " + s + "]",
                        "value " + flags + ", expected 0 to 3");
                }
                into.sensor(l, s, reading, (flags & TraceFormat.FLAG_VALID) != 0,
                    (flags & TraceFormat.FLAG_FRESH) != 0);
                final double output = in.readDouble();
                final int status = in.readInt();
                into.output(l, s, output, status, in.readLong());
            }
        }
        for (int l = 0; l < lanes; l++) {
            into.excludedLanes(l, in.readLong());
        }
        final long healthy = in.readLong();
        if ((healthy & ~allLanes) != 0) {
            throw new BadDocument("oracle_healthy_lanes", "bits beyond the run's " + lanes + " lanes set: 0x"
                + Long.toHexString(healthy));
        }
        into.oracleHealthyLanes(healthy);
        for (int s = 0; s < signals; s++) {
            final long faulty = in.readLong();
            if ((faulty & ~allLanes) != 0) {
                throw new BadDocument("oracle_faulty_channels[signal " + s + "]", "bits beyond the run's " + lanes
                    + " channels set: 0x" + Long.toHexString(faulty));
            }
            into.oracleFaultyChannels(s, faulty);
        }
        for (int m = 0; m < outcomes; m++) {
            into.addMessages(m, in.readLong());
        }
        final int exceeded = in.readByte();
        if (exceeded != 0 && exceeded != 1) {
            throw new BadDocument("hypothesis_exceeded", "value " + exceeded + ", expected 0 or 1");
        }
        into.hypothesisExceeded(exceeded == 1);
    }
}
