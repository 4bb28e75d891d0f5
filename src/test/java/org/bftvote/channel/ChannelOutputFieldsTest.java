package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What an output reports: before its first frame, no value, status {@code INVALID} and no reason for any channel;
 * after a frame, that frame's number, channel count and healthy channels; the vote's own status under a congruence
 * mark; and no reason left over from an earlier frame once a healthy frame follows, even one by another manager
 * (as when a lane takes the state the lanes agree on).
 */
class ChannelOutputFieldsTest {

    @Test
    void anOutputNeverFilledHasNoValueAndNoReason() {
        final ChannelOutput out = new ChannelOutput(3);
        assertEquals(OutputStatus.INVALID, out.status());
        assertEquals(OutputStatus.INVALID, out.voteStatus());
        assertEquals(Double.NaN, out.value());
        for (int i = 0; i < 3; i++) {
            assertEquals(ExclusionReason.NONE, out.frameReason(i), "channel " + i);
            assertEquals(ExclusionReason.NONE, out.failureReason(i), "channel " + i);
            assertEquals(ExclusionReason.NONE, out.reason(i), "channel " + i);
        }
    }

    @Test
    void aFrameReportsItsNumberItsChannelCountAndTheChannelsNotFailed() {
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(4).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(1)).build(), ChannelEventListener.NONE);
        final ChannelOutput out = new ChannelOutput(6);
        m.update(7, new double[] {1, 1, 1, 9}, -1L, -1L, out);
        assertEquals(7L, out.frame());
        assertEquals(4, out.channelCount());
        assertEquals(0b1000L, out.failedMask());
        assertEquals(0b0111L, out.healthyMask(), "the four channels but the failed one");
    }

    @Test
    void aCongruenceMarkLeavesTheVotesOwnStatus() {
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(3).miscompareThreshold(0.5).build(),
            ChannelEventListener.NONE);
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1, 1, 1}, -1L, -1L, out);
        out.markNotCongruent(OutputStatus.DIVERGED);
        assertEquals(OutputStatus.DIVERGED, out.status());
        assertEquals(OutputStatus.NORMAL, out.voteStatus());
    }

    @Test
    void aHealthyFrameAfterAMiscompareReportsNoReason() {
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(3).miscompareThreshold(0.5).build(),
            ChannelEventListener.NONE);
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {5, 5, 5}, -1L, -1L, out);
        m.update(1, new double[] {5, 5, 7}, -1L, -1L, out);
        assertEquals(ExclusionReason.MISCOMPARE, out.frameReason(2));
        assertEquals(OutputStatus.NORMAL, m.update(2, new double[] {5, 5, 5}, -1L, -1L, out));
        assertEquals(ExclusionReason.NONE, out.frameReason(2));
        assertEquals(ExclusionReason.NONE, out.reason(2));
    }

    @Test
    void anOutputTakenOverByAnotherManagerReportsOnlyThatManagersFrame() {
        final ChannelConfig config = ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(1)).build();
        final ChannelOutput out = new ChannelOutput(3);
        final ChannelManager failing = new ChannelManager(config, ChannelEventListener.NONE);
        failing.update(0, new double[] {1, 1, 5}, -1L, -1L, out);
        failing.update(1, new double[] {1, 1, 1}, -1L, -1L, out);
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(2), "failed, this frame's check passed");
        final ChannelManager healthy = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput own = healthy.newOutput();
        healthy.update(0, new double[] {1, 1, 1}, -1L, -1L, own);
        healthy.update(1, new double[] {1, 1, 1}, -1L, -1L, own);
        final long[] words = new long[healthy.stateWords()];
        healthy.writeState(words, 0);
        final ChannelManager taken = new ChannelManager(config, ChannelEventListener.NONE);
        taken.readState(words, 0);
        assertEquals(OutputStatus.NORMAL, taken.update(2, new double[] {1, 1, 1}, -1L, -1L, out));
        assertEquals(ExclusionReason.NONE, out.failureReason(2));
        assertEquals(ExclusionReason.NONE, out.reason(2));
        assertEquals(0L, out.failedMask());
    }
}
