package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Every limit is inclusive, as documented: a value at either end of the range is in range, a change of exactly
 * the rate limit is accepted, and a distance of exactly the miscompare threshold is agreement (for a pair, for the
 * median comparison, and for a failed channel working towards readmission).
 */
class ChannelLimitsTest {

    private static ChannelManager manager(final ChannelConfig.Builder b) {
        return new ChannelManager(b.build(), ChannelEventListener.NONE);
    }

    @Test
    void bothEndsOfTheRangeAreInRange() {
        final ChannelManager m = manager(ChannelConfig.builder(3).range(0.0, 10.0).miscompareThreshold(20.0));
        final ChannelOutput out = m.newOutput();
        assertEquals(OutputStatus.NORMAL, m.update(0, new double[] {0.0, 10.0, 5.0}, -1L, -1L, out));
        assertEquals(0L, out.rejectedMask());
    }

    @Test
    void aChangeOfExactlyTheRateLimitIsAccepted() {
        final ChannelManager m = manager(ChannelConfig.builder(3).rateLimit(0.5).miscompareThreshold(10.0));
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1.0, 1.0, 1.0}, -1L, -1L, out);
        m.update(1, new double[] {1.5, 0.5, 9.0}, -1L, -1L, out);
        assertEquals(0b100L, out.rejectedMask(), "channels 0 and 1 moved by exactly 0.5, channel 2 by 8");
        assertEquals(ExclusionReason.RATE_LIMIT, out.frameReason(2));
    }

    @Test
    void aPairExactlyTheThresholdApartAgrees() {
        final ChannelManager m = manager(ChannelConfig.builder(2).miscompareThreshold(0.5));
        final ChannelOutput out = m.newOutput();
        assertEquals(OutputStatus.DEGRADED, m.update(0, new double[] {1.0, 1.5}, -1L, -1L, out));
        assertEquals(1.25, out.value());
        assertEquals(OutputStatus.INVALID, m.update(1, new double[] {1.0, 1.5625}, -1L, -1L, out),
            "beyond the threshold the pair disagrees (and nothing is held)");
    }

    @Test
    void aChannelExactlyTheThresholdFromTheMedianDoesNotMiscompare() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(0.5));
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1.0, 1.5, 2.0}, -1L, -1L, out);
        assertEquals(0L, out.miscompareMask());
        assertEquals(0, m.persistenceLevel(0));
        assertEquals(0, m.persistenceLevel(2));
    }

    @Test
    void aFailedChannelExactlyTheThresholdFromTheVoteCountsAGoodFrameTowardsReadmission() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(1)).reintegration(ReintegrationPolicy.afterGoodFrames(1, 1)));
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1.0, 1.0, 5.0}, -1L, -1L, out);
        assertEquals(0b100L, m.failedMask());
        m.update(1, new double[] {1.0, 1.0, 1.5}, -1L, -1L, out);
        assertEquals(0L, m.failedMask(), "0.5 from the pair's vote of 1.0: a good frame, readmitted after one");
        assertEquals(1, m.reintegrationCount(2));
    }
}
