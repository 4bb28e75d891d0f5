package org.bftvote.sim.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a trace ({@link TraceFormat}) back: {@link #open(Path)} reads and checks the header, {@link #read} hands
 * every exclusion and frame, in recorded order, to observers (one reused {@link FrameSample}) and checks the end
 * document's counts and checksum.
 *
 * <p>Every problem is a {@link TraceException} whose message names the trace directory, the document index
 * (0 = header) and the field: not a directory, no Chronicle queue in it, a first document that is not a bftvote
 * header, an unsupported format version, a document that does not decode, frames out of order, a document after the
 * end, or counts or checksum that do not match. Since the checksum is checked at the end, observers may have seen
 * frames of a trace that then fails: discard what they computed. A trace without an end document is not an error:
 * {@link TraceSummary#truncated()} says so. Not thread safe.
 */
public final class TraceReader implements AutoCloseable {
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final TraceHeader header;
    private boolean read;

    private TraceReader(final Path dir, final SingleChronicleQueue queue) throws TraceException {
        this.dir = dir;
        this.queue = queue;
        this.tailer = queue.createTailer();
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new TraceException(dir, 0, "", "not a bftvote trace: the queue holds no document");
            }
            final Bytes<?> in = dc.wire().bytes();
            try {
                final byte type = in.readByte();
                if (type != TraceFormat.HEADER) {
                    throw new BadDocument("type", "not a bftvote trace: the first document is not a header ("
                        + TraceFormat.typeName(type) + ")");
                }
                this.header = TraceHeader.readMarshallable(in);
            } catch (final BadDocument e) {
                throw new TraceException(dir, 0, e.field(), e.problem());
            } catch (final InvalidConfigException e) {
                throw new TraceException(dir, 0, e.parameter(), "invalid run description: " + e.getMessage());
            } catch (final RuntimeException e) {
                throw new TraceException(dir, 0, "header", "does not decode: " + e);
            }
        }
    }

    /**
     * Opens a trace and reads its header.
     *
     * @param dir the trace directory
     * @return the reader; close it
     * @throws TraceException if the directory is missing, holds no Chronicle queue, or its header is bad
     */
    public static TraceReader open(final Path dir) throws TraceException {
        if (!Files.isDirectory(dir)) {
            throw new TraceException(dir, TraceException.NO_DOCUMENT, "",
                Files.exists(dir) ? "not a directory" : "no such directory");
        }
        try (var files = Files.list(dir)) {
            if (files.noneMatch(p -> p.getFileName().toString().endsWith(".cq4"))) {
                throw new TraceException(dir, TraceException.NO_DOCUMENT, "",
                    "not a trace: the directory holds no Chronicle Queue file (*.cq4)");
            }
        } catch (final IOException e) {
            throw new TraceException(dir, TraceException.NO_DOCUMENT, "", "cannot list the directory: " + e);
        }
        final SingleChronicleQueue queue;
        try {
            queue = TraceQueues.open(dir, true);
        } catch (final RuntimeException e) {
            throw new TraceException(dir, TraceException.NO_DOCUMENT, "",
                "not a readable Chronicle Queue: " + e.getMessage());
        }
        try {
            return new TraceReader(dir, queue);
        } catch (final TraceException | RuntimeException e) {
            queue.close();
            if (e instanceof TraceException) {
                throw (TraceException) e;
            }
            throw new TraceException(dir, 0, "", "not a readable Chronicle Queue: " + e);
        }
    }

    /** @return the trace directory */
    public Path directory() {
        return dir;
    }

    /** @return the header: format version, run descriptor, validity tolerances */
    public TraceHeader header() {
        return header;
    }

    /**
     * Reads every document after the header, handing each exclusion and frame to every observer in turn. Called
     * once per reader.
     *
     * @param observers who receive the run, in this order
     * @return frames and exclusions read, and whether the trace is truncated
     * @throws TraceException if a document is bad or the end document does not match what was read
     * @throws IllegalStateException if called a second time
     */
    public TraceSummary read(final FrameObserver... observers) throws TraceException {
        if (read) {
            throw new IllegalStateException("trace " + dir + " already read");
        }
        read = true;
        final FrameSample sample = new FrameSample(header.descriptor());
        final FrameCodec codec = new FrameCodec(sample.lanes(), sample.signals(), sample.messageOutcomes());
        final CRC32C checksum = new CRC32C();
        final StringBuilder reason = new StringBuilder();
        long document = 0;
        long frames = 0;
        long exclusions = 0;
        long lastFrame = Long.MIN_VALUE;
        boolean ended = false;
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                document++;
                final Bytes<?> in = dc.wire().bytes();
                try {
                    if (ended) {
                        throw new BadDocument("type", "a " + TraceFormat.typeName(in.readByte())
                            + " document after the end document");
                    }
                    final long start = in.readPosition();
                    final byte type = in.readByte();
                    if (type == TraceFormat.FRAME) {
                        for (long i = start; i < in.readLimit(); i++) {
                            checksum.update(in.readUnsignedByte(i));
                        }
                        codec.readMarshallable(in, sample);
                        if (frames > 0 && sample.frame() <= lastFrame) {
                            throw new BadDocument("frame", "frame " + sample.frame() + " after frame " + lastFrame
                                + " (frames must increase)");
                        }
                        lastFrame = sample.frame();
                        frames++;
                        for (final FrameObserver o : observers) {
                            o.onFrame(sample);
                        }
                    } else if (type == TraceFormat.EXCLUSION) {
                        version(in);
                        final long frame = in.readLong();
                        final int lane = in.readInt();
                        final int signal = in.readInt();
                        final int channel = in.readInt();
                        reason.setLength(0);
                        if (!in.readUtf8(reason)) {
                            throw new BadDocument("reason", "missing (null string)");
                        }
                        remainingNone(in, "exclusion");
                        final String why = reason.toString();
                        exclusions++;
                        for (final FrameObserver o : observers) {
                            o.onExclusion(frame, lane, signal, channel, why);
                        }
                    } else if (type == TraceFormat.END) {
                        version(in);
                        final long endFrames = in.readLong();
                        final long endExclusions = in.readLong();
                        final int crc = in.readInt();
                        remainingNone(in, "end");
                        check("frames", endFrames, frames);
                        check("exclusions", endExclusions, exclusions);
                        if (crc != (int) checksum.getValue()) {
                            throw new BadDocument("frames_crc32c", "checksum mismatch: recorded 0x"
                                + Integer.toHexString(crc) + ", computed over the frame documents 0x"
                                + Integer.toHexString((int) checksum.getValue())
                                + " (a frame document was altered)");
                        }
                        ended = true;
                    } else {
                        throw new BadDocument("type", "unexpected " + TraceFormat.typeName(type) + " document");
                    }
                } catch (final BadDocument e) {
                    throw new TraceException(dir, document, e.field(), e.problem());
                } catch (final java.nio.BufferUnderflowException e) {
                    throw new TraceException(dir, document, "", "document ends before its last field");
                } catch (final IllegalArgumentException | IllegalStateException e) {
                    throw new TraceException(dir, document, "", "does not decode: " + e.getMessage());
                }
            }
        }
        return new TraceSummary(frames, exclusions, !ended);
    }

    private static void version(final Bytes<?> in) throws BadDocument {
        final byte version = in.readByte();
        if (version != TraceFormat.DOCUMENT_VERSION) {
            throw new BadDocument("version", "document layout version " + version + ", expected "
                + TraceFormat.DOCUMENT_VERSION);
        }
    }

    private static void remainingNone(final Bytes<?> in, final String what) throws BadDocument {
        if (in.readRemaining() != 0) {
            throw new BadDocument(what + " (whole document)", in.readRemaining()
                + " bytes left after the last field");
        }
    }

    private static void check(final String field, final long recorded, final long read) throws BadDocument {
        if (recorded != read) {
            throw new BadDocument(field, "end document says " + recorded + ", the trace holds " + read);
        }
    }

    /** Closes the queue. */
    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
