package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A channel whose interval cannot be represented is left out of the fusion like an invalid one: an interval end that
 * overflows to infinity would otherwise stretch the fused interval without bound.
 */
class IntervalFusionOverflowTest {
    private final VoteResult r = new VoteResult();

    @Test
    void channelWhoseUpperEndOverflowsIsLeftOut() {
        final IntervalFusion fusion = new IntervalFusion(3, 0, 1.0);
        // value + accuracy = +infinity, value - accuracy = 0: only the upper end overflows.
        final double[] values = {Double.MAX_VALUE, 1.0, 1.5};
        final double[] accuracy = {Double.MAX_VALUE, 1.0, 1.0};
        assertEquals(VoteStatus.VOTED, fusion.vote(values, accuracy, -1L, 3, r));
        assertEquals(2, r.validCount());
        assertEquals(0b110L, r.usedMask());
        assertEquals(0.5, r.lower());
        assertEquals(2.0, r.upper());
    }

    @Test
    void channelWhoseLowerEndOverflowsIsLeftOut() {
        final IntervalFusion fusion = new IntervalFusion(3, 0, 1.0);
        final double[] values = {-Double.MAX_VALUE, 1.0, 1.5};
        final double[] accuracy = {Double.MAX_VALUE, 1.0, 1.0};
        assertEquals(VoteStatus.VOTED, fusion.vote(values, accuracy, -1L, 3, r));
        assertEquals(2, r.validCount());
        assertEquals(0b110L, r.usedMask());
    }
}
