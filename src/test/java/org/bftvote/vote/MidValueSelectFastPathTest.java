package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The triplex and quadruplex sorting-network paths of {@link MidValueSelect} give, bit for bit, the result of its
 * general insertion-sort path. The general path is reached with the same valid values by adding one more channel
 * that is masked out, so the same voter code votes the same inputs both ways. Inputs include ties, -0.0 and +0.0,
 * huge and tiny magnitudes, and a NaN or infinity that sends the fast-path shape back to the general path.
 */
class MidValueSelectFastPathTest {
    private static final int CASES = 2_000;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    private static double randomValue(final SplittableRandom r, final double[] earlier, final int filled) {
        switch (r.nextInt(10)) {
            case 0:
                return filled > 0 ? earlier[r.nextInt(filled)] : 0.0;
            case 1:
                return r.nextBoolean() ? 0.0 : -0.0;
            case 2:
                return (r.nextBoolean() ? 1 : -1) * Double.MAX_VALUE * r.nextDouble();
            case 3:
                return Double.MIN_VALUE * r.nextInt(5);
            case 4:
                return r.nextInt(50) == 0 ? Double.NaN : Double.POSITIVE_INFINITY * (r.nextBoolean() ? 1 : -1);
            default:
                return r.nextGaussian() * 10.0;
        }
    }

    private static void assertSame(final VoteResult expected, final VoteResult actual, final String where) {
        assertEquals(expected.status(), actual.status(), where);
        assertEquals(Double.doubleToRawLongBits(expected.value()), Double.doubleToRawLongBits(actual.value()),
            where + ": value " + expected.value() + " vs " + actual.value());
        assertEquals(Double.doubleToRawLongBits(expected.lower()), Double.doubleToRawLongBits(actual.lower()), where);
        assertEquals(Double.doubleToRawLongBits(expected.upper()), Double.doubleToRawLongBits(actual.upper()), where);
        assertEquals(Double.doubleToRawLongBits(expected.spread()), Double.doubleToRawLongBits(actual.spread()),
            where);
        assertEquals(expected.usedMask(), actual.usedMask(), where);
        assertEquals(expected.validCount(), actual.validCount(), where);
    }

    private static void check(final long seed, final int n, final MidValueSelect.EvenPolicy policy) {
        final SplittableRandom r = Seeds.random(seed);
        final MidValueSelect voter = new MidValueSelect(n + 1, policy);
        final double[] fastInput = new double[n];
        final double[] generalInput = new double[n + 1];
        final VoteResult fast = new VoteResult();
        final VoteResult general = new VoteResult();
        final long all = (1L << n) - 1;
        for (int k = 0; k < CASES; k++) {
            for (int i = 0; i < n; i++) {
                fastInput[i] = randomValue(r, fastInput, i);
                generalInput[i] = fastInput[i];
            }
            generalInput[n] = r.nextGaussian();
            voter.vote(fastInput, all, n, fast);
            voter.vote(generalInput, all, n + 1, general);
            assertSame(general, fast, Seeds.replay(seed) + ", n " + n + ", " + policy + ", inputs "
                + java.util.Arrays.toString(fastInput));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void triplexNetworkEqualsTheGeneralSort(final long seed) {
        check(seed, 3, MidValueSelect.EvenPolicy.MEAN_OF_MIDDLES);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void quadNetworkEqualsTheGeneralSortForBothEvenPolicies(final long seed) {
        check(seed, 4, MidValueSelect.EvenPolicy.MEAN_OF_MIDDLES);
        check(seed, 4, MidValueSelect.EvenPolicy.LOWER_MIDDLE);
    }
}
