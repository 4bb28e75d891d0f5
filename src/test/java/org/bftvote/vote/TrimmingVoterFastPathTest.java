package org.bftvote.vote;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quadruplex f = 1 path of the trimming voters (fault-tolerant midpoint and mean) gives, bit for bit, the result
 * of their general sorted path: value, bounds, spread, the kept channels and the count. The general path is reached
 * with the same valid values by adding a fifth channel that is masked out. Inputs (shared with
 * {@link MidValueSelectFastPathTest}) include ties, -0.0 and +0.0, magnitudes near the largest double (the means'
 * overflow branch), subnormals, and a NaN or infinity that sends the fast-path shape back to the general path.
 */
class TrimmingVoterFastPathTest {
    private static final int CASES = 4_000;

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    private static void check(final long seed, final String name, final IntFunction<RealVoter> build) {
        final SplittableRandom r = Seeds.random(seed);
        final RealVoter voter = build.apply(5);
        final double[] fastInput = new double[4];
        final double[] generalInput = new double[5];
        final VoteResult fast = new VoteResult();
        final VoteResult general = new VoteResult();
        for (int k = 0; k < CASES; k++) {
            for (int i = 0; i < 4; i++) {
                fastInput[i] = MidValueSelectFastPathTest.randomValue(r, fastInput, i);
                generalInput[i] = fastInput[i];
            }
            generalInput[4] = r.nextGaussian();
            voter.vote(fastInput, 15L, 4, fast);
            voter.vote(generalInput, 15L, 5, general);
            MidValueSelectFastPathTest.assertSame(general, fast, Seeds.replay(seed) + ", " + name + ", inputs "
                + java.util.Arrays.toString(fastInput));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void midpointNetworkEqualsTheGeneralSort(final long seed) {
        check(seed, "fault-tolerant midpoint", channels -> new FaultTolerantMidpoint(channels, 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void meanNetworkEqualsTheGeneralSort(final long seed) {
        check(seed, "fault-tolerant mean", channels -> new FaultTolerantMean(channels, 1));
    }
}
