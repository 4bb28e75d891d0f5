package org.bftvote.sim.trace;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.yaml.IoReasons;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.IORuntimeException;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a trace ({@link TraceFormat}) back: {@link #open(Path)} reads and checks the header, {@link #read} hands
 * every exclusion and frame, in recorded order, to observers (one reused {@link FrameSample}), and the received
 * exchange messages to an {@link ExchangeObserver}.
 *
 * <p>Damage is read around, not refused: a document whose checksum trailer does not match its bytes is skipped and
 * counted, and reading goes on, so every intact frame is handed on; end-document counts or a frame checksum that do
 * not match an otherwise intact trace count as damage too (documents were removed); a queue whose own framing
 * breaks ends the read there. {@link TraceSummary} names the first damaged document and the last frame before it.
 * A trace without an end document is not an error either: {@link TraceSummary#truncated()} says so.
 *
 * <p>What is refused, with a {@link TraceException} naming the trace directory, the document index (0 = header) and
 * the field: not a directory, no Chronicle queue in it, a first document that is not an intact bftvote header, an
 * unsupported format version, an intact document that does not decode, frames out of order, a document after the
 * end. Not thread safe.
 */
public final class TraceReader implements AutoCloseable {
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final TraceHeader header;
    private final DocumentChecksum trailer = new DocumentChecksum();
    private ExchangeObserver exchange = ExchangeObserver.NONE;
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
                if (in.readRemaining() > 0 && in.readByte(in.readPosition()) >= 2 && !intact(in)) {
                    throw new BadDocument("crc32c", "damaged: the header's checksum does not match its bytes");
                }
                this.header = TraceHeader.readMarshallable(in);
            } catch (final BadDocument e) {
                throw new TraceException(dir, 0, e.field(), e.problem());
            } catch (final InvalidConfigException e) {
                throw new TraceException(dir, 0, e.parameter(), "invalid run description: " + e.getMessage());
            } catch (final RuntimeException e) {
                throw new TraceException(dir, 0, "header", "does not decode as a bftvote trace header");
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
            throw new TraceException(dir, TraceException.NO_DOCUMENT, "", "cannot list the directory: "
                + IoReasons.reason(e));
        }
        final SingleChronicleQueue queue;
        try {
            queue = TraceQueues.open(dir, true);
        } catch (final RuntimeException e) {
            throw new TraceException(dir, TraceException.NO_DOCUMENT, "",
                "not a readable Chronicle Queue: " + detail(e));
        }
        try {
            return new TraceReader(dir, queue);
        } catch (final TraceException | RuntimeException e) {
            queue.close();
            if (e instanceof TraceException) {
                throw (TraceException) e;
            }
            final String io = IoReasons.reasonInChain(e);
            throw new TraceException(dir, 0, "", "not a readable Chronicle Queue" + (io != null ? ": " + io : ""));
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
     * @param observer who receives the recorded exchange messages during {@link #read}; by default nobody
     * @return this
     */
    public TraceReader exchange(final ExchangeObserver observer) {
        this.exchange = observer;
        return this;
    }

    /**
     * Reads every document after the header, handing each exclusion and frame to every observer in turn (and the
     * received messages to the {@link #exchange} observer). A damaged document (its checksum does not match its
     * bytes) is skipped and counted, and reading goes on: every intact frame is handed on. Called once per reader.
     *
     * @param observers who receive the run, in this order
     * @return frames and exclusions read, whether the trace is truncated, and what was damaged
     * @throws TraceException if an intact document does not decode, or frames come out of order
     * @throws IllegalStateException if called a second time
     */
    public TraceSummary read(final FrameObserver... observers) throws TraceException {
        if (read) {
            throw new IllegalStateException("trace " + dir + " already read");
        }
        read = true;
        final Pass pass = new Pass(observers);
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    break;
                }
                pass.document++;
                pass.onDocument(dc.wire().bytes());
            } catch (final TraceException e) {
                throw e;
            } catch (final RuntimeException e) {
                // The queue's own framing is broken (a file cut or overwritten): nothing after it can be found.
                pass.damage();
                break;
            }
        }
        return pass.summary();
    }

    /** @return whether the document's trailer matches its bytes; on success the read limit excludes the trailer */
    private boolean intact(final Bytes<?> in) {
        final long start = in.readPosition() - 1;
        final long end = in.readLimit() - TraceFormat.TRAILER_BYTES;
        if (end < in.readPosition()) {
            return false;
        }
        final int recorded = in.readInt(end);
        if (recorded != trailer.of(in, start, end)) {
            return false;
        }
        in.readLimit(end);
        return true;
    }

    /** The state of one {@link #read}: counts, the last frame, damage found. */
    private final class Pass {
        private final FrameObserver[] observers;
        private final FrameSample sample = new FrameSample(header.descriptor());
        private final byte documentVersion = (byte) header.formatVersion();
        private final boolean trailers = header.formatVersion() >= 2;
        private final FrameCodec codec = new FrameCodec(sample.lanes(), sample.signals(), sample.messageOutcomes(),
            documentVersion);
        private final CRC32C checksum = new CRC32C();
        private final StringBuilder reason = new StringBuilder();
        private final ReceivedBuffer received = new ReceivedBuffer();
        private long document;
        private long frames;
        private long exclusions;
        private long lastFrame = Long.MIN_VALUE;
        private boolean ended;
        private long damaged;
        private long firstDamaged = TraceSummary.NONE;
        private long frameBeforeDamage = TraceSummary.NONE;

        Pass(final FrameObserver[] observers) {
            this.observers = observers;
        }

        void damage() {
            if (damaged++ == 0) {
                firstDamaged = document;
                frameBeforeDamage = frames > 0 ? lastFrame : TraceSummary.NONE;
            }
        }

        TraceSummary summary() {
            return new TraceSummary(frames, exclusions, !ended, damaged, firstDamaged, frameBeforeDamage);
        }

        void onDocument(final Bytes<?> in) throws TraceException {
            try {
                final long start = in.readPosition();
                if (in.readRemaining() < 2) {
                    throw new BadDocument("type", "a document of " + in.readRemaining() + " bytes");
                }
                final byte type = in.readByte();
                if (trailers && !intact(in)) {
                    damage();
                    return;
                }
                if (ended) {
                    throw new BadDocument("type", "a " + TraceFormat.typeName(type) + " document after the end "
                        + "document");
                }
                switch (type) {
                    case TraceFormat.FRAME -> onFrame(in, start);
                    case TraceFormat.EXCLUSION -> onExclusion(in);
                    case TraceFormat.RECEIVED -> onReceived(in);
                    case TraceFormat.END -> onEnd(in);
                    default -> throw new BadDocument("type", "unexpected " + TraceFormat.typeName(type)
                        + " document");
                }
            } catch (final BadDocument e) {
                throw new TraceException(dir, document, e.field(), e.problem());
            } catch (final BufferUnderflowException e) {
                throw new TraceException(dir, document, "", "document ends before its last field");
            } catch (final IllegalArgumentException | IllegalStateException | ArithmeticException
                           | IORuntimeException e) {
                // ArithmeticException, IORuntimeException: a length or text Chronicle's decoding refuses; the
                // string fields name themselves (BadDocument.undecodableString), this is the net under the rest.
                throw new TraceException(dir, document, "", "does not decode: " + detail(e));
            }
        }

        private void onFrame(final Bytes<?> in, final long start) throws BadDocument {
            final long end = in.readLimit() + (trailers ? TraceFormat.TRAILER_BYTES : 0);
            for (long i = start; i < end; i++) {
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
        }

        private void onExclusion(final Bytes<?> in) throws BadDocument {
            version(in, documentVersion);
            final long frame = in.readLong();
            final int lane = in.readInt();
            final int signal = in.readInt();
            final int channel = in.readInt();
            reason.setLength(0);
            final boolean present;
            try {
                present = in.readUtf8(reason);
            } catch (final ArithmeticException | IllegalArgumentException | BufferUnderflowException
                           | IORuntimeException e) {
                throw BadDocument.undecodableString("reason", e);
            }
            if (!present) {
                throw new BadDocument("reason", "missing (null string)");
            }
            remainingNone(in, "exclusion");
            final String why = reason.toString();
            exclusions++;
            for (final FrameObserver o : observers) {
                o.onExclusion(frame, lane, signal, channel, why);
            }
        }

        private void onReceived(final Bytes<?> in) throws BadDocument {
            version(in, documentVersion);
            final long frame = received.readMarshallable(in);
            received.replay(frame, exchange);
        }

        private void onEnd(final Bytes<?> in) throws BadDocument {
            version(in, documentVersion);
            final long endFrames = in.readLong();
            final long endExclusions = in.readLong();
            final int crc = in.readInt();
            remainingNone(in, "end");
            ended = true;
            if (damaged > 0) {
                return; // the counts and the checksum cannot match a trace read around damage
            }
            if (endFrames != frames || endExclusions != exclusions || crc != (int) checksum.getValue()) {
                // Every document read was intact, so documents before the end are missing or were replaced whole.
                damage();
            }
        }
    }

    private static void version(final Bytes<?> in, final byte expected) throws BadDocument {
        final byte version = in.readByte();
        if (version != expected) {
            throw new BadDocument("version", "document layout version " + version + ", expected " + expected);
        }
    }

    private static void remainingNone(final Bytes<?> in, final String what) throws BadDocument {
        if (in.readRemaining() != 0) {
            throw new BadDocument(what + " (whole document)", in.readRemaining()
                + " bytes left after the last field");
        }
    }

    /** Closes the queue. */
    @Override
    public void close() {
        tailer.close();
        queue.close();
    }

    /**
     * @param e a failure of the queue library or of decoding
     * @return what it says, or that it said nothing: a messageless failure must not print as "null"
     */
    static String detail(final RuntimeException e) {
        final String message = e.getMessage();
        return message == null || message.isBlank() ? "no further detail given" : message;
    }
}
