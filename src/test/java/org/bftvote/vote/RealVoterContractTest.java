package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link RealVoter} contract, run against every implementation on random inputs that include NaN, infinities,
 * huge values, signed zeros and random validity masks.
 */
@Tag("VOT-4")
class RealVoterContractTest {
    private static final int FRAMES = 300;

    static Stream<Arguments> casesAndSeeds() {
        return RealVoterCase.all().stream().flatMap(c -> Seeds.seeds(16).mapToObj(s -> Arguments.of(c, s)));
    }

    static Stream<RealVoterCase> cases() {
        return RealVoterCase.all().stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("casesAndSeeds")
    void everyVoteKeepsTheContract(final RealVoterCase c, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final RealVoter voter = c.factory().get();
        final RealVoter twin = c.factory().get();
        final VoteResult result = new VoteResult();
        final VoteResult again = new VoteResult();
        final int max = voter.maxChannels();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int n = 1 + random.nextInt(max);
            final double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = RealInputs.anyDouble(random);
            }
            final long mask = random.nextInt(3) == 0 ? random.nextLong() : -1L;
            final String msg = Seeds.replay(seed) + " frame=" + frame + " n=" + n + " mask="
                + Long.toBinaryString(mask) + " values=" + java.util.Arrays.toString(values);

            final VoteStatus status = voter.vote(values, mask, n, result);
            assertEquals(status, result.status(), "returned status equals result status; " + msg);
            assertEquals(status == VoteStatus.VOTED, result.isVoted(), msg);

            long usable = 0L;
            for (int i = 0; i < n; i++) {
                if ((mask & (1L << i)) != 0 && Double.isFinite(values[i])) {
                    usable |= 1L << i;
                }
            }
            assertEquals(Long.bitCount(usable), result.validCount(), "NaN, infinities and masked are invalid; " + msg);
            assertEquals(0L, result.usedMask() & ~usable, "usedMask within the valid finite inputs; " + msg);
            if (status == VoteStatus.VOTED) {
                assertTrue(Double.isFinite(result.value()), "a voted value is finite; " + msg);
                assertTrue(result.lower() <= result.value() && result.value() <= result.upper(), msg);
                assertTrue(result.usedMask() != 0L, "a vote uses some channel; " + msg);
                assertTrue(result.validCount() >= voter.minValidInputs(), msg);
            } else {
                assertTrue(Double.isNaN(result.value()), "NaN value iff not voted; " + msg);
                assertEquals(0L, result.usedMask(), msg);
            }
            if (usable != 0L && Long.bitCount(usable) >= voter.minValidInputs() && !(voter instanceof IntervalFusion)) {
                assertEquals(VoteStatus.VOTED, status, "enough valid inputs always vote; " + msg);
            }
            if (Long.bitCount(usable) < voter.minValidInputs()) {
                assertEquals(VoteStatus.TOO_FEW_INPUTS, status, msg);
            }

            // Deterministic: the same voter again, and a fresh one, give the same bits.
            twin.vote(values, mask, n, again);
            assertEquals(result.status(), again.status(), msg);
            assertEquals(Double.doubleToRawLongBits(result.value()), Double.doubleToRawLongBits(again.value()), msg);
            assertEquals(result.usedMask(), again.usedMask(), msg);
            voter.vote(values, mask, n, again);
            assertEquals(Double.doubleToRawLongBits(result.value()), Double.doubleToRawLongBits(again.value()), msg);
            assertEquals(Double.doubleToRawLongBits(result.spread()), Double.doubleToRawLongBits(again.spread()), msg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void allNaNOrMaskedInputsAreNeverVoted(final RealVoterCase c) {
        final RealVoter voter = c.factory().get();
        final VoteResult result = new VoteResult();
        final int n = voter.maxChannels();
        final double[] values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        assertEquals(VoteStatus.TOO_FEW_INPUTS, voter.vote(values, -1L, n, result));
        assertTrue(Double.isNaN(result.value()));
        assertEquals(0, result.validCount());
        java.util.Arrays.fill(values, 1.0);
        assertEquals(VoteStatus.TOO_FEW_INPUTS, voter.vote(values, 0L, n, result));
        assertFalse(result.isVoted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aChannelCountOutsideTheBuiltRangeIsAProgrammingError(final RealVoterCase c) {
        final RealVoter voter = c.factory().get();
        final VoteResult result = new VoteResult();
        final double[] values = new double[voter.maxChannels() + 1];
        assertThrows(IllegalArgumentException.class, () -> voter.vote(values, -1L, 0, result));
        assertThrows(IllegalArgumentException.class, () -> voter.vote(values, -1L, voter.maxChannels() + 1, result));
        assertThrows(IllegalArgumentException.class, () -> voter.vote(new double[1], -1L, 2, result));
    }
}
