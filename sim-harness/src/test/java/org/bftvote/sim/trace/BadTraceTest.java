package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.cli.ExitCodes;
import org.bftvote.sim.results.ExpectationsYaml;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import picocli.CommandLine;

/** Every kind of bad trace fails with a message naming the directory, the document and the field. */
@Tag("TRC-2")
class BadTraceTest {
    @TempDir
    Path tmp;

    private TraceException readFails(final Path dir) {
        return assertThrows(TraceException.class, () -> {
            try (TraceReader reader = TraceReader.open(dir)) {
                reader.read();
            }
        });
    }

    private static void assertMessage(final TraceException e, final Path dir, final String... parts) {
        assertTrue(e.getMessage().startsWith("trace " + dir), e.getMessage());
        for (final String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    /** Writes raw documents into a fresh queue. */
    private Path queueOf(final String name, final Consumer<ExcerptAppender> documents) {
        final Path dir = tmp.resolve(name);
        try (SingleChronicleQueue queue = TraceQueues.open(dir, false);
             ExcerptAppender appender = queue.createAppender()) {
            documents.accept(appender);
        }
        return dir;
    }

    private static void header(final ExcerptAppender appender, final RunDescriptor run) {
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            new TraceHeader(TraceFormat.FORMAT_VERSION, run, new double[run.signalCount()]).writeMarshallable(out);
            new DocumentChecksum().seal(out, start);
        }
    }

    /**
     * A frame document with one byte replaced (offset < 0: none) and {@code cut} bytes left off the end, its
     * checksum trailer then computed over what is left, so the document is intact and its content is what is bad.
     */
    private static void frame(final ExcerptAppender appender, final RunDescriptor run, final int offset,
        final byte value, final int cut) {
        final FrameSample sample = new FrameSample(run);
        LiveRun.fill(sample, new java.util.SplittableRandom(1), 0, new long[] {15, 15, 15, 15});
        final Bytes<?> scratch = Bytes.allocateElasticOnHeap(1024);
        new FrameCodec(run.lanes(), run.signalCount(), run.messageOutcomes().size()).writeMarshallable(scratch, sample);
        if (offset >= 0) {
            scratch.writeByte(offset, value);
        }
        scratch.writePosition(scratch.writePosition() - cut);
        new DocumentChecksum().seal(scratch, 0);
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(scratch, 0, scratch.writePosition());
        }
        scratch.releaseLast();
    }

    @Test
    void aFailureWithoutMessageIsNamedAsSuchNeverAsNull() {
        assertEquals("no further detail given", TraceReader.detail(new IllegalStateException()));
        assertEquals("no further detail given", TraceReader.detail(new IllegalArgumentException(" ")));
        assertEquals("index 7 out of range", TraceReader.detail(new IllegalStateException("index 7 out of range")));
    }

    @Test
    void missingDirectoryOrPlainFile() throws Exception {
        final Path missing = tmp.resolve("missing");
        assertMessage(readFails(missing), missing, "no such directory");
        final Path file = Files.writeString(tmp.resolve("file.txt"), "hello");
        assertMessage(readFails(file), file, "not a directory");
    }

