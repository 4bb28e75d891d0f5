package org.bftvote.sim.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row-count hint a reader gives ({@link RowFrames#expect}) sizes storage only: whatever it says (none, too few,
 * exact, too many, absurd), the frames are the same, and an absurd hint sets aside no more than
 * {@link RowFrames#MOST_RESERVED_BYTES}.
 */
class RowFramesTest {
    private static final int[] CHANNELS = {3, 2, 4};

    static LongStream seeds() {
        return LongStream.range(0, 16).map(i -> 0x20F5L * 13 + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theHintNeverChangesTheFrames(final long seed) {
        final int rows = new SplittableRandom(seed).nextInt(5_000);
        final RecordedFrames unhinted = fill(seed, rows, -1);
        for (final long hint : new long[] {0, rows / 3, rows, rows + 1, 4L * rows + 100, Long.MAX_VALUE}) {
            final RecordedFrames hinted = fill(seed, rows, hint);
            final String where = "seed " + seed + ", " + rows + " rows, hint " + hint;
            assertEquals(unhinted.frames(), hinted.frames(), where);
            for (int f = 0; f < rows; f++) {
                assertEquals(unhinted.timeS(f), hinted.timeS(f), where);
                for (int s = 0; s < CHANNELS.length; s++) {
                    assertEquals(unhinted.validMask(s, f), hinted.validMask(s, f), where);
                    assertEquals(unhinted.freshMask(s, f), hinted.freshMask(s, f), where);
                    for (int c = 0; c < CHANNELS[s]; c++) {
                        final int at = f * CHANNELS[s] + c;
                        assertEquals(Double.doubleToRawLongBits(unhinted.values(s)[at]),
                            Double.doubleToRawLongBits(hinted.values(s)[at]), where);
                        assertEquals(unhinted.ageS(s, f, c), hinted.ageS(s, f, c), where);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAbsurdHintSetsAsideABoundedAmount(final long seed) {
        final RecordedFrames frames = fill(seed, 1, Long.MAX_VALUE);
        long bytes = 0;
        for (int s = 0; s < CHANNELS.length; s++) {
            bytes += (long) frames.values(s).length * Double.BYTES * 2;
        }
        assertTrue(bytes <= RowFrames.MOST_RESERVED_BYTES, bytes + " bytes");
        assertTrue(frames.values(0).length > 1024 * CHANNELS[0], "the hint was used: " + frames.values(0).length);
    }

    /** The same seeded rows, with a hint ({@code -1}: none): a channel sometimes has no sample or is not valid. */
    private static RecordedFrames fill(final long seed, final int rows, final long hint) {
        final SplittableRandom r = new SplittableRandom(seed);
        r.nextInt(5_000);
        final RowFrames sink = new RowFrames(CHANNELS);
        if (hint >= 0) {
            sink.expect(hint);
        }
        double t = 0;
        for (int row = 0; row < rows; row++) {
            t += r.nextDouble() * 0.01;
            sink.beginRow(t);
            for (int s = 0; s < CHANNELS.length; s++) {
                for (int c = 0; c < CHANNELS[s]; c++) {
                    final boolean present = r.nextInt(10) != 0;
                    sink.sample(s, c, present ? r.nextGaussian() : Double.NaN, r.nextInt(20) != 0, present);
                }
            }
            sink.endRow();
        }
        return sink.frames(List.of("a", "b", "c"), List.of("m", "m", "m"),
            new RecordingSource("test", "csv", rows, false, "", "one frame per row"));
    }
}
