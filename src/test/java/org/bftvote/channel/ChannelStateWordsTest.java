package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The state words hold each field where {@link ChannelManager}'s layout puts it; every counter saturates at the
 * largest value its comparison uses; a flag that is clear in the words means "none" when read (no previous value,
 * no previous bit pattern); and a reset channel forgets its bit pattern.
 */
class ChannelStateWordsTest {
    private static final long FIELD = (1L << 20) - 1;

    private static ChannelManager manager(final ChannelConfig config) {
        return new ChannelManager(config, ChannelEventListener.NONE);
    }

    private static long[] words(final ChannelManager m) {
        final long[] w = new long[m.stateWords()];
        m.writeState(w, 0);
        return w;
    }

    private static long field(final long word, final int shift) {
        return word >>> shift & FIELD;
    }

    @Test
    void eachChannelFieldIsWhereTheLayoutPutsIt() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(0.5).staleLimit(10)
            .persistence(PersistencePolicy.consecutive(1)).reintegration(ReintegrationPolicy.afterGoodFrames(3, 1))
            .build());
        assertEquals(0L, words(m)[0], "nothing recorded yet: every field and flag clear");
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1, 1, 5}, -1L, -1L, out);
        m.update(1, new double[] {1, 1, 1}, -1L, 0b011, out);
        m.update(2, new double[] {1, 1, 1}, -1L, 0b011, out);
        final long[] w = words(m);
        assertEquals(1L << 61, w[0], "channel 0: healthy, has a previous value, every counter 0");
        final long failed = w[2 * 4];
        assertEquals(0L, field(failed, 0), "persistence level (reset when it failed)");
        assertEquals(2L, field(failed, 20), "good run: two good frames since it failed");
        assertEquals(2L, field(failed, 40), "stale count: two frames without a fresh sample");
        assertEquals(3L, failed >>> 60, "failed, and has a previous value; no bit pattern (no frozen detection)");
        assertEquals((long) ExclusionReason.MISCOMPARE.ordinal() << 40, w[2 * 4 + 1], "failure reason");
    }

    @Test
    void theHoldAndStatusHoldCountsAndTheLastStatusAreWhereTheLayoutPutsThem() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(0.5)
            .duplex(DuplexPolicy.holdLastGood(3)).statusHold(2).build());
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1, 1, 1}, -1L, -1L, out);
        assertEquals(OutputStatus.NORMAL, m.update(1, new double[] {1, 1.2, 0}, 0b011, -1L, out), "status held");
        long[] w = words(m);
        assertEquals(1L << 20, w[w.length - 1], "no hold, one status-hold frame, last status NORMAL");
        assertEquals(OutputStatus.NO_MAJORITY, m.update(2, new double[] {1, 5, 0}, 0b011, -1L, out));
        w = words(m);
        assertEquals(1L | (long) OutputStatus.NO_MAJORITY.ordinal() << 40, w[w.length - 1],
            "one hold frame, no status hold, last status NO_MAJORITY");
    }

    @Test
    void theStaleFrozenAndGoodRunCountsStopAtTheLargestValueTheirChecksUse() {
        final ChannelManager stale = manager(ChannelConfig.builder(3).staleLimit(2).miscompareThreshold(1).build());
        final ChannelOutput out = stale.newOutput();
        for (int f = 0; f < 8; f++) {
            stale.update(f, new double[] {1, 1, 1}, -1L, 0b110, out);
        }
        assertEquals(3L, field(words(stale)[0], 40), "stale count: the limit 2, plus one");

        final ChannelManager frozen = manager(ChannelConfig.builder(3).frozenDetection(2).miscompareThreshold(10)
            .build());
        for (int f = 0; f < 8; f++) {
            frozen.update(f, new double[] {1, 2 + f, 3 + f}, -1L, -1L, out);
        }
        assertEquals(1L, frozen.failedMask());
        assertEquals(2L, field(words(frozen)[1], 0), "frozen count: the frames that declare it frozen");

        final ChannelManager waiting = manager(ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(1))
            .reintegration(ReintegrationPolicy.afterGoodFrames(2, 1).readmitting(ExclusionReason.FROZEN)).build());
        waiting.update(0, new double[] {1, 1, 5}, -1L, -1L, out);
        for (int f = 1; f < 8; f++) {
            waiting.update(f, new double[] {1, 1, 1}, -1L, -1L, out);
        }
        assertEquals(0b100L, waiting.failedMask(), "failed for a reason not readmitted");
        assertEquals(2L, field(words(waiting)[2 * 4], 20), "good run: the frames readmission needs");
    }

    @Test
    void stateReadFromAManagerThatNeverHadAValueHasNoPreviousValueOrBitPattern() {
        final ChannelConfig rated = ChannelConfig.builder(3).rateLimit(1.0).miscompareThreshold(1.0).build();
        final ChannelManager m = manager(rated);
        m.readState(words(manager(rated)), 0);
        final ChannelOutput out = m.newOutput();
        assertEquals(OutputStatus.NORMAL, m.update(0, new double[] {5, 5, 5}, -1L, -1L, out));
        assertEquals(0L, out.rejectedMask(), "no previous value (the words' 0.0 is not one): no rate check");

        final ChannelConfig watched = ChannelConfig.builder(3).frozenDetection(1).miscompareThreshold(10).build();
        final ChannelManager f = manager(watched);
        f.readState(words(manager(watched)), 0);
        f.update(0, new double[] {0.0, 1.0, 2.0}, -1L, -1L, out);
        assertEquals(0L, f.failedMask(), "no previous bit pattern (the words' 0 is not one): 0.0 is no repeat");
    }

    @Test
    void theLevelReadWithAFailedChannelCountsItOut() {
        final ChannelConfig config = ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(1)).build();
        final ChannelManager source = manager(config);
        source.update(0, new double[] {1, 1, 5}, -1L, -1L, source.newOutput());
        final ChannelManager m = manager(config);
        m.readState(words(source), 0);
        assertEquals(0b100L, m.failedMask());
        assertEquals(RedundancyLevel.DUPLEX, m.level());
    }

    @Test
    void aResetChannelsFirstValueIsNoRepeatOfItsValueBeforeTheReset() {
        final ChannelManager m = manager(ChannelConfig.builder(3).frozenDetection(1).miscompareThreshold(10).build());
        final ChannelOutput out = m.newOutput();
        m.update(0, new double[] {1.0, 2.0, 3.0}, -1L, -1L, out);
        m.update(1, new double[] {1.5, 2.5, 3.5}, -1L, -1L, out);
        m.resetChannel(0);
        m.update(2, new double[] {1.5, 2.6, 3.6}, -1L, -1L, out);
        assertEquals(0L, m.failedMask(), "the bit pattern before the reset is forgotten");
        m.update(3, new double[] {1.5, 2.7, 3.7}, -1L, -1L, out);
        assertEquals(1L, m.failedMask(), "a repeat of the value after the reset is one");
        assertEquals(ExclusionReason.FROZEN, out.failureReason(0));
    }

    @Test
    void inputsShorterThanTheChannelCountAreRefusedNamingBothLengths() {
        final ChannelManager m = manager(ChannelConfig.builder(3).miscompareThreshold(1).build());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> m.update(0, new double[2], -1L, -1L, new ChannelOutput(3)));
        assertEquals("values.length = 2 and out.capacity() = 3 must both be >= channelCount (3)", e.getMessage());
    }
}
