package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the header, of every frame and of every exclusion comes back bit for bit. */
@Tag("TRC-1")
class TraceRoundTripTest {
    private static final long FRAMES = 300;

    @TempDir
    Path tmp;

    static java.util.stream.LongStream seeds() {
        return RandomRuns.seeds();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFieldRoundTrips(final long seed) throws Exception {
        final String why = RandomRuns.replay(seed);
        final SplittableRandom shape = new SplittableRandom(seed);
        final RunDescriptor run = RandomRuns.descriptor(shape, FRAMES);
        final double[] tolerance = new double[run.signalCount()];
        for (int s = 0; s < tolerance.length; s++) {
            tolerance[s] = shape.nextDouble() * 3;
        }
        final long framesSeed = shape.nextLong();
        final Path dir = tmp.resolve("trace");
        final FrameSample sample = new FrameSample(run);
        final SplittableRandom write = new SplittableRandom(framesSeed);
        try (TraceRecorder recorder = TraceRecorder.open(dir, run, tolerance)) {
            for (long f = 0; f < FRAMES; f++) {
                final long frame = 3 * f + 1;
                if (f % 7 == 0) {
                    recorder.onExclusion(frame, (int) (f % run.lanes()), (int) (f % 3) - 1, 2, "reason ✈ " + f);
                }
                RandomRuns.fill(write, sample, frame);
                recorder.onFrame(sample);
            }
            recorder.finish();
            assertEquals(FRAMES, recorder.framesWritten(), why);
        }

        final FrameSample expected = new FrameSample(run);
        final SplittableRandom again = new SplittableRandom(framesSeed);
        final List<String> exclusions = new ArrayList<>();
        final long[] seen = new long[1];
        try (TraceReader reader = TraceReader.open(dir)) {
            final TraceHeader header = reader.header();
            assertEquals(TraceFormat.FORMAT_VERSION, header.formatVersion(), why);
            assertDescriptorEquals(run, header.descriptor(), why);
            assertArrayEquals(tolerance, header.validityTolerance(), why);
            final TraceSummary summary = reader.read(new FrameObserver() {
                @Override
                public void onExclusion(final long frame, final int lane, final int signal, final int channel,
                    final String reason) {
                    exclusions.add(frame + "/" + lane + "/" + signal + "/" + channel + "/" + reason);
                }

                @Override
                public void onFrame(final FrameSample got) {
                    RandomRuns.fill(again, expected, 3 * seen[0] + 1);
                    assertSameFrame(expected, got, why + ", frame " + seen[0]);
                    seen[0]++;
                }
            });
            assertEquals(new TraceSummary(FRAMES, (FRAMES + 6) / 7, false), summary, why);
        }
        assertEquals(FRAMES, seen[0], why);
        final List<String> wanted = new ArrayList<>();
        for (long f = 0; f < FRAMES; f += 7) {
            wanted.add((3 * f + 1) + "/" + (f % run.lanes()) + "/" + ((f % 3) - 1) + "/2/reason ✈ " + f);
        }
        assertEquals(wanted, exclusions, why);
    }

    static void assertDescriptorEquals(final RunDescriptor a, final RunDescriptor b, final String why) {
        assertEquals(a.scenario(), b.scenario(), why);
        assertEquals(a.platform(), b.platform(), why);
        assertEquals(a.seed(), b.seed(), why);
        assertEquals(Double.doubleToRawLongBits(a.frameRateHz()), Double.doubleToRawLongBits(b.frameRateHz()), why);
        assertEquals(a.lanes(), b.lanes(), why);
        assertEquals(a.signals(), b.signals(), why);
        assertEquals(a.messageOutcomes(), b.messageOutcomes(), why);
        assertEquals(a.faults(), b.faults(), why);
        assertEquals(a.durationFrames(), b.durationFrames(), why);
        assertEquals(a.faultHypothesis(), b.faultHypothesis(), why);
    }

    static void assertSameFrame(final FrameSample a, final FrameSample b, final String why) {
        assertEquals(a.frame(), b.frame(), why);
        assertBits(a.timeS(), b.timeS(), why + " time");
        for (int s = 0; s < a.signals(); s++) {
            assertBits(a.truth(s), b.truth(s), why + " truth " + s);
            assertEquals(a.oracleFaultyChannels(s), b.oracleFaultyChannels(s), why + " oracle faulty " + s);
        }
        for (int l = 0; l < a.lanes(); l++) {
            for (int s = 0; s < a.signals(); s++) {
                final String at = why + " lane " + l + " signal " + s;
                assertBits(a.sensor(l, s), b.sensor(l, s), at + " sensor");
                assertEquals(a.sensorValid(l, s), b.sensorValid(l, s), at + " valid");
                assertEquals(a.sensorFresh(l, s), b.sensorFresh(l, s), at + " fresh");
                assertBits(a.output(l, s), b.output(l, s), at + " output");
                assertEquals(a.status(l, s), b.status(l, s), at + " status");
                assertEquals(a.healthMask(l, s), b.healthMask(l, s), at + " health");
            }
            assertEquals(a.excludedLanes(l), b.excludedLanes(l), why + " excluded lanes " + l);
        }
        assertEquals(a.oracleHealthyLanes(), b.oracleHealthyLanes(), why + " oracle healthy");
        for (int m = 0; m < a.messageOutcomes(); m++) {
            assertEquals(a.messages(m), b.messages(m), why + " messages " + m);
        }
        assertEquals(a.hypothesisExceeded(), b.hypothesisExceeded(), why + " hypothesis");
    }

    private static void assertBits(final double a, final double b, final String why) {
        assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), why);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aTraceWithoutFramesReadsAsCompleteAndEmpty(final long seed) throws Exception {
        final RunDescriptor run = RandomRuns.descriptor(new SplittableRandom(seed), 10);
        final Path dir = tmp.resolve("empty");
        try (TraceRecorder recorder = TraceRecorder.open(dir, run)) {
            recorder.finish();
        }
        try (TraceReader reader = TraceReader.open(dir)) {
            final TraceSummary summary = reader.read();
            assertEquals(0, summary.frames(), RandomRuns.replay(seed));
            assertFalse(summary.truncated(), RandomRuns.replay(seed));
            assertTrue(reader.header().validityTolerance().length == run.signalCount(), RandomRuns.replay(seed));
        }
    }
}
