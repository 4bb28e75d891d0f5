package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.bftvote.testsupport.ClockRound;
import org.junit.jupiter.api.Test;

/**
 * The bound n &gt;= 3f + 1 is tight: with n = 3f lanes, f Byzantine clocks that tell the low healthy lanes a huge
 * offset and the high ones a hugely negative one make the healthy lanes swap places every round, so the same
 * checker that the property tests use reports a precision violation, and the spread never shrinks. One lane more
 * and the same adversary is trimmed away.
 */
class ClockSyncTightnessTest {
    private static final long MAX_OFFSET_NS = 1_000_000_000_000L;
    private static final long SPREAD = 1_000_000L;

    @Test
    void threeFLanesBreakThePrecisionBoundForEveryF() {
        for (int f = 1; f <= 3; f++) {
            final ClockRound round = splitRound(3 * f, f);
            final long[] after = round.clock.clone();
            round.run(ClockSyncPropertyTest.corrector(outsideBound(3 * f, f), 0), after);
            assertNotNull(round.violation(0, after), "n = 3f = " + 3 * f + ": the adversary must break precision");
        }
    }

    @Test
    void atThreeFLanesTheHealthyClocksNeverComeCloser() {
        final ClockRound round = splitRound(3, 1);
        final ClockSync[] lanes = outsideBound(3, 1);
        final long[] after = new long[3];
        for (int k = 0; k < 50; k++) {
            final long before = ClockSyncPropertyTest.spreadOf(round.clock, round.healthy());
            round.claims(ClockRound.Adversary.SPLIT_EXTREMES, 0, 1_000_000_000L, new SplittableRandom(k));
            System.arraycopy(round.clock, 0, after, 0, 3);
            round.run(ClockSyncPropertyTest.corrector(lanes, k), after);
            System.arraycopy(after, 0, round.clock, 0, 3);
            assertEquals(before, ClockSyncPropertyTest.spreadOf(round.clock, round.healthy()), "round " + k);
        }
        assertEquals(SPREAD, ClockSyncPropertyTest.spreadOf(round.clock, round.healthy()));
    }

    @Test
    void oneLaneMoreAndTheSameAdversaryIsMasked() {
        for (int f = 1; f <= 3; f++) {
            final ClockRound round = splitRound(3 * f + 1, f);
            final long[] after = round.clock.clone();
            round.run(ClockSyncPropertyTest.corrector(ClockSyncPropertyTest.lanes(3 * f + 1, f), 0), after);
            assertNull(round.violation(0, after), "n = 3f + 1 = " + (3 * f + 1));
        }
    }

    /** f healthy lanes at 0, the other healthy ones at SPREAD, the last f lanes Byzantine with split extremes. */
    private static ClockRound splitRound(final int n, final int f) {
        final ClockRound round = new ClockRound(n);
        final int healthy = n - f;
        for (int i = 0; i < n; i++) {
            round.clock[i] = i < f ? 0 : SPREAD;
            if (i >= healthy) {
                round.faulty |= 1L << i;
            }
        }
        round.claims(ClockRound.Adversary.SPLIT_EXTREMES, 0, 1_000_000_000L, new SplittableRandom(1));
        return round;
    }

    private static ClockSync[] outsideBound(final int n, final int f) {
        final ClockSync[] lanes = new ClockSync[n];
        for (int i = 0; i < n; i++) {
            lanes[i] = ClockSync.outsideBound(n, f, i, MAX_OFFSET_NS);
        }
        return lanes;
    }
}
