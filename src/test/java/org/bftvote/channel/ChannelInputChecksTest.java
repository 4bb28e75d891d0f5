package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Each input check rejects for the frame, names its reason, and latches only through persistence. */
class ChannelInputChecksTest {
    private static final long ALL3 = 0b111;

    private final double[] v = new double[3];
    private ChannelOutput out;

    private OutputStatus step(final ChannelManager m, final long frame, final double a, final double b,
                              final double c, final long valid, final long fresh) {
        v[0] = a;
        v[1] = b;
        v[2] = c;
        if (out == null) {
            out = m.newOutput();
        }
        return m.update(frame, v, valid, fresh, out);
    }

    private static ChannelManager manager(final ChannelConfig.Builder b) {
        return new ChannelManager(b.miscompareThreshold(1.0).build(), ChannelEventListener.NONE);
    }

    @Test
    void sourceFlagRejectsForTheFrameThenLatchesThroughPersistence() {
        final ChannelManager m = manager(ChannelConfig.builder(3).persistence(PersistencePolicy.consecutive(3)));
        assertEquals(OutputStatus.DEGRADED, step(m, 0, 1.0, 99.0, 1.2, 0b101, ALL3));
        assertEquals(ExclusionReason.SOURCE_INVALID, out.reason(1));
        assertEquals(0b010, out.rejectedMask());
        assertFalse(out.isFailed(1));
        assertEquals(1.1, out.value(), 1e-12, "the pair that is left is voted");
        assertEquals(OutputStatus.NORMAL, step(m, 1, 1.0, 1.1, 1.2, ALL3, ALL3), "transient: back next frame");
        assertEquals(ExclusionReason.NONE, out.reason(1));
        step(m, 2, 1.0, 1.1, 1.2, 0b101, ALL3);
        step(m, 3, 1.0, 1.1, 1.2, 0b101, ALL3);
        assertFalse(out.isFailed(1));
        step(m, 4, 1.0, 1.1, 1.2, 0b101, ALL3);
        assertTrue(out.isFailed(1));
        assertEquals(ExclusionReason.SOURCE_INVALID, out.failureReason(1));
        assertEquals(RedundancyLevel.DUPLEX, out.level());
    }

    @Test
    void nanAndInfinitiesAreFlaggedNotCrashing() {
        final ChannelManager m = manager(ChannelConfig.builder(3));
        for (final double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals(OutputStatus.DEGRADED, step(m, 0, bad, 2.0, 2.2, ALL3, ALL3));
            assertEquals(ExclusionReason.NOT_FINITE, out.reason(0));
            assertEquals(2.1, out.value(), 1e-12);
            assertEquals(0b110, out.usedMask());
            m.reset();
        }
    }

    @Test
    void outOfRangeRejected() {
        final ChannelManager m = manager(ChannelConfig.builder(3).range(-10.0, 10.0));
        step(m, 0, 10.5, 9.9, 9.8, ALL3, ALL3);
        assertEquals(ExclusionReason.OUT_OF_RANGE, out.reason(0));
        step(m, 1, -10.0, 9.9, 9.8, ALL3, ALL3);
        assertEquals(0L, out.rejectedMask(), "the bounds themselves are in range");
        assertEquals(ExclusionReason.MISCOMPARE, out.reason(0), "so it is compared, and is far from the others");
    }

    @Test
    void rateLimitAgainstThePreviousValidValueScaledByFramesElapsed() {
        final ChannelManager m = manager(ChannelConfig.builder(3).rateLimit(0.5));
        step(m, 0, 1.0, 1.0, 1.0, ALL3, ALL3);
        step(m, 1, 1.6, 1.0, 1.0, ALL3, ALL3);
        assertEquals(ExclusionReason.RATE_LIMIT, out.reason(0));
        step(m, 2, 1.4, 1.0, 1.0, ALL3, ALL3);
        assertEquals(ExclusionReason.NONE, out.reason(0), "compared with 1.0 from frame 0: 0.4 <= 2 * 0.5");
        // Invalid for three frames: four frames later a move of 1.9 is within 4 * 0.5.
        step(m, 3, 0, 1, 1, 0b110, ALL3);
        step(m, 4, 0, 1, 1, 0b110, ALL3);
        step(m, 5, 0, 1, 1, 0b110, ALL3);
        step(m, 6, 3.3, 3.0, 3.0, ALL3, ALL3);
        assertEquals(ExclusionReason.RATE_LIMIT, out.reason(1), "channel 1 moved 2.0 in one frame");
        assertEquals(ExclusionReason.NONE, out.frameReason(0), "channel 0 moved 1.9 in four frames");
    }

