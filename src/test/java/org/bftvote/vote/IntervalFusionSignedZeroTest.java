package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Interval fusion counts an interval end of {@code -0.0} as {@code +0.0}, so the fused interval of readings of
 * zero is the same, bit for bit, whatever sign of zero the channels send (in their values or their accuracies).
 */
class IntervalFusionSignedZeroTest {
    private final VoteResult r = new VoteResult();

    @Test
    void readingsOfNegativeZeroFuseToAnIntervalEndingInPositiveZero() {
        final IntervalFusion fusion = new IntervalFusion(3, 0, 0.0);
        final double[] accuracy = {0.0, 0.0, 0.0};
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {-0.0, -0.0, -0.0}, accuracy, -1L, 3, r));
        assertEquals(0.0, r.lower(), "+0.0, not -0.0");
        assertEquals(0.0, r.upper(), "+0.0, not -0.0");
        assertEquals(0.0, r.value(), "+0.0, not -0.0");
    }

    @Test
    void anAccuracyOfNegativeZeroIsZeroAndItsIntervalEndsInPositiveZeroToo() {
        // -0.0 + -0.0 is -0.0: only the normalisation of the upper end makes it +0.0.
        final IntervalFusion fusion = new IntervalFusion(3, 0, 0.0);
        final double[] accuracy = {-0.0, -0.0, -0.0};
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {-0.0, -0.0, -0.0}, accuracy, -1L, 3, r));
        assertEquals(0b111L, r.usedMask(), "an accuracy of -0.0 is valid (zero)");
        assertEquals(0.0, r.lower(), "+0.0, not -0.0");
        assertEquals(0.0, r.upper(), "+0.0, not -0.0");
        assertEquals(0.0, r.value(), "+0.0, not -0.0");
    }
}
