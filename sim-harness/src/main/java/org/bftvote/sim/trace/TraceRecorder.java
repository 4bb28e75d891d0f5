package org.bftvote.sim.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.MessageTap;
import org.bftvote.sim.run.RunDescriptor;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Records a run as a trace ({@link TraceFormat}): a {@link FrameObserver} that appends every exclusion and every
 * frame to a Chronicle queue as it arrives, and, when the host reports them through {@link #onReceived}, every
 * exchange message each lane received, so the lanes' agreement, diagnosis and votes can be re-run from the trace.
 * Every document ends with its own checksum.
 *
 * <p>Recording received messages (a simulation, or a rig whose lanes run elsewhere): before handing frame
 * {@code f} to {@link #onFrame}, call {@link #onReceived} once per message a lane received in frame {@code f}, in
 * the order that lane received them, with the round it was received in and whether it came after that round
 * closed. {@code onFrame} then writes them as one received-messages document before the frame document.
 *
 * <p>Use: {@link #open(Path, RunDescriptor)}, feed it like any other observer, call {@link #finish()} when the run
 * completed, then {@link #close()} (try-with-resources). A run that stops early (an exception skips
 * {@code finish()}) leaves a trace without an end document, which {@link TraceReader} reads as <em>truncated</em>:
 * every document appended before is already in the queue's memory-mapped file and stays readable, even if the
 * process dies.
 *
 * <p>Footprint: {@link #onFrame} appends one fixed-size binary document and allocates nothing once warm (the
 * checksum is a reused {@link CRC32C}); {@link #onExclusion} writes the reason string (rare). Single-threaded:
 * every call must come from the thread that opened the recorder (Chronicle's appender is per thread).
 */
public final class TraceRecorder implements FrameObserver, MessageTap, AutoCloseable {
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final FrameCodec codec;
    private final int lanes;
    private final int signals;
    private final int outcomes;
    private final CRC32C checksum = new CRC32C();
    private final DocumentChecksum trailer = new DocumentChecksum();
    private final ReceivedBuffer received = new ReceivedBuffer();
    private long frames;
    private long exclusions;
    private boolean finished;
    private boolean closed;

    private TraceRecorder(final Path dir, final TraceHeader header) {
        this.dir = dir;
        final RunDescriptor d = header.descriptor();
        this.lanes = d.lanes();
        this.signals = d.signalCount();
        this.outcomes = d.messageOutcomes().size();
        this.codec = new FrameCodec(lanes, signals, outcomes);
        this.queue = TraceQueues.open(dir, false);
        this.appender = queue.createAppender();
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            header.writeMarshallable(out);
            trailer.seal(out, start);
        }
    }

    /**
     * Starts a trace with no validity tolerance recorded (the {@code RunMetrics(descriptor)} default).
     *
     * @param dir        the trace directory: must not exist or be empty
     * @param descriptor the run
     * @return the recorder, header written
     * @throws IOException if the directory exists and is not empty, or cannot be created
     */
    public static TraceRecorder open(final Path dir, final RunDescriptor descriptor) throws IOException {
        return open(dir, descriptor, new double[descriptor.signalCount()]);
    }

    /**
     * Starts a trace whose replays use the given validity tolerances (pass the ones given to the live
     * {@code RunMetrics}, so replayed metrics match the live ones).
     *
     * @param dir               the trace directory: must not exist or be empty
     * @param descriptor        the run
     * @param validityTolerance per signal, as given to {@code RunMetrics}
     * @return the recorder, header written
     * @throws IOException if the directory exists and is not empty, or cannot be created
     */
    public static TraceRecorder open(final Path dir, final RunDescriptor descriptor,
        final double[] validityTolerance) throws IOException {
        return open(dir, descriptor, validityTolerance, "");
    }

    /**
     * Starts a trace that also records the lanes' resolved configuration, so that their decisions can be re-run
     * from the received messages ({@link #onReceived}).
     *
     * @param dir               the trace directory: must not exist or be empty
     * @param descriptor        the run
     * @param validityTolerance per signal, as given to {@code RunMetrics}
     * @param configuration     the lanes' resolved configuration as YAML (empty for none)
     * @return the recorder, header written
     * @throws IOException if the directory exists and is not empty, or cannot be created
     */
    public static TraceRecorder open(final Path dir, final RunDescriptor descriptor,
        final double[] validityTolerance, final String configuration) throws IOException {
        final TraceHeader header = new TraceHeader(TraceFormat.FORMAT_VERSION, descriptor, validityTolerance,
            configuration);
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("trace " + dir + ": exists and is not a directory");
            }
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("trace " + dir + ": directory is not empty (a trace is never appended to)");
                }
            }
        }
        Files.createDirectories(dir);
        return new TraceRecorder(dir, header);
    }

    /** @return the trace directory */
    public Path directory() {
        return dir;
    }

    /** @return frame documents written so far */
    public long framesWritten() {
        return frames;
    }

    @Override
    public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
        final String reason) {
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            out.writeByte(TraceFormat.EXCLUSION);
            out.writeByte(TraceFormat.DOCUMENT_VERSION);
            out.writeLong(frame);
            out.writeInt(observingLane);
            out.writeInt(signal);
            out.writeInt(channel);
            out.writeUtf8(reason);
            trailer.seal(out, start);
        }
        exclusions++;
    }

    /**
     * One exchange message a lane received in the frame about to be handed to {@link #onFrame}: call it in the order
     * the lane received its messages. The bytes are copied; nothing is allocated once the buffer has grown to a
     * frame's traffic.
     *
     * @param lane   the receiving lane
     * @param round  the round during which it was received (1 to m + 1)
     * @param link   the link it arrived on: the sender as the receiver's transport identifies it
     * @param buffer the message as the receiver got it
     * @param offset its first byte
     * @param length its length (0 to 65,535)
     * @param late   whether it arrived after the round closed
     * @throws IllegalArgumentException if a field does not fit the format (lane, round or link over 255, length
     *                                  over 65,535)
     */
    @Override
    public void onReceived(final int lane, final int round, final int link, final byte[] buffer, final int offset,
        final int length, final boolean late) {
        received.add(lane, round, link, buffer, offset, length, late);
    }

    /**
     * Appends the frame document.
     *
     * @throws IllegalArgumentException if the sample has another run's shape (a wiring error)
     */
    @Override
    public void onFrame(final FrameSample sample) {
        if (sample.lanes() != lanes || sample.signals() != signals || sample.messageOutcomes() != outcomes) {
            throw new IllegalArgumentException("frame sample of another run's shape");
        }
        if (received.count() > 0) {
            try (DocumentContext dc = appender.writingDocument()) {
                final Bytes<?> out = dc.wire().bytes();
                final long start = out.writePosition();
                received.writeMarshallable(out, sample.frame());
                trailer.seal(out, start);
            }
            received.clear();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            codec.writeMarshallable(out, sample);
            trailer.seal(out, start);
            final long end = out.writePosition();
            for (long i = start; i < end; i++) {
                checksum.update(out.readUnsignedByte(i));
            }
        }
        frames++;
    }

    /**
     * Writes the end document (frames, exclusions, checksum): the run completed. Called once; a trace without it
     * reads as truncated.
     *
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    public void finish() {
        if (finished || closed) {
            throw new IllegalStateException("trace " + dir + " already finished or closed");
        }
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            out.writeByte(TraceFormat.END);
            out.writeByte(TraceFormat.DOCUMENT_VERSION);
            out.writeLong(frames);
            out.writeLong(exclusions);
            out.writeInt((int) checksum.getValue());
            trailer.seal(out, start);
        }
        finished = true;
    }

    /** Closes the queue; without {@link #finish()} first the trace stays truncated (everything written is kept). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            appender.close();
            queue.close();
        }
    }
}
