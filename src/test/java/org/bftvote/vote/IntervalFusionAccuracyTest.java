package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading a channel's accuracy out of range names the channel and the range (API-1), never a bare array error. */
@Tag("API-1")
class IntervalFusionAccuracyTest {
    @Test
    void aChannelOutOfRangeIsNamedWithTheRange() {
        final IntervalFusion fusion = new IntervalFusion(4, 1, 0.5);
        assertEquals(0.5, fusion.accuracy(3));
        final IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> fusion.accuracy(4));
        assertEquals("channel 4 is out of range: there are 4 channels, 0 to 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> fusion.accuracy(-1));
    }
}
