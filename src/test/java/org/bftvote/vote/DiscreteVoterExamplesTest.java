package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Worked examples for the discrete voters: majorities, ties, plurality, masks, and bitwise tie policies.
 */
class DiscreteVoterExamplesTest {
    private final DiscreteVoteResult r = new DiscreteVoteResult();

    @Test
    void exactMajorityNeedsMoreThanHalfOfTheValidChannels() {
        final ExactMajority majority = new ExactMajority(5);
        assertEquals(VoteStatus.VOTED, majority.vote(new long[] {7, 7, 0b101, 7, 9}, -1L, 5, r));
        assertEquals(7, r.word());
        assertEquals(0b01011, r.usedMask());
        assertEquals(3, r.support());
        assertEquals(0b1110, r.disagreeBits(), "7^5 | 7^9 = 0b010 | 0b1110");
        assertEquals(VoteStatus.NO_MAJORITY, majority.vote(new long[] {1, 1, 2, 2}, -1L, 4, r));
        assertEquals(0, r.word());
        assertEquals(0b11, r.disagreeBits());
        assertEquals(VoteStatus.VOTED, majority.vote(new long[] {1, 1, 2, 2}, 0b0111, 4, r), "mask drops one 2");
        assertEquals(1, r.word());
        assertEquals(VoteStatus.TOO_FEW_INPUTS, majority.vote(new long[] {1, 1}, 0L, 2, r));
    }

    @Test
    void pluralityTakesAUniqueLeaderAndReportsTies() {
        final ExactMajority plurality = new ExactMajority(5, ExactMajority.Mode.PLURALITY);
        assertEquals(VoteStatus.VOTED, plurality.vote(new long[] {4, 4, 1, 2, 3}, -1L, 5, r));
        assertEquals(4, r.word());
        assertEquals(2, r.support());
        assertEquals(VoteStatus.NO_MAJORITY, plurality.vote(new long[] {4, 4, 1, 1, 3}, -1L, 5, r));
        assertEquals(2, r.support());
        assertEquals(VoteStatus.NO_MAJORITY, new ExactMajority(5).vote(new long[] {4, 4, 1, 2, 3}, -1L, 5, r),
            "two of five is a plurality, not a majority");
    }

    @Test
    void bitwiseMajorityOfThreeMixesBitsFromDifferentChannels() {
        final BitwiseMajority bitwise = new BitwiseMajority(3);
        assertEquals(VoteStatus.VOTED, bitwise.vote(new long[] {0b1100, 0b1010, 0b0110}, -1L, 3, r));
        assertEquals(0b1110, r.word());
        assertEquals(0b1110, r.disagreeBits());
        assertEquals(2, r.support());
        assertEquals(0b111, r.usedMask());
    }

    @Test
    void bitwiseMajorityTiesFollowThePolicy() {
        final long[] w = {0b11, 0b01, 0b11, 0b01};
        assertEquals(VoteStatus.VOTED, new BitwiseMajority(4).vote(w, -1L, 4, r));
        assertEquals(0b01, r.word(), "bit 1 splits 2:2 and is output as 0");
        assertEquals(2, r.support());
        assertEquals(VoteStatus.NO_MAJORITY,
            new BitwiseMajority(4, BitwiseMajority.TiePolicy.NO_MAJORITY).vote(w, -1L, 4, r));
        assertEquals(VoteStatus.VOTED,
            new BitwiseMajority(4, BitwiseMajority.TiePolicy.NO_MAJORITY).vote(w, 0b0111, 4, r));
        assertEquals(0b11, r.word());
    }

    @Test
    void bitwiseMajorityOfSixtyFourChannels() {
        final long[] w = new long[64];
        java.util.Arrays.fill(w, -1L);
        for (int i = 0; i < 31; i++) {
            w[i] = 0L;
        }
        assertEquals(VoteStatus.VOTED, new BitwiseMajority(64).vote(w, -1L, 64, r));
        assertEquals(-1L, r.word());
        assertEquals(33, r.support());
        assertEquals(64, r.validCount());
    }
}