    @Test
    void directoryWithoutQueue() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("frames.csv"), "frame,t\n");
        assertMessage(readFails(dir), dir, "not a trace", "*.cq4");
    }

    @Test
    void garbageQueueFile() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("garbage"));
        final byte[] junk = new byte[100_000];
        new java.util.Random(5).nextBytes(junk);
        Files.write(dir.resolve("19700101-F.cq4"), junk);
        final TraceException e = readFails(dir);
        assertMessage(e, dir);
    }

    @Test
    void queueThatIsNotATrace() {
        final Path dir = queueOf("other-queue", a -> {
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().bytes().writeUtf8("some other application's message");
            }
        });
        assertMessage(readFails(dir), dir, "document 0", "not a bftvote trace");
    }

    @Test
    void unsupportedFormatVersion() {
        final Path dir = queueOf("v4", a -> {
            try (DocumentContext dc = a.writingDocument()) {
                final Bytes<?> out = dc.wire().bytes();
                final long start = out.writePosition();
                out.writeByte(TraceFormat.HEADER);
                out.writeByte(TraceFormat.DOCUMENT_VERSION);
                out.writeUtf8(TraceFormat.MAGIC);
                out.writeInt(4);
                new DocumentChecksum().seal(out, start);
            }
        });
        final TraceException e = readFails(dir);
        assertMessage(e, dir, "document 0", "field format_version", "unsupported trace format version 4",
            "reads versions 1 to 3");
        assertEquals(0, e.document());
        assertEquals("format_version", e.field());
    }

    @Test
    void frameDocumentWithImpossibleFlags() {
        final RunDescriptor run = LiveRun.descriptor(10);
        // type, version, frame, time, 2 truths, then lane 0 signal 0: sensor (8 bytes), flags
        final int flags = 2 + 8 + 8 + 2 * 8 + 8;
        final Path dir = queueOf("bad-flags", a -> {
            header(a, run);
            frame(a, run, -1, (byte) 0, 0);
            frame(a, run, flags, (byte) 9, 0);
        });
        final TraceException e = readFails(dir);
        assertMessage(e, dir, "document 2", "field sensor_flags[lane 0][signal 0]", "value 9, expected 0 to 3");
    }

    @Test
    void shortFrameDocumentAndUnknownType() {
        final RunDescriptor run = LiveRun.descriptor(10);
        final Path shortDir = queueOf("short", a -> {
            header(a, run);
            frame(a, run, -1, (byte) 0, 5);
        });
        assertMessage(readFails(shortDir), shortDir, "document 1", "field frame (whole document)", "length",
            "expected " + (TraceFormat.frameDocumentBytes(4, 2, 2) - TraceFormat.TRAILER_BYTES));
        final Path unknown = queueOf("unknown", a -> {
            header(a, run);
            frame(a, run, 0, (byte) 'Q', 0);
        });
        assertMessage(readFails(unknown), unknown, "document 1", "field type", "unknown type");
    }

    /** An intact document of the given type: its type and version bytes, then {@code body}, then its trailer. */
    private static void document(final ExcerptAppender appender, final byte type, final Consumer<Bytes<?>> body) {
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> out = dc.wire().bytes();
            final long start = out.writePosition();
            out.writeByte(type);
            out.writeByte(TraceFormat.DOCUMENT_VERSION);
            body.accept(out);
            new DocumentChecksum().seal(out, start);
        }
    }

    @Test
    void aStringThatDoesNotDecodeIsNamedByItsField() {
        final RunDescriptor run = LiveRun.descriptor(10);
        // A string's length is a stop-bit number: ten bytes with the top bit set run past the 9 it may take.
        final byte[] lengthTooLong = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1};
        final byte[] notUtf8 = {2, (byte) 0xc3, 0x28};
        final byte[] beyondTheDocument = {9, 'a'};
        for (final byte[] text : new byte[][] {lengthTooLong, notUtf8, beyondTheDocument}) {
            final String problem = text == notUtf8 ? "a string whose bytes are not UTF-8"
                : text == beyondTheDocument ? "a string longer than the rest of the document"
                : "a string length out of range";
            final Path magic = queueOf("magic-" + text.length,
                a -> document(a, TraceFormat.HEADER, out -> out.write(text)));
            final TraceException header = readFails(magic);
            assertMessage(header, magic, "document 0", "field magic", problem);
            assertEquals("magic", header.field());
            final Path reason = queueOf("reason-" + text.length, a -> {
                header(a, run);
                document(a, TraceFormat.EXCLUSION, out -> {
                    out.writeLong(0);
                    out.writeInt(1);
                    out.writeInt(0);
                    out.writeInt(2);
                    out.write(text);
                });
            });
            final TraceException exclusion = readFails(reason);
            assertMessage(exclusion, reason, "document 1", "field reason", problem);
            assertEquals(1, exclusion.document());
        }
    }

    @Test
    void anAlteredFrameIsNamedAndEveryIntactFrameIsStillRead() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(100);
        final Path dir = tmp.resolve("altered");
        final double marker = Double.longBitsToDouble(0x4123_4567_89AB_CDEFL);
        record(dir, run, 100, 42, marker, true);
        flipLowestBit(dir, marker);
        final TraceSummary summary = readAll(dir);
        // Documents: header 0, frames 1..100 (no exclusions in this feed), end 101: frame 42 is document 43.
        assertEquals(new TraceSummary(99, 0, false, 1, 43, 41), summary);
        assertTrue(summary.notice(dir).contains("the first is document 43 (after frame 41)"), summary.notice(dir));
    }

    @Test
    void aKilledTraceWithAFlippedByteIsNotReplayedAsGood() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(100);
        final Path dir = tmp.resolve("killed");
        final double marker = Double.longBitsToDouble(0x4123_4567_89AB_CDEFL);
        record(dir, run, 60, 10, marker, false);
        flipLowestBit(dir, marker);
        final TraceSummary summary = readAll(dir);
        assertEquals(new TraceSummary(59, 0, true, 1, 11, 9), summary);
    }

    @Test
    void aFinishedTraceCutOnDiskReadsAsTruncated() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(2000);
        final Path dir = tmp.resolve("cut");
        record(dir, run, 2000, -1, 0.0, true);
        final Path file = queueFile(dir);
        final long used = usedBytes(Files.readAllBytes(file));
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(used / 2);
        }
        final TraceSummary summary = readAll(dir);
        assertTrue(summary.truncated(), summary.toString());
        assertTrue(summary.frames() > 500 && summary.frames() < 2000, summary.toString());
    }

    @Test
    void aRemovedDocumentCountsAsDamage() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(10);
        final Path dir = queueOf("removed", a -> {
            header(a, run);
            frame(a, run, -1, (byte) 0, 0);
            try (DocumentContext dc = a.writingDocument()) {
                final Bytes<?> out = dc.wire().bytes();
                final long start = out.writePosition();
                out.writeByte(TraceFormat.END);
                out.writeByte(TraceFormat.DOCUMENT_VERSION);
                out.writeLong(3);
                out.writeLong(0);
                out.writeInt(0);
                new DocumentChecksum().seal(out, start);
            }
        });
        // Every document is intact, but the end document counts three frames: two were removed whole.
        assertEquals(new TraceSummary(1, 0, false, 1, 2, 0), readAll(dir));
    }

    private static void record(final Path dir, final RunDescriptor run, final long frames, final long markedFrame,
        final double marker, final boolean finish) throws Exception {
        final FrameSample sample = new FrameSample(run);
        try (TraceRecorder recorder = TraceRecorder.open(dir, run)) {
            for (long f = 0; f < frames; f++) {
                LiveRun.fill(sample, new java.util.SplittableRandom(f), f, new long[] {15, 15, 15, 15});
                if (f == markedFrame) {
                    sample.truth(1, marker);
                }
                recorder.onFrame(sample);
            }
            if (finish) {
                recorder.finish();
            }
        }
    }

    private static TraceSummary readAll(final Path dir) throws TraceException {
        try (TraceReader reader = TraceReader.open(dir)) {
            return reader.read();
        }
    }

    private static Path queueFile(final Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** @return bytes up to the last non-zero byte (Chronicle pre-sizes its file with zeros) */
    private static long usedBytes(final byte[] bytes) {
        int last = bytes.length - 1;
        while (last > 0 && bytes[last] == 0) {
            last--;
        }
        return last + 1L;
    }

    /** Flips the lowest mantissa bit of the marker double: still a perfectly decodable frame. */
    private static void flipLowestBit(final Path dir, final double marker) throws Exception {
        final Path file = queueFile(dir);
        final byte[] bytes = Files.readAllBytes(file);
        final long bits = Double.doubleToRawLongBits(marker);
        int at = -1;
        for (int i = 0; i + 8 <= bytes.length && at < 0; i++) {
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (bytes[i + k] & 0xFF);
            }
            if (v == bits) {
                at = i;
            }
        }
        assertTrue(at >= 0 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "marker found in " + file);
        bytes[at] ^= 1;
        Files.write(file, bytes);
    }

    @Test
    void badTraceOnTheCommandLineIsOneLineNoStackTrace() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("not-a-trace"));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = BftvoteSim.commandLine(request -> {
            throw new AssertionError("not run");
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int code = cli.execute("replay", dir.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertEquals("trace " + dir + ": not a trace: the directory holds no Chronicle Queue file (*.cq4)\n",
            err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void replayOnTheCommandLine() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(800);
        final Path trace = tmp.resolve("trace");
        try (TraceRecorder recorder = TraceRecorder.open(trace, run)) {
            LiveRun.feed(run, 1L, 800, recorder);
            recorder.finish();
        }
        final Path expect = Files.writeString(tmp.resolve("expect.yaml"),
            "expectations:\n  max_agreement_violations: 0\n  fault_detected_within_s: {F1: 0.001}\n");
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = BftvoteSim.commandLine(request -> {
            throw new AssertionError("not run");
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final Path outDir = tmp.resolve("out");
        final int code = cli.execute("replay", trace.toString(), "--out", outDir.toString(), "--expect",
            expect.toString());
        assertEquals(ExitCodes.EXPECTATIONS_NOT_MET, code, err + "\n" + out);
        assertEquals("", err.toString());
        assertTrue(out.toString().contains("trace-synthetic") && out.toString().contains("FAIL"), out.toString());
        assertTrue(Files.size(outDir.resolve("summary.json")) > 0);
        assertEquals(Map.of("max_agreement_violations", 0), Map.of("max_agreement_violations",
            ExpectationsYaml.read(expect).get("max_agreement_violations")));
    }
}
