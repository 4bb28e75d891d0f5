package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SortedInputs} keeps the valid, finite inputs in ascending order, equal values in channel order, -0.0 as
 * +0.0: checked against an independent stable sort for every input count from 0 to 12. Inputs are drawn with many
 * ties, both zeros, huge magnitudes, NaN, infinities and masked-out channels.
 */
class SortedInputsTest {
    private static final int MAX_CHANNELS = 12;
    private static final int CASES = 500;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    private static double randomValue(final SplittableRandom r, final double[] earlier, final int filled) {
        switch (r.nextInt(8)) {
            case 0:
            case 1:
                return filled > 0 ? earlier[r.nextInt(filled)] : 0.0;
            case 2:
                return r.nextBoolean() ? 0.0 : -0.0;
            case 3:
                return (r.nextBoolean() ? 1 : -1) * Double.MAX_VALUE * r.nextDouble();
            case 4:
                final int pick = r.nextInt(3);
                return pick == 0 ? Double.NaN : pick == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            default:
                return r.nextInt(5) - 2.0 + (r.nextBoolean() ? 0.0 : r.nextGaussian());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sortsLikeAStableSortForEveryCount(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final SortedInputs sorted = new SortedInputs(MAX_CHANNELS);
        final double[] in = new double[MAX_CHANNELS];
        for (int c = 0; c < CASES; c++) {
            final int channels = r.nextInt(MAX_CHANNELS + 1);
            for (int i = 0; i < channels; i++) {
                in[i] = randomValue(r, in, i);
            }
            final long mask = r.nextInt(4) == 0 ? r.nextLong() : -1L;
            final List<double[]> expected = new ArrayList<>();
            long expectedValid = 0L;
            for (int i = 0; i < channels; i++) {
                final double v = in[i] + 0.0;
                if ((mask & (1L << i)) != 0 && Double.isFinite(v)) {
                    expected.add(new double[] {v, i});
                    expectedValid |= 1L << i;
                }
            }
            // List.sort is stable: equal values stay in channel order.
            expected.sort(Comparator.comparingDouble(pair -> pair[0]));

            final int k = sorted.load(in, mask, channels);
            final String where = Seeds.replay(seed) + ", case " + c + ", mask " + Long.toHexString(mask) + ", inputs "
                + java.util.Arrays.toString(java.util.Arrays.copyOf(in, channels));
            assertEquals(expected.size(), k, where);
            assertEquals(k, sorted.count(), where);
            assertEquals(expectedValid, sorted.validMask(), where);
            for (int i = 0; i < k; i++) {
                assertEquals(Double.doubleToRawLongBits(expected.get(i)[0]),
                    Double.doubleToRawLongBits(sorted.value(i)), where + ": value at " + i);
                assertEquals(1L << (int) expected.get(i)[1], sorted.channelsBetween(i, i), where + ": channel at " + i);
            }
        }
    }
}
