package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.bftvote.vote.RealVoter;
import org.bftvote.vote.VoteResult;
import org.bftvote.vote.VoteStatus;
import org.junit.jupiter.api.Test;

/** Latch, reintegration, degradation, duplex policies, fail-safe output, events and maintenance resets. */
class ChannelPoliciesTest {
    private static final long ALL = -1L;

    private final double[] v = new double[5];
    private ChannelOutput out = new ChannelOutput(5);

    private OutputStatus step(final ChannelManager m, final long frame, final long valid, final double... values) {
        System.arraycopy(values, 0, v, 0, values.length);
        return m.update(frame, v, valid, ALL, out);
    }

    private static ChannelConfig.Builder triplex() {
        return ChannelConfig.builder(3).miscompareThreshold(1.0).persistence(PersistencePolicy.consecutive(2));
    }

    @Test
    void neverLatchesForGood() {
        final ChannelManager m = new ChannelManager(triplex().build(), ChannelEventListener.NONE);
        step(m, 0, ALL, 1.0, 1.0, 9.0);
        step(m, 1, ALL, 1.0, 1.0, 9.0);
        assertTrue(out.isFailed(2));
        for (int f = 2; f < 1000; f++) {
            step(m, f, ALL, 1.0, 1.0, 1.0);
            assertTrue(out.isFailed(2), "frame " + f);
            assertEquals(0b011, out.usedMask());
        }
    }

