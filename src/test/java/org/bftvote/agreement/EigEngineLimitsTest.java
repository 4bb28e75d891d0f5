package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The engine's lane indices at their ends: lane 0 as a receiver and as an excluded lane, lane n (64 at most) as an
 * index that is ignored, a lane that excludes itself, and the frame it reports before and after its first frame.
 */
class EigEngineLimitsTest {
    private static AgreementConfig om(final int lanes, final int m) {
        return AgreementConfig.builder(lanes, m, 1).omClassic().build();
    }

    @Test
    void theFrameIsMinusOneBeforeTheFirstFrameAndThenTheFrameBegun() {
        final EigEngine engine = new EigEngine(om(4, 1), 0);
        assertEquals(-1L, engine.frame());
        engine.beginFrame(7, new long[] {1}, new byte[] {EntryStatus.VALUE});
        assertEquals(7L, engine.frame());
    }

    @Test
    void laneZeroIsSentToExcludedAndReadmittedLikeAnyOther() {
        final EigEngine engine = new EigEngine(om(4, 1), 1);
        engine.beginFrame(0, new long[] {1}, new byte[] {EntryStatus.VALUE});
        assertEquals(1, engine.emit(1, 0, (path, signal, word, status) -> { }), "own reading to lane 0");
        engine.excludeLane(0);
        assertTrue(engine.isExcluded(0));
        assertEquals(1L, engine.excludedMask());
        engine.readmitLane(0);
        assertFalse(engine.isExcluded(0));
        assertEquals(0L, engine.excludedMask());
    }

    @Test
    void laneNIsNoLaneEvenWithSixtyFourLanes() {
        final EigEngine engine = new EigEngine(om(64, 0), 5);
        engine.excludeLane(0);
        assertFalse(engine.isExcluded(64), "lane 64 is not lane 0");
        engine.readmitLane(64);
        assertTrue(engine.isExcluded(0), "readmitting lane 64 leaves lane 0 excluded");
        assertEquals(1L, engine.excludedMask());
    }

    @Test
    void aLaneThatExcludesItselfReportsItsOwnBit() {
        final EigEngine engine = new EigEngine(om(4, 1), 2);
        engine.excludeLane(2);
        assertEquals(1L << 2, engine.excludedMask());
        assertTrue(engine.isExcluded(2));
        engine.readmitLane(2);
        assertEquals(0L, engine.excludedMask());
    }
}
