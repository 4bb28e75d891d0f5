package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Encoding frames allocates nothing; appending them allocates only per mapped file chunk; prints the size and write
 * rate of a 100,000-frame trace for the documentation (not asserted).
 */
class RecorderAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path tmp;

    @Test
    void encodingAndChecksummingAMillionFramesAllocatesNothing() {
        final RunDescriptor run = LiveRun.descriptor(2_000_000);
        final FrameSample sample = new FrameSample(run);
        LiveRun.fill(sample, new SplittableRandom(9), 0, new long[] {15, 15, 15, 15});
        final FrameCodec codec = new FrameCodec(4, 2, 2);
        final Bytes<?> buffer = Bytes.allocateElasticOnHeap(1024);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        final Runnable loop = () -> {
            for (int f = 0; f < 1_000_000; f++) {
                buffer.clear();
                codec.writeMarshallable(buffer, sample);
                for (long i = 0; i < buffer.writePosition(); i++) {
                    crc.update(buffer.readUnsignedByte(i));
                }
            }
        };
        loop.run();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        loop.run();
        final long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        buffer.releaseLast();
        assertEquals(0, bytes, "bytes allocated encoding 1,000,000 frames");
    }

    /**
     * Through Chronicle the appends allocate a few kilobytes per million frames, not per frame: Chronicle maps the
     * queue file chunk by chunk as it grows (about 340 MB here) and each new mapping allocates a little. Bounded,
     * and stated in the documentation.
     */
    @Test
    void appendingAMillionWarmedFramesAllocatesOnlyPerMappedChunk() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(2_000_000);
        final FrameSample sample = new FrameSample(run);
        LiveRun.fill(sample, new SplittableRandom(9), 0, new long[] {15, 15, 15, 15});
        try (TraceRecorder recorder = TraceRecorder.open(tmp.resolve("trace"), run)) {
            for (int f = 0; f < 200_000; f++) {
                recorder.onFrame(sample);
            }
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int f = 0; f < 1_000_000; f++) {
                recorder.onFrame(sample);
            }
            final long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            recorder.finish();
            System.out.printf("appending 1,000,000 warmed frames allocated %,d bytes on the recording thread%n", bytes);
            assertTrue(bytes < 64 * 1024, "bytes allocated appending 1,000,000 frames: " + bytes);
        }
    }

    @Test
    void figuresForAHundredThousandFrameRun() throws Exception {
        final long frames = 100_000;
        final RunDescriptor run = LiveRun.descriptor(frames);
        final Path dir = tmp.resolve("trace");
        final long start = System.nanoTime();
        try (TraceRecorder recorder = TraceRecorder.open(dir, run)) {
            LiveRun.feed(run, 5L, frames, recorder);
            recorder.finish();
        }
        final long nanos = System.nanoTime() - start;
        long size = 0;
        long allocated = 0;
        try (var files = Files.list(dir)) {
            for (final Path p : (Iterable<Path>) files::iterator) {
                size += Files.size(p);
                allocated += p.toFile().length();
            }
        }
        final long used;
        final Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        used = Long.parseLong(new String(du.getInputStream().readAllBytes()).split("\\s+")[0]) * 1024;
        System.out.printf("trace of %,d frames (4 lanes, 2 signals, 2 outcomes, frame document %d B): "
                + "files %,d B apparent, %,d B on disk; recorded with a synthetic feed in %.3f s (%,.0f frames/s)%n",
            frames, TraceFormat.frameDocumentBytes(4, 2, 2), size, used, nanos / 1e9, frames / (nanos / 1e9));
        assertEquals(size, allocated);
    }
}
