package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.util.Arrays;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Coverage-guided fuzzing of the trace reader's document decoding: header documents and frame documents of any
 * bytes, starting from genuine ones (the corpus in
 * {@code src/test/resources/org/bftvote/sim/trace/TraceDocumentFuzzTestInputs/}). Every document decodes or is
 * refused the way {@link TraceReader} refuses a document (a {@link BadDocument} naming the field, a document that ends
 * early, an argument or state the decoding rejects); any other exception (a null or an index out of bounds, say) is
 * a crash. The seeds {@code genuine-header} and {@code genuine-frame} are documents as the recorder writes them for
 * this run, without their type byte (a frame's seed ends with the byte the fuzzer's first choice reads: 1, the current
 * document version); {@link #theGenuineSeedsDecode()} keeps them so.
 *
 * <p>In a plain test run each stored input runs once (regression). A fuzzing run, one method at a time:
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl sim-harness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='TraceDocumentFuzzTest#frameDecodesOrIsRefused' -Dfuzz.seconds=600}.
 */
@Tag("TRC-2")
class TraceDocumentFuzzTest {
    private static final RunDescriptor RUN = LiveRun.descriptor(1000);
    private static final FrameSample SAMPLE = new FrameSample(RUN);

    @Test
    void theGenuineSeedsDecode() throws Exception {
        final Bytes<byte[]> header = Bytes.wrapForRead(seed("headerDecodesOrIsRefused/genuine-header"));
        final RunDescriptor decoded = TraceHeader.readMarshallable(header).descriptor();
        assertEquals(RUN.scenario(), decoded.scenario());
        assertEquals(RUN.lanes(), decoded.lanes());
        assertEquals(RUN.signalCount(), decoded.signalCount());
        assertEquals(RUN.messageOutcomes(), decoded.messageOutcomes());
        header.releaseLast();
        final byte[] frame = seed("frameDecodesOrIsRefused/genuine-frame");
        assertEquals(1, frame[frame.length - 1]);
        final Bytes<byte[]> in = Bytes.wrapForRead(Arrays.copyOf(frame, frame.length - 1));
        new FrameCodec(RUN.lanes(), RUN.signalCount(), RUN.messageOutcomes().size()).readMarshallable(in, SAMPLE);
        assertEquals(0, in.readRemaining());
        in.releaseLast();
    }

    private static byte[] seed(final String path) throws IOException {
        try (InputStream in = TraceDocumentFuzzTest.class.getResourceAsStream("TraceDocumentFuzzTestInputs/" + path)) {
            return in.readAllBytes();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void headerDecodesOrIsRefused(final byte[] input) {
        final Bytes<byte[]> in = Bytes.wrapForRead(input);
        try {
            TraceHeader.readMarshallable(in);
        } catch (final BadDocument | BufferUnderflowException | IllegalArgumentException | IllegalStateException e) {
            // refused: TraceReader names the document and the field
        } finally {
            in.releaseLast();
        }
    }

    @FuzzTest(maxDuration = "10s")
    void frameDecodesOrIsRefused(final FuzzedDataProvider data) {
        final FrameCodec codec = new FrameCodec(RUN.lanes(), RUN.signalCount(), RUN.messageOutcomes().size(),
            data.consumeBoolean() ? TraceFormat.DOCUMENT_VERSION : (byte) 1);
        final Bytes<byte[]> in = Bytes.wrapForRead(data.consumeRemainingAsBytes());
        try {
            codec.readMarshallable(in, SAMPLE);
        } catch (final BadDocument | BufferUnderflowException | IllegalArgumentException | IllegalStateException
            | ArithmeticException e) {
            // refused: TraceReader names the document and the field
        } finally {
            in.releaseLast();
        }
    }
}
