package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The sync schedule's first frame and a window's validity: whatever frame a lane starts on, it is placed where the
 * schedule puts that frame; a window spoilt in one of its frames stays spoilt to its end, and the next window starts
 * valid again.
 */
class StateSyncWindowTest {
    @Test
    void theFirstFrameIsPlacedWhereTheScheduleHasItWhateverItsNumber() {
        final int[] blocks = {2, 3};
        for (final long first : new long[] {0, 1, 2, 4, 5, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            final StateSync sync = new StateSync(blocks);
            sync.beginFrame(first, true);
            final int phase = (int) Math.floorMod(first, 5L);
            assertEquals(phase < 2 ? 0 : 1, sync.activeBlock(), "block of first frame " + first);
            assertEquals(phase < 2 ? phase : phase - 2, sync.wordIndex(), "word of first frame " + first);
            sync.beginFrame(first + 1, true);
            final int next = (int) Math.floorMod(first + 1, 5L);
            assertEquals(next < 2 ? next : next - 2, sync.wordIndex(), "word of the frame after " + first);
        }
    }

    @Test
    void aWindowSpoiltInOneFrameStaysSpoiltAndTheNextOneStartsValid() {
        final StateSync sync = new StateSync(new int[] {3, 2});
        sync.beginFrame(0, true);
        assertTrue(sync.windowValid());
        sync.invalidate();
        sync.beginFrame(1, true);
        assertFalse(sync.windowValid(), "spoilt in its first frame, the window stays spoilt");
        sync.beginFrame(2, true);
        assertFalse(sync.windowValid(), "to its last frame");
        sync.beginFrame(3, true);
        assertEquals(1, sync.activeBlock());
        assertTrue(sync.windowValid(), "the next window starts valid");
        sync.beginFrame(5, false);
        assertEquals(0, sync.wordIndex());
        assertFalse(sync.windowValid(), "a window whose first frame is out of step is not valid");
        sync.beginFrame(6, true);
        assertFalse(sync.windowValid());
    }
}
