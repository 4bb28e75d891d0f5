package org.bftvote.sim.trace;

import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.core.io.IORuntimeException;

/**
 * The header document ({@link TraceFormat}, type {@code 'H'}): the run's {@link RunDescriptor} and the per-signal
 * validity tolerances its metrics used, so a replay computes the same metrics, and (format 2) the lanes' resolved
 * configuration, so their decisions can be re-run from the messages they received.
 *
 * @param formatVersion     the trace format version
 * @param descriptor        the run
 * @param validityTolerance per signal, the validity tolerance of the run's metrics (a copy is kept)
 * @param configuration     the lanes' resolved configuration as YAML, empty when not recorded (always in format 1)
 */
public record TraceHeader(int formatVersion, RunDescriptor descriptor, double[] validityTolerance,
                          String configuration) {
    /**
     * A header without a recorded configuration.
     *
     * @param formatVersion     the trace format version
     * @param descriptor        the run
     * @param validityTolerance one tolerance per signal
     */
    public TraceHeader(final int formatVersion, final RunDescriptor descriptor, final double[] validityTolerance) {
        this(formatVersion, descriptor, validityTolerance, "");
    }

    /**
     * @param formatVersion     the trace format version
     * @param descriptor        the run
     * @param validityTolerance one tolerance per signal
     * @param configuration     the resolved configuration, empty for none
     * @throws InvalidConfigException if the tolerance array does not have one entry per signal
     */
    public TraceHeader {
        if (configuration == null) {
            throw new InvalidConfigException("configuration", "null", "a text, empty when not recorded");
        }
        if (validityTolerance.length != descriptor.signalCount()) {
            throw new InvalidConfigException("validity_tolerance.length", validityTolerance.length,
                "one tolerance per signal (" + descriptor.signalCount() + ")");
        }
        validityTolerance = validityTolerance.clone();
    }

    /** @return a copy of the per-signal validity tolerances */
    @Override
    public double[] validityTolerance() {
        return validityTolerance.clone();
    }

    /**
     * Writes the header document of the current format, type byte first, up to its checksum trailer.
     *
     * @param out where to
     */
    void writeMarshallable(final BytesOut<?> out) {
        out.writeByte(TraceFormat.HEADER);
        out.writeByte(TraceFormat.DOCUMENT_VERSION);
        out.writeUtf8(TraceFormat.MAGIC);
        out.writeInt(formatVersion);
        out.writeUtf8(descriptor.scenario());
        out.writeUtf8(descriptor.platform());
        out.writeLong(descriptor.seed());
        out.writeDouble(descriptor.frameRateHz());
        out.writeInt(descriptor.lanes());
        out.writeLong(descriptor.durationFrames());
        out.writeUtf8(descriptor.faultHypothesis());
        out.writeInt(descriptor.signalCount());
        for (int s = 0; s < descriptor.signalCount(); s++) {
            final SignalInfo signal = descriptor.signals().get(s);
            out.writeUtf8(signal.name());
            out.writeUtf8(signal.unit());
            out.writeDouble(validityTolerance[s]);
        }
        out.writeInt(descriptor.messageOutcomes().size());
        for (final String outcome : descriptor.messageOutcomes()) {
            out.writeUtf8(outcome);
        }
        out.writeInt(descriptor.faults().size());
        for (final InjectedFault fault : descriptor.faults()) {
            out.writeUtf8(fault.id());
            out.writeUtf8(fault.target());
            out.writeUtf8(fault.kind());
            out.writeLong(fault.onsetFrame());
            out.writeInt(fault.lane());
            out.writeInt(fault.signal());
        }
        out.writeUtf8(configuration);
        out.writeInt(descriptor.recoveryBoundFrames());
    }

    /**
     * Reads a header document whose type byte has been consumed.
     *
     * @param in positioned after the type byte, limited to the document without its checksum trailer
     * @return the header
     * @throws BadDocument if it is not a bftvote trace header, its format version is not supported, or a field does
     *                     not decode (a short document, a count beyond the document, a descriptor that is invalid)
     */
    static TraceHeader readMarshallable(final BytesIn<?> in) throws BadDocument {
        final byte version = in.readByte();
        final String magic = utf8(in, "magic");
        if (!TraceFormat.MAGIC.equals(magic)) {
            throw new BadDocument("magic", "not a bftvote trace: the first document does not start with \""
                + TraceFormat.MAGIC + "\"");
        }
        final int format = in.readInt();
        if (format < TraceFormat.OLDEST_FORMAT_VERSION || format > TraceFormat.FORMAT_VERSION) {
            throw new BadDocument("format_version", "unsupported trace format version " + format
                + " (this bftvote-sim reads versions " + TraceFormat.OLDEST_FORMAT_VERSION + " to "
                + TraceFormat.FORMAT_VERSION + ")");
        }
        if (version != format) {
            throw new BadDocument("version", "document layout version " + version + ", expected " + format
                + " in a trace of format " + format);
        }
        final RunDescriptor.Builder b = RunDescriptor.builder()
            .scenario(text(in, "scenario"))
            .platform(text(in, "platform"))
            .seed(in.readLong())
            .frameRateHz(in.readDouble())
            .lanes(in.readInt())
            .durationFrames(in.readLong())
            .faultHypothesis(text(in, "fault_hypothesis"));
        final int signals = count(in, "signals");
        final double[] tolerance = new double[signals];
        for (int s = 0; s < signals; s++) {
            b.signal(text(in, "signals[" + s + "].name"), text(in, "signals[" + s + "].unit"));
            tolerance[s] = in.readDouble();
        }
        final int outcomes = count(in, "message_outcomes");
        for (int m = 0; m < outcomes; m++) {
            b.messageOutcome(text(in, "message_outcomes[" + m + "]"));
        }
        final int faults = count(in, "faults");
        final List<InjectedFault> list = new ArrayList<>(faults);
        for (int f = 0; f < faults; f++) {
            final String id = text(in, "faults[" + f + "].id");
            final String target = text(in, "faults[" + f + "].target");
            final String kind = text(in, "faults[" + f + "].kind");
            list.add(new InjectedFault(id, target, kind, in.readLong(), in.readInt(), in.readInt()));
        }
        list.forEach(b::fault);
        final String configuration = format >= 2 ? text(in, "configuration") : "";
        if (format >= 3) {
            b.recoveryBoundFrames(in.readInt());
        }
        if (in.readRemaining() != 0) {
            throw new BadDocument("header (whole document)", in.readRemaining() + " bytes left after the last field");
        }
        return new TraceHeader(format, b.build(), tolerance, configuration);
    }

    /** Reads a string, {@code null} for a null marker; a length or bytes that do not decode name the field. */
    private static String utf8(final BytesIn<?> in, final String field) throws BadDocument {
        try {
            return in.readUtf8();
        } catch (final ArithmeticException | IllegalArgumentException | BufferUnderflowException
                       | IORuntimeException e) {
            throw BadDocument.undecodableString(field, e);
        }
    }

    private static String text(final BytesIn<?> in, final String field) throws BadDocument {
        final String s = utf8(in, field);
        if (s == null) {
            throw new BadDocument(field, "missing (null string)");
        }
        return s;
    }

    private static int count(final BytesIn<?> in, final String field) throws BadDocument {
        final int n = in.readInt();
        if (n < 0 || n > in.readRemaining()) {
            throw new BadDocument(field, "count " + n + " is negative or longer than the document");
        }
        return n;
    }
}
