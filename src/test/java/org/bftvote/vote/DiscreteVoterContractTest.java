package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link DiscreteVoter} contract, run against every implementation and mode on random words, duplicates and
 * validity masks.
 */
@Tag("VOT-4")
class DiscreteVoterContractTest {
    private static final int FRAMES = 400;

    /** A named discrete voter factory. */
    record Case(String name, Supplier<DiscreteVoter> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> all() {
        return List.of(
            new Case("ExactMajority majority", () -> new ExactMajority(64)),
            new Case("ExactMajority plurality", () -> new ExactMajority(16, ExactMajority.Mode.PLURALITY)),
            new Case("BitwiseMajority tie zero", () -> new BitwiseMajority(64)),
            new Case("BitwiseMajority tie no-majority",
                () -> new BitwiseMajority(16, BitwiseMajority.TiePolicy.NO_MAJORITY)));
    }

    static Stream<Arguments> casesAndSeeds() {
        return all().stream().flatMap(c -> Seeds.seeds(16).mapToObj(s -> Arguments.of(c, s)));
    }

    static Stream<Case> cases() {
        return all().stream();
    }

    /** @return a frame's words: a few distinct values, so majorities, ties and no-majorities all occur. */
    static long[] words(final SplittableRandom random, final int n) {
        final long[] palette = {random.nextLong(), random.nextLong(), random.nextLong() & 0xFF, 0L, -1L};
        final int distinct = 1 + random.nextInt(palette.length);
        final long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = palette[random.nextInt(distinct)];
        }
        return w;
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("casesAndSeeds")
    void everyVoteKeepsTheContract(final Case c, final long seed) {
        final SplittableRandom random = Seeds.random(seed);
        final DiscreteVoter voter = c.factory().get();
        final DiscreteVoteResult result = new DiscreteVoteResult();
        final DiscreteVoteResult again = new DiscreteVoteResult();
        for (int frame = 0; frame < FRAMES; frame++) {
            final int n = 1 + random.nextInt(voter.maxChannels());
            final long[] words = words(random, n);
            final long mask = random.nextInt(3) == 0 ? random.nextLong() : -1L;
            final long valid = mask & ExactMajority.lowBits(n);
            final String msg = Seeds.replay(seed) + " frame=" + frame + " n=" + n + " mask="
                + Long.toBinaryString(mask) + " words=" + java.util.Arrays.toString(words);

            final VoteStatus status = voter.vote(words, mask, n, result);
            assertEquals(status, result.status(), "returned status equals result status; " + msg);
            assertEquals(Long.bitCount(valid), result.validCount(), msg);
            assertEquals(0L, result.usedMask() & ~valid, "usedMask within the valid mask; " + msg);
            if (valid == 0L) {
                assertEquals(VoteStatus.TOO_FEW_INPUTS, status, msg);
            }
            if (status == VoteStatus.VOTED) {
                long disagree = 0L;
                for (int i = 0; i < n; i++) {
                    if ((valid & (1L << i)) != 0) {
                        disagree |= words[i] ^ result.word();
                    }
                }
                assertEquals(disagree, result.disagreeBits(), "disagreeBits = OR of word ^ voted; " + msg);
                assertTrue(result.support() >= 1 && result.support() <= result.validCount(), msg);
            } else {
                assertEquals(0L, result.word(), "word is 0 unless voted; " + msg);
            }

            // Deterministic and independent of channel order.
            final int[] perm = RealInputs.permutation(random, n);
            final long[] permuted = new long[n];
            for (int i = 0; i < n; i++) {
                permuted[perm[i]] = words[i];
            }
            voter.vote(permuted, RealInputs.permuteMask(mask & ExactMajority.lowBits(n), perm), n, again);
            assertEquals(result.status(), again.status(), msg);
            assertEquals(result.word(), again.word(), msg);
            assertEquals(result.support(), again.support(), msg);
            assertEquals(result.disagreeBits(), again.disagreeBits(), msg);
            assertEquals(RealInputs.permuteMask(result.usedMask(), perm), again.usedMask(), msg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aChannelCountOutsideTheBuiltRangeIsAProgrammingError(final Case c) {
        final DiscreteVoter voter = c.factory().get();
        final DiscreteVoteResult result = new DiscreteVoteResult();
        final long[] words = new long[voter.maxChannels() + 1];
        assertThrows(IllegalArgumentException.class, () -> voter.vote(words, -1L, 0, result));
        assertThrows(IllegalArgumentException.class, () -> voter.vote(words, -1L, voter.maxChannels() + 1, result));
        assertThrows(IllegalArgumentException.class, () -> voter.vote(new long[1], -1L, 2, result));
    }
}
