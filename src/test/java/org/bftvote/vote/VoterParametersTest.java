package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * What each voter says about itself (the channel manager sizes and checks its signals by it): the faults it
 * tolerates, the fewest valid inputs it votes with, the mode or policy it was built with; and a channel count outside
 * the voter's range is refused with a message naming count, bound and array length.
 */
class VoterParametersTest {
    @Test
    void midValueSelectToleratesFewerThanHalfItsChannelsAndVotesWithOneValidInput() {
        final int[] faults = {0, 0, 1, 1, 2, 2};
        for (int n = 1; n <= 6; n++) {
            final MidValueSelect voter = new MidValueSelect(n);
            assertEquals(faults[n - 1], voter.faultsTolerated(), "n = " + n);
            assertEquals(1, voter.minValidInputs(), "n = " + n);
        }
        assertEquals(31, new MidValueSelect(64).faultsTolerated());
    }

    @Test
    void trimmingVotersAndIntervalFusionTolerateTheirFAndNeedTwoFPlusOneInputs() {
        for (int f = 0; f <= 2; f++) {
            final RealVoter[] voters = {new FaultTolerantMean(5, f), new FaultTolerantMidpoint(5, f),
                new IntervalFusion(5, f, 1.0)};
            for (final RealVoter voter : voters) {
                assertEquals(f, voter.faultsTolerated(), voter.getClass().getSimpleName() + ", f = " + f);
                assertEquals(5, voter.maxChannels());
            }
            assertEquals(2 * f + 1, voters[2].minValidInputs(), "interval fusion, f = " + f);
        }
    }

    @Test
    void discreteVotersReportTheirModeAndTiePolicy() {
        assertEquals(ExactMajority.Mode.MAJORITY, new ExactMajority(3).mode());
        assertEquals(ExactMajority.Mode.PLURALITY, new ExactMajority(3, ExactMajority.Mode.PLURALITY).mode());
        assertEquals(BitwiseMajority.TiePolicy.ZERO, new BitwiseMajority(4).tiePolicy());
        assertEquals(BitwiseMajority.TiePolicy.NO_MAJORITY,
            new BitwiseMajority(4, BitwiseMajority.TiePolicy.NO_MAJORITY).tiePolicy());
    }

    @Test
    void aChannelCountOutsideTheVotersRangeOrItsArraysIsRefusedByName() {
        final IntervalFusion fusion = new IntervalFusion(3, 1, 1.0);
        final VoteResult result = new VoteResult();
        final IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
            () -> fusion.vote(new double[4], new double[4], 0b1111, 4, result));
        assertEquals("channelCount = 4 breaks 1 <= channelCount <= min(maxChannels = 3, values.length = 4)",
            tooMany.getMessage());
        final IllegalArgumentException shortValues = assertThrows(IllegalArgumentException.class,
            () -> fusion.vote(new double[2], new double[3], 0b111, 3, result));
        assertEquals("channelCount = 3 breaks 1 <= channelCount <= min(maxChannels = 3, values.length = 2)",
            shortValues.getMessage());
        // The accuracies are checked against the count too (the message names their length as the array's).
        final IllegalArgumentException shortAccuracies = assertThrows(IllegalArgumentException.class,
            () -> fusion.vote(new double[3], new double[2], 0b111, 3, result));
        assertEquals("channelCount = 3 breaks 1 <= channelCount <= min(maxChannels = 3, values.length = 2)",
            shortAccuracies.getMessage());
    }

    @Test
    void withoutAMajorityTheLargestGroupAndTheDisagreeingBitsAreReportedWhateverTheOrder() {
        // Five channels, words 6, 6, 3, 9 and 12 on the valid four of them (channel 4 masked out): no word has three
        // holders; the largest group is the two 6s; the bits not common to all valid words are 6 | 3 | 9 minus the
        // bits all share (none). Every rotation of the channels gives the same report, though the majority
        // candidate found on the way depends on the order.
        final long[] words = {6, 3, 6, 9, 12};
        final ExactMajority majority = new ExactMajority(5);
        final DiscreteVoteResult result = new DiscreteVoteResult();
        for (int shift = 0; shift < 4; shift++) {
            final long[] rotated = new long[5];
            for (int i = 0; i < 4; i++) {
                rotated[(i + shift) % 4] = words[i];
            }
            rotated[4] = 12;
            assertEquals(VoteStatus.NO_MAJORITY, majority.vote(rotated, 0b01111, 5, result), "shift " + shift);
            assertEquals(2, result.support(), "shift " + shift);
            assertEquals(4, result.validCount(), "shift " + shift);
            assertEquals(6L | 3L | 9L, result.disagreeBits(), "shift " + shift);
        }
        // Words sharing bit 16 in all valid channels: that bit is not a disagreeing one, a masked-out word's bits
        // count not at all.
        final long high = 1L << 16;
        assertEquals(VoteStatus.NO_MAJORITY,
            majority.vote(new long[] {high | 1, high | 2, high | 4, high | 8, 1L << 40}, 0b01111, 5, result));
        assertEquals(1, result.support());
        assertEquals(15L, result.disagreeBits());
    }
}
