package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A healthy signal's frames after the first take the manager's quick path; these cases are the ones that path must
 * hand to the full rules because their outcome differs from a healthy frame's: every channel jumping beyond the
 * rate limit together (or one alone, within the threshold of the others), values just outside the range, a
 * channel miscomparing below a median near zero, a middle value of {@code -0.0}, and a frame in which nothing
 * moved. Most are run on three channels (the unrolled path) and four, and both on the first such frame after a
 * full one and after several.
 */
class QuietFrameOutcomeTest {

    private static ChannelManager manager(final ChannelConfig.Builder b) {
        return new ChannelManager(b.build(), ChannelEventListener.NONE);
    }

    private static OutputStatus all(final ChannelManager m, final long frame, final double value,
                                    final ChannelOutput out) {
        final double[] v = new double[m.config().channelCount()];
        Arrays.fill(v, value);
        return m.update(frame, v, -1L, -1L, out);
    }

    /**
     * Runs steady frames of 5.0 on every channel from frame 10 up to the frame returned: just frame 10 (so the next
     * frame is the first quick one after a full one), or frames 10 to 15 (so the manager has been settled for some
     * frames).
     */
    private static long steadyAtFive(final ChannelManager m, final ChannelOutput out, final boolean several) {
        final int end = several ? 16 : 11;
        for (int f = 10; f < end; f++) {
            assertEquals(OutputStatus.NORMAL, all(m, f, 5.0, out));
        }
        return end;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void everyChannelJumpingBeyondTheRateLimitTogetherIsRejectedWhateverItsSign(final int n) {
        for (final boolean settled : new boolean[] {false, true}) {
            for (final double target : new double[] {6.5, -5.0}) {
                final ChannelManager m = manager(ChannelConfig.builder(n).miscompareThreshold(2.0).rateLimit(1.0));
                final ChannelOutput out = m.newOutput();
                final long frame = steadyAtFive(m, out, settled);
                final String what = n + " channels, from 5 to " + target + " at frame " + frame;
                assertEquals(OutputStatus.INVALID, all(m, frame, target, out), what);
                assertEquals(ChannelManager.allChannels(n), out.rejectedMask(), what);
                for (int i = 0; i < n; i++) {
                    assertEquals(ExclusionReason.RATE_LIMIT, out.frameReason(i), what + ", channel " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void oneChannelJumpingBeyondTheRateLimitIsRejectedEvenWhenItAgreesWithTheOthers(final int n) {
        for (final boolean settled : new boolean[] {false, true}) {
            for (int jumper = 0; jumper < n; jumper++) {
                final ChannelManager m = manager(ChannelConfig.builder(n).miscompareThreshold(2.0).rateLimit(1.0));
                final ChannelOutput out = m.newOutput();
                final long frame = steadyAtFive(m, out, settled);
                final double[] v = new double[n];
                Arrays.fill(v, 5.0);
                v[jumper] = 6.5;
                final String what = n + " channels, channel " + jumper + " from 5 to 6.5 at frame " + frame;
                assertEquals(n == 3 ? OutputStatus.DEGRADED : OutputStatus.NORMAL, m.update(frame, v, -1L, -1L, out),
                    what);
                assertEquals(1L << jumper, out.rejectedMask(), what);
                assertEquals(ExclusionReason.RATE_LIMIT, out.frameReason(jumper), what);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aValueJustOutsideTheRangeIsRejectedEvenWhenItAgreesWithTheOthers(final int n) {
        final ChannelManager m = manager(ChannelConfig.builder(n).range(0.0, 10.0).miscompareThreshold(1.0));
        final ChannelOutput out = m.newOutput();
        final double[] v = new double[n];
        Arrays.fill(v, 9.8);
        m.update(0, v, -1L, -1L, out);
        m.update(1, v, -1L, -1L, out);
        v[1] = 10.1;
        assertEquals(n == 3 ? OutputStatus.DEGRADED : OutputStatus.NORMAL, m.update(2, v, -1L, -1L, out));
        assertEquals(0b10L, out.rejectedMask(), "one channel 0.1 above the range");
        assertEquals(ExclusionReason.OUT_OF_RANGE, out.frameReason(1));

        m.reset();
        Arrays.fill(v, 9.8);
        m.update(0, v, -1L, -1L, out);
        m.update(1, v, -1L, -1L, out);
        assertEquals(OutputStatus.INVALID, all(m, 2, 10.1, out), "every channel 0.1 above the range");
        assertEquals(ChannelManager.allChannels(n), out.rejectedMask());

        m.reset();
        all(m, 0, 0.2, out);
        all(m, 1, 0.2, out);
        assertEquals(OutputStatus.INVALID, all(m, 2, -0.1, out), "every channel 0.1 below the range");
        assertEquals(ChannelManager.allChannels(n), out.rejectedMask());
        assertEquals(ExclusionReason.OUT_OF_RANGE, out.frameReason(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aChannelBelowANearZeroMedianByMoreThanTheThresholdMiscompares(final int n) {
        for (int odd = 0; odd < n; odd++) {
            final ChannelManager m = manager(ChannelConfig.builder(n).miscompareThreshold(1.0));
            final ChannelOutput out = m.newOutput();
            all(m, 0, 0.4, out);
            all(m, 1, 0.4, out);
            final double[] v = new double[n];
            Arrays.fill(v, 0.4);
            v[odd] = -0.9;
            assertEquals(OutputStatus.NORMAL, m.update(2, v, -1L, -1L, out));
            assertEquals(1L << odd, out.miscompareMask(), n + " channels, channel " + odd + " at -5");
            assertEquals(ExclusionReason.MISCOMPARE, out.frameReason(odd));
            assertEquals(1, m.persistenceLevel(odd));
        }
    }

    @Test
    void aMiddleValueOfNegativeZeroIsOutputAsPositiveZeroWhicheverChannelSendsIt() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(2.0));
        final ChannelOutput out = m.newOutput();
        all(m, 0, 0.5, out);
        final double[][] frames = {{-0.0, 1.0, -1.0}, {1.0, -0.0, -1.0}, {1.0, -1.0, -0.0}};
        for (int f = 0; f < frames.length; f++) {
            assertEquals(OutputStatus.NORMAL, m.update(1 + f, frames[f], -1L, -1L, out));
            assertEquals(0.0, out.value(), "+0.0, not -0.0, with -0.0 from channel " + f);
        }
    }

    @Test
    void aFrameInWhichNoChannelMovedLeavesTheFrozenCountsAsTheyAre() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(10.0).frozenDetection(2));
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1.0, 2.0, 3.0}, -1L, -1L, out);
        m.update(1, new double[] {1.5, 2.5, 3.5}, -1L, -1L, out);
        m.update(2, new double[] {1.5, 2.6, 3.6}, -1L, -1L, out);
        assertEquals(0L, m.failedMask(), "channel 0 repeated once while the others moved: count 1 of 2");
        m.update(3, new double[] {1.5, 2.6, 3.6}, -1L, -1L, out);
        assertEquals(0L, m.failedMask(), "nothing moved: no count added, none cleared");
        m.update(4, new double[] {1.5, 2.7, 3.7}, -1L, -1L, out);
        assertEquals(1L, m.failedMask(), "the second repeat while others moved declares channel 0 frozen");
        assertEquals(ExclusionReason.FROZEN, out.failureReason(0));
    }

    @Test
    void leakyCountersDrainByTheirStepInEveryHealthyFrame() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.leaky(5, 1, 100)));
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {0, 0, 0}, -1L, -1L, out);
        m.update(1, new double[] {9, 0, 0}, -1L, -1L, out);
        m.update(2, new double[] {0, 9, 0}, -1L, -1L, out);
        m.update(3, new double[] {0, 0, 9}, -1L, -1L, out);
        assertEquals(3, m.persistenceLevel(0));
        assertEquals(4, m.persistenceLevel(1));
        assertEquals(5, m.persistenceLevel(2));
        for (int f = 4; f < 7; f++) {
            assertEquals(OutputStatus.NORMAL, m.update(f, new double[] {0.1 * f, 0.1 * f, 0.1 * f}, -1L, -1L, out));
            for (int i = 0; i < 3; i++) {
                assertEquals(Math.max(0, 3 + i - (f - 3)), m.persistenceLevel(i), "frame " + f + ", channel " + i);
            }
        }
    }

    @Test
    void aNormalFrameGivesBackTheWholeHoldBudget() {
        final ChannelConfig config = ChannelConfig.builder(3).miscompareThreshold(0.5)
            .duplex(DuplexPolicy.holdLastGood(2)).build();
        final ChannelManager source = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput out = source.newOutput();
        source.update(0, new double[] {1, 1, 1}, -1L, -1L, out);
        source.update(1, new double[] {1, 1, 1}, -1L, -1L, out);
        final long[] words = new long[source.stateWords()];
        source.writeState(words, 0);
        words[words.length - 1] |= 2L;
        final ChannelManager m = new ChannelManager(config, ChannelEventListener.NONE);
        m.readState(words, 0);
        assertEquals(OutputStatus.NORMAL, m.update(2, new double[] {1, 1, 1}, -1L, -1L, out));
        assertEquals(OutputStatus.NO_MAJORITY, m.update(3, new double[] {1, 5, 0}, 0b011, -1L, out),
            "read with its two hold frames used, then a NORMAL frame: the hold is available again");
        assertEquals(1.0, out.value());
    }

    @Test
    void twoChannelsAreNeverNormalEvenFromStateThatSaysTheyWere() {
        final ChannelConfig config = ChannelConfig.builder(2).miscompareThreshold(1.0).build();
        final ChannelManager source = new ChannelManager(config, ChannelEventListener.NONE);
        final ChannelOutput out = source.newOutput();
        assertEquals(OutputStatus.DEGRADED, source.update(0, new double[] {1, 1}, -1L, -1L, out));
        final long[] words = new long[source.stateWords()];
        source.writeState(words, 0);
        words[words.length - 1] &= ~(0x7L << 40);
        final ChannelManager m = new ChannelManager(config, ChannelEventListener.NONE);
        m.readState(words, 0);
        assertEquals(OutputStatus.DEGRADED, m.update(1, new double[] {1, 1}, -1L, -1L, out),
            "last status read as NORMAL");
    }
}