    @Test
    void staleAfterTheLimitOfFramesWithoutAFreshSample() {
        final ChannelManager m = manager(ChannelConfig.builder(3).staleLimit(2));
        step(m, 0, 1, 1, 1, ALL3, ALL3);
        step(m, 1, 1, 1, 1, ALL3, 0b011);
        step(m, 2, 1, 1, 1, ALL3, 0b011);
        assertEquals(ExclusionReason.NONE, out.reason(2));
        step(m, 3, 1, 1, 1, ALL3, 0b011);
        assertEquals(ExclusionReason.STALE, out.reason(2));
        step(m, 4, 1, 1, 1, ALL3, ALL3);
        assertEquals(ExclusionReason.NONE, out.reason(2), "a fresh sample clears it");
    }

    @Test
    void frozenOnlyWhileAnotherHealthyChannelMoves() {
        final ChannelManager m = manager(ChannelConfig.builder(3).frozenDetection(4));
        step(m, 0, 1.0, 1.0, 1.0, ALL3, ALL3);
        // Everything still: cannot tell a frozen channel from a steady signal.
        for (int f = 1; f <= 20; f++) {
            step(m, f, 1.0, 1.0, 1.0, ALL3, ALL3);
        }
        assertFalse(out.isFailed(0));
        // Not fresh: a repeated value is expected and does not count.
        for (int f = 21; f <= 30; f++) {
            step(m, f, 1.0, 1.0 + f * 1e-3, 1.0 + f * 1e-3, ALL3, 0b110);
        }
        assertFalse(out.isFailed(0));
        step(m, 31, 1.0, 1.1, 1.1, ALL3, ALL3);
        step(m, 32, 1.0, 1.2, 1.2, ALL3, ALL3);
        step(m, 33, 1.0, 1.1, 1.1, ALL3, ALL3);
        assertFalse(out.isFailed(0));
        step(m, 34, 1.0, 1.2, 1.2, ALL3, ALL3);
        assertTrue(out.isFailed(0));
        assertEquals(ExclusionReason.FROZEN, out.failureReason(0));
        assertEquals(0b110, out.usedMask(), "excluded from the frame it is detected in");
    }

    @Test
    void aMoveClearsTheFrozenCount() {
        final ChannelManager m = manager(ChannelConfig.builder(3).frozenDetection(3));
        step(m, 0, 1.0, 1.0, 1.0, ALL3, ALL3);
        for (int f = 1; f < 100; f++) {
            // Channel 0 repeats twice then moves: never three identical frames in a row.
            final double a = 1.0 + ((f / 3) % 2) * 0.01;
            step(m, f, a, 1.0 + (f % 2) * 0.01, 1.0 + (f % 2) * 0.01, ALL3, ALL3);
        }
        assertFalse(out.isFailed(0));
    }

    @Test
    void miscompareAgainstTheMedianLatchesAfterThePersistence() {
        final RecordingListener events = new RecordingListener();
        final ChannelManager m = new ChannelManager(ChannelConfig.builder(3).signalId(9).miscompareThreshold(1.0)
            .persistence(PersistencePolicy.consecutive(2)).build(), events);
        step(m, 0, 5.0, 5.1, 6.2, ALL3, ALL3);
        assertEquals(0b100, out.miscompareMask());
        assertEquals(ExclusionReason.MISCOMPARE, out.reason(2));
        assertFalse(out.isFailed(2));
        assertEquals(5.1, out.value(), 0.0);
        step(m, 1, 5.0, 5.1, 6.2, ALL3, ALL3);
        assertTrue(out.isFailed(2));
        assertEquals(ExclusionReason.MISCOMPARE, out.failureReason(2));
        assertEquals(java.util.List.of("failed 9 1 ch2 MISCOMPARE"), events.starting("failed"));
    }

    @Test
    void wrongSizedArgumentsAreProgrammingErrors() {
        final ChannelManager m = manager(ChannelConfig.builder(3));
        final ChannelOutput small = new ChannelOutput(2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> m.update(0, new double[3], ALL3, ALL3, small));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> m.update(0, new double[2], ALL3, ALL3, m.newOutput()));
    }

    @Test
    void theFiveFrameChecksAreTheInputChecks() {
        // The reasons a single frame's value decides; FROZEN and MISCOMPARE need several frames or the other
        // channels, NONE and ABSENT are no rejection at all.
        final EnumSet<ExclusionReason> inputChecks = EnumSet.of(ExclusionReason.SOURCE_INVALID,
            ExclusionReason.NOT_FINITE, ExclusionReason.OUT_OF_RANGE, ExclusionReason.STALE,
            ExclusionReason.RATE_LIMIT);
        for (final ExclusionReason reason : ExclusionReason.values()) {
            assertEquals(inputChecks.contains(reason), reason.isInputCheck(), reason.name());
        }
    }
}