    @Test
    void readmittedAfterMConsecutiveGoodFramesAtMostKTimes() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(
            triplex().reintegration(ReintegrationPolicy.afterGoodFrames(5, 2)).build(), events);
        long f = 0;
        for (int episode = 0; episode < 3; episode++) {
            step(m, f++, ALL, 1.0, 1.0, 9.0);
            step(m, f++, ALL, 1.0, 1.0, 9.0);
            assertTrue(out.isFailed(2), "episode " + episode);
            for (int k = 0; k < 4; k++) {
                step(m, f++, ALL, 1.0, 1.0, 1.5);
            }
            step(m, f++, ALL, 1.0, 1.0, 2.5);
            assertTrue(out.isFailed(2), "a bad frame restarts the good run");
            for (int k = 0; k < 4; k++) {
                step(m, f++, ALL, 1.0, 1.0, 1.5);
                assertTrue(out.isFailed(2));
            }
            step(m, f++, ALL, 1.0, 1.0, 1.5);
            assertEquals(episode < 2, !out.isFailed(2), "episode " + episode);
        }
        assertEquals(2, m.reintegrationCount(2));
        for (int k = 0; k < 100; k++) {
            step(m, f++, ALL, 1.0, 1.0, 1.0);
        }
        assertTrue(out.isFailed(2), "third readmission refused: the latch holds");
        assertEquals(2, events.starting("reintegrated").size());
        assertEquals(3, events.starting("failed").size());
    }

    @Test
    void aLatchedInputCheckFailureStaysOutUnlessThePolicyReadmitsIt() {
        for (final boolean allow : new boolean[] {false, true}) {
            ReintegrationPolicy p = ReintegrationPolicy.afterGoodFrames(3, 5);
            if (allow) {
                p = p.readmitting(ExclusionReason.MISCOMPARE, ExclusionReason.SOURCE_INVALID);
            }
            final ChannelManager m = new ChannelManager(triplex().reintegration(p).build(), ChannelEventListener.NONE);
            step(m, 0, 0b011, 1.0, 1.0, 1.0);
            step(m, 1, 0b011, 1.0, 1.0, 1.0);
            assertEquals(ExclusionReason.SOURCE_INVALID, out.failureReason(2));
            for (int f = 2; f < 50; f++) {
                step(m, f, ALL, 1.0, 1.0, 1.0);
            }
            assertEquals(allow, !out.isFailed(2), "allow " + allow);
        }
    }

    @Test
    void degradesQuadTriplexDuplexSimplexNoneWithEvents() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(4).signalId(3).miscompareThreshold(1.0)
            .persistence(PersistencePolicy.consecutive(1)).build(), events);
        long valid = 0b1111;
        assertEquals(OutputStatus.NORMAL, step(m, 0, valid, 1.0, 1.2, 1.4, 1.6));
        assertEquals(RedundancyLevel.QUAD, out.level());
        assertEquals(1.3, out.value(), 1e-12);
        final OutputStatus[] expected = {
            OutputStatus.NORMAL, OutputStatus.DEGRADED, OutputStatus.DEGRADED, OutputStatus.INVALID};
        final RedundancyLevel[] levels = {
            RedundancyLevel.TRIPLEX, RedundancyLevel.DUPLEX, RedundancyLevel.SIMPLEX, RedundancyLevel.NONE};
        for (int lost = 0; lost < 4; lost++) {
            valid &= ~(1L << lost);
            // The frame a channel is lost in already excludes it; the next frame shows the new level steady.
            step(m, 1 + 2 * lost, valid, 1.0, 1.2, 1.4, 1.6);
            assertEquals(levels[lost], out.level(), "lost " + (lost + 1));
            assertEquals(expected[lost], step(m, 2 + 2 * lost, valid, 1.0, 1.2, 1.4, 1.6), "lost " + (lost + 1));
            assertEquals(levels[lost], out.level());
        }
        assertTrue(Double.isNaN(out.value()), "none left: NaN, never a made-up number");
        assertEquals(0b1111, out.failedMask());
        assertEquals(List.of(
            "status 3 0 INVALID->NORMAL",
            "failed 3 1 ch0 SOURCE_INVALID", "level 3 1 QUAD->TRIPLEX",
            "failed 3 3 ch1 SOURCE_INVALID", "level 3 3 TRIPLEX->DUPLEX", "status 3 3 NORMAL->DEGRADED",
            "failed 3 5 ch2 SOURCE_INVALID", "level 3 5 DUPLEX->SIMPLEX",
            "failed 3 7 ch3 SOURCE_INVALID", "level 3 7 SIMPLEX->NONE", "status 3 7 DEGRADED->INVALID"),
            events.events);
    }

    @Test
    void simplexOutputsTheSingleChannelFlaggedDegraded() {
        final ChannelManager m = new ChannelManager(triplex().build(), ChannelEventListener.NONE);
        assertEquals(OutputStatus.DEGRADED, step(m, 0, 0b010, 0.0, 7.25, 0.0));
        assertEquals(7.25, out.value(), 0.0);
        assertEquals(0b010, out.usedMask());
    }

    @Test
    void holdLastGoodHoldsForAtMostMaxFramesThenInvalid() {
        final ChannelManager m = new ChannelManager(
            triplex().duplex(DuplexPolicy.holdLastGood(3)).build(), ChannelEventListener.NONE);
        step(m, 0, 0b011, 2.0, 2.4, 0.0);
        assertEquals(OutputStatus.DEGRADED, out.status());
        assertEquals(2.2, out.value(), 1e-12);
        for (int f = 1; f <= 3; f++) {
            assertEquals(OutputStatus.NO_MAJORITY, step(m, f, 0b011, 2.0, 5.0, 0.0), "frame " + f);
            assertEquals(2.2, out.value(), 1e-12, "the last good value, held");
            assertEquals(0L, out.usedMask());
            assertEquals(3.0, out.spread(), 1e-12);
        }
        assertEquals(OutputStatus.INVALID, step(m, 4, 0b011, 2.0, 5.0, 0.0));
        assertTrue(Double.isNaN(out.value()));
        assertFalse(out.isFailed(0) || out.isFailed(1), "a split pair condemns no one");
        assertEquals(OutputStatus.DEGRADED, step(m, 5, 0b011, 2.0, 2.1, 0.0), "agreement returns the vote");
        assertEquals(OutputStatus.NO_MAJORITY, step(m, 6, 0b011, 2.0, 5.0, 0.0), "a new hold starts");
        assertEquals(2.05, out.value(), 1e-12);
    }

    @Test
    void holdLastGoodZeroIsFailSafeAtOnce() {
        final ChannelManager m = new ChannelManager(triplex().build(), ChannelEventListener.NONE);
        step(m, 0, 0b011, 2.0, 2.4, 0.0);
        assertEquals(OutputStatus.INVALID, step(m, 1, 0b011, 2.0, 5.0, 0.0));
        assertTrue(Double.isNaN(out.value()));
    }

    @Test
    void selectByPriorityOutputsTheHighestPriorityAvailableChannel() {
        final ChannelManager m = new ChannelManager(
            triplex().duplex(DuplexPolicy.selectByPriority(2, 0)).build(), ChannelEventListener.NONE);
        assertEquals(OutputStatus.NO_MAJORITY, step(m, 0, 0b101, 1.0, 0.0, 4.0));
        assertEquals(4.0, out.value(), 0.0);
        assertEquals(0b100, out.usedMask());
        assertEquals(OutputStatus.NO_MAJORITY, step(m, 1, 0b011, 1.0, 3.0, 4.0));
        assertEquals(1.0, out.value(), 0.0, "channel 2 unavailable: channel 0 is next");
        assertEquals(OutputStatus.NO_MAJORITY, step(m, 2, 0b110, 1.0, 3.0, 5.0));
        assertEquals(5.0, out.value(), 0.0);
    }

    @Test
    void nothingAvailableIsInvalidNan() {
        final ChannelManager m = new ChannelManager(
            triplex().duplex(DuplexPolicy.holdLastGood(10)).build(), ChannelEventListener.NONE);
        step(m, 0, ALL, 1.0, 1.0, 1.0);
        v[0] = Double.NaN;
        v[1] = Double.POSITIVE_INFINITY;
        v[2] = Double.NaN;
        assertEquals(OutputStatus.INVALID, m.update(1, v, ALL, ALL, out));
        assertTrue(Double.isNaN(out.value()));
        assertEquals(0b111, out.rejectedMask());
    }

    /** Plain mean of the valid inputs: a voter a faulty channel can drag, to show the reference is not it. */
    private static final class MeanVoter implements RealVoter {
        private final int max;

        MeanVoter(final int max) {
            this.max = max;
        }

        @Override
        public int maxChannels() {
            return max;
        }

        @Override
        public int faultsTolerated() {
            return 0;
        }

        @Override
        public int minValidInputs() {
            return 1;
        }

        @Override
        public VoteStatus vote(final double[] values, final long mask, final int n, final VoteResult r) {
            double sum = 0;
            int k = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if ((mask & (1L << i)) != 0) {
                    sum += values[i];
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                    k++;
                }
            }
            r.voted(sum / k, lo, hi, mask, hi - lo, k);
            return VoteStatus.VOTED;
        }
    }

    /** Drops the lowest and highest value and averages the rest; needs four valid inputs (3f + 1, f = 1). */
    private static final class TrimmingVoter implements RealVoter {
        private final int max;
        private final double[] s;

        TrimmingVoter(final int max) {
            this.max = max;
            this.s = new double[max];
        }

        @Override
        public int maxChannels() {
            return max;
        }

        @Override
        public int faultsTolerated() {
            return 1;
        }

        @Override
        public int minValidInputs() {
            return 4;
        }

        @Override
        public VoteStatus vote(final double[] values, final long mask, final int n, final VoteResult r) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1L << i)) != 0) {
                    s[k++] = values[i];
                }
            }
            if (k < 4) {
                r.notVoted(VoteStatus.TOO_FEW_INPUTS, k);
                return VoteStatus.TOO_FEW_INPUTS;
            }
            java.util.Arrays.sort(s, 0, k);
            double sum = 0;
            for (int i = 1; i < k - 1; i++) {
                sum += s[i];
            }
            r.voted(sum / (k - 2), s[1], s[k - 2], mask, s[k - 2] - s[1], k);
            return VoteStatus.VOTED;
        }
    }

    @Test
    void miscompareReferenceIsTheMedianNotTheOutputVoter() {
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(4).miscompareThreshold(1.0)
            .voter(MeanVoter::new).persistence(PersistencePolicy.consecutive(1)).build(), ChannelEventListener.NONE);
        step(m, 0, ALL, 1.0, 1.1, 0.9, 50.0);
        assertEquals(13.25, out.value(), 1e-12, "the output is the configured voter's");
        assertEquals(0b1000, out.miscompareMask(), "only the outlier is far from the median 1.05");
        assertEquals(0b1000, out.failedMask());
    }

    @Test
    void aTrimmingVoterThatCannotVoteFallsBackToTheDuplexPolicy() {
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(5).miscompareThreshold(1.0)
            .voter(TrimmingVoter::new).duplex(DuplexPolicy.holdLastGood(2)).build(), ChannelEventListener.NONE);
        assertEquals(OutputStatus.NORMAL, step(m, 0, ALL, 1.0, 1.1, 1.2, 1.3, 1.4));
        assertEquals(1.2, out.value(), 1e-12);
        assertEquals(OutputStatus.NO_MAJORITY, step(m, 1, 0b00111, 1.0, 1.1, 1.2, 1.3, 1.4));
        assertEquals(1.2, out.value(), 1e-12, "three left: the trimming voter cannot vote; last good held");
        assertEquals(0L, out.miscompareMask(), "the median still monitors the channels");
        step(m, 2, 0b00111, 1.0, 1.1, 1.2, 1.3, 1.4);
        assertEquals(OutputStatus.INVALID, step(m, 3, 0b00111, 1.0, 1.1, 1.2, 1.3, 1.4));
    }

    @Test
    void resetAndResetChannelClearLatchedFailures() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(triplex().build(), events);
        step(m, 0, 0b001, 1.0, 1.0, 1.0);
        step(m, 1, 0b001, 1.0, 1.0, 1.0);
        assertEquals(0b110, out.failedMask());
        m.resetChannel(1);
        step(m, 2, ALL, 1.0, 1.0, 1.0);
        assertEquals(0b100, out.failedMask());
        assertEquals(RedundancyLevel.DUPLEX, out.level());
        assertTrue(events.events.contains("level 0 2 SIMPLEX->DUPLEX"), events.events.toString());
        m.reset();
        assertEquals(RedundancyLevel.TRIPLEX, m.level());
        assertEquals(OutputStatus.NORMAL, step(m, 3, ALL, 1.0, 1.0, 1.0));
        assertEquals(0L, out.failedMask());
        org.junit.jupiter.api.Assertions.assertThrows(org.bftvote.InvalidConfigException.class,
            () -> m.resetChannel(3));
    }

    @Test
    void slf4jListenerLogsEveryKindOfTransition() {
        final ChannelManager m = new ChannelManager(triplex()
            .reintegration(ReintegrationPolicy.afterGoodFrames(1, 1)).build(), new Slf4jChannelEventListener());
        final ChannelManager named = new ChannelManager(triplex().build(),
            new Slf4jChannelEventListener("org.bftvote.channel.test.aoa"));
        for (final ChannelManager mm : new ChannelManager[] {m, named}) {
            step(mm, 0, ALL, 1.0, 1.0, 9.0);
            step(mm, 1, ALL, 1.0, 1.0, 9.0);
            step(mm, 2, ALL, 1.0, 1.0, 1.0);
            step(mm, 3, ALL, 1.0, 1.0, 1.0);
        }
        assertEquals(0, m.failedMask(), "failed, then readmitted");
        assertEquals(0b100, named.failedMask());
    }

    @Test
    void aFailedChannelsReasonIsItsFailureWhateverItsFrameCheckSays() {
        final ChannelManager m = new ChannelManager(
            triplex().reintegration(ReintegrationPolicy.afterGoodFrames(5, 1)).build(), ChannelEventListener.NONE);
        step(m, 0, ALL, 1.0, 1.0, 9.0);
        step(m, 1, ALL, 1.0, 1.0, 9.0);
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(2));
        step(m, 2, ALL, 1.0, Double.NaN, Double.NaN);
        assertEquals(ExclusionReason.NOT_FINITE, out.frameReason(2), "still input-checked while failed");
        assertEquals(ExclusionReason.MISCOMPARE, out.reason(2), "the latched failure comes first");
        assertEquals(ExclusionReason.NOT_FINITE, out.reason(1), "a healthy channel: this frame's check");
    }

    @Test
    void sixtyFourChannelsAreAllUsed() {
        // The channel mask of 64 channels is every bit of the word (a shift by 64 would give none).
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(64).miscompareThreshold(1.0).build(),
            ChannelEventListener.NONE);
        final ChannelOutput wide = m.newOutput();
        final double[] values = new double[64];
        Arrays.fill(values, 2.0);
        assertEquals(OutputStatus.NORMAL, m.update(0, values, ALL, ALL, wide));
        assertEquals(ALL, wide.usedMask());
        assertEquals(2.0, wide.value());
    }

    @Test
    void aPriorityOrderListsEveryChannelOnceSkippingThoseBeyondTheCount() {
        assertArrayEquals(new int[] {1, 0, 2}, DuplexPolicy.selectByPriority(5, 1).fullOrder(3));
        assertArrayEquals(new int[] {2, 0, 1, 3}, DuplexPolicy.selectByPriority(2).fullOrder(4));
        assertArrayEquals(new int[] {0, 1, 2}, DuplexPolicy.holdLastGood(3).fullOrder(3));
    }
}
