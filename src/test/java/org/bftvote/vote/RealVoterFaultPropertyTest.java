package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests of the real voters' fault guarantee: with at most f arbitrary channels among n, the voted
 * value stays within the range of the healthy channels (for interval fusion: within the hull of the healthy
 * intervals, and the interval holds the true value). The same checker, given f + 1 arbitrary channels, must find a
 * violation, which shows both that the bound is tight and that the checker can fail.
 */
@Tag("VOT-1")
@Tag("VOT-2")
class RealVoterFaultPropertyTest {
    /** Frames generated per seed. */
    private static final int FRAMES = 200;

    static Stream<Arguments> casesAndSeeds() {
        return RealVoterCase.all().stream().flatMap(c -> Seeds.seeds().mapToObj(s -> Arguments.of(c, s)));
    }

    static Stream<RealVoterCase> tightCases() {
        return RealVoterCase.tight().stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("casesAndSeeds")
    void atMostFArbitraryChannelsNeverMoveTheValueOutsideTheHealthyRange(final RealVoterCase c, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final RealVoter voter = c.factory().get();
        final VoteResult result = new VoteResult();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int faulty = random.nextInt(c.f() + 1);
            assertNull(violation(c, voter, random, faulty, result), Seeds.replay(seed) + " frame=" + frame);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tightCases")
    void oneArbitraryChannelTooManyBreaksTheBound(final RealVoterCase c) {
        final RealVoter voter = c.factory().get();
        final VoteResult result = new VoteResult();
        String found = null;
        final long[] seeds = Seeds.seeds().toArray();
        for (int s = 0; s < seeds.length && found == null; s++) {
            final SplittableRandom random = Seeds.random(seeds[s]);
            for (int frame = 0; frame < FRAMES && found == null; frame++) {
                found = violation(c, voter, random, c.f() + 1, result);
            }
        }
        assertNotNull(found, c + ": f + 1 arbitrary channels never broke the bound; the checker cannot fail");
    }

    /**
     * Builds one frame with {@code faulty} arbitrary channels, votes it and checks the guarantee.
     *
     * @return a description of the violation, or null if the guarantee held
     */
    static String violation(
        final RealVoterCase c, final RealVoter voter, final SplittableRandom random, final int faulty,
        final VoteResult result) {
        final int n = c.n();
        final boolean interval = voter instanceof IntervalFusion;
        final double truth = random.nextBoolean() ? random.nextDouble(-1000, 1000) : random.nextInt(-2, 3);
        final double noise = interval ? 0.9 * c.accuracy() : random.nextDouble(0.0, 5.0);
        final double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = truth + noise * random.nextDouble(-1.0, 1.0);
        }
        final int[] perm = RealInputs.permutation(random, n);
        final double collude = RealInputs.anyFinite(random);
        long faultyMask = 0L;
        for (int j = 0; j < faulty; j++) {
            faultyMask |= 1L << perm[j];
            values[perm[j]] = RealInputs.adversary(random, collude);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if ((faultyMask & (1L << i)) == 0) {
                low = Math.min(low, values[i] - c.accuracy());
                high = Math.max(high, values[i] + c.accuracy());
            }
        }
        final long all = (1L << n) - 1;
        final VoteStatus status = voter.vote(values, all, n, result);
        final String frame =
            " values=" + java.util.Arrays.toString(values) + " faulty=" + Long.toBinaryString(faultyMask);
        if (status != VoteStatus.VOTED) {
            return "not voted: " + status + frame;
        }
        final double v = result.value();
        if (!(v >= low && v <= high)) {
            return "value " + v + " outside healthy range [" + low + ", " + high + "]" + frame;
        }
        if (interval && !(result.lower() <= truth && truth <= result.upper())) {
            return "interval [" + result.lower() + ", " + result.upper() + "] misses truth " + truth + frame;
        }
        return null;
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("casesAndSeeds")
    void permutingTheChannelsKeepsTheResultBitForBit(final RealVoterCase c, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final RealVoter voter = c.factory().get();
        final VoteResult first = new VoteResult();
        final VoteResult second = new VoteResult();
        final int n = c.n();
        final double[] values = new double[n];
        final double[] permuted = new double[n];
        for (int frame = 0; frame < FRAMES; frame++) {
            for (int i = 0; i < n; i++) {
                values[i] = RealInputs.anyDouble(random);
            }
            final long mask = random.nextInt(4) == 0 ? random.nextLong() : -1L;
            final int[] perm = RealInputs.permutation(random, n);
            for (int i = 0; i < n; i++) {
                permuted[perm[i]] = values[i];
            }
            voter.vote(values, mask, n, first);
            voter.vote(permuted, RealInputs.permuteMask(mask, perm), n, second);
            final String msg = Seeds.replay(seed) + " frame=" + frame + " values=" + java.util.Arrays.toString(values);
            assertEquals(first.status(), second.status(), msg);
            assertEquals(first.validCount(), second.validCount(), msg);
            assertEquals(Double.doubleToRawLongBits(first.value()), Double.doubleToRawLongBits(second.value()), msg);
            assertEquals(Double.doubleToRawLongBits(first.lower()), Double.doubleToRawLongBits(second.lower()), msg);
            assertEquals(Double.doubleToRawLongBits(first.upper()), Double.doubleToRawLongBits(second.upper()), msg);
            assertEquals(Long.bitCount(first.usedMask()), Long.bitCount(second.usedMask()), msg);
        }
    }
}
