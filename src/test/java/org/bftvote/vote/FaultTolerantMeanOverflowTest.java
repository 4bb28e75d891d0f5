package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The fault-tolerant mean of values whose plain sum overflows is still their mean: each value is divided by the
 * count before summing (in ascending order), not clamped to the largest remaining value.
 */
class FaultTolerantMeanOverflowTest {
    private static final double M = Double.MAX_VALUE;

    private final VoteResult r = new VoteResult();

    @Test
    void aMeanWhoseSumOverflowsIsTheMeanOfTheValuesDividedFirst() {
        final FaultTolerantMean mean = new FaultTolerantMean(3, 0);
        assertEquals(VoteStatus.VOTED, mean.vote(new double[] {0.9 * M, 0.3 * M, 0.9 * M}, -1L, 3, r));
        assertEquals(0.3 * M / 3 + 0.9 * M / 3 + 0.9 * M / 3, r.value(), "about 0.7 of Double.MAX_VALUE");
    }

    @Test
    void aNegativeMeanWhoseSumOverflowsIsTheMeanToo() {
        final FaultTolerantMean mean = new FaultTolerantMean(5, 1);
        // f = 1 trims -M and +M; the remaining three sum past -Double.MAX_VALUE.
        final double[] values = {-0.8 * M, M, -0.6 * M, -M, -0.7 * M};
        assertEquals(VoteStatus.VOTED, mean.vote(values, -1L, 5, r));
        assertEquals(-0.8 * M / 3 + -0.7 * M / 3 + -0.6 * M / 3, r.value(), "about -0.7 of Double.MAX_VALUE");
        assertEquals(0b10101L, r.usedMask());
    }
}
