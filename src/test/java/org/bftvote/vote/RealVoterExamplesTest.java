package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Worked examples for the real-valued voters: odd and even counts, ties, masks, NaN and infinities, too few inputs
 * and interval fusion without a consistent interval.
 */
class RealVoterExamplesTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private final VoteResult r = new VoteResult();

    @Test
    void midValueSelectTakesTheMiddleOfThreeAndIgnoresOneWildValue() {
        final MidValueSelect mvs = new MidValueSelect(3);
        assertEquals(VoteStatus.VOTED, mvs.vote(new double[] {1.0, 1e308, 2.0}, 0b111, 3, r));
        assertEquals(2.0, r.value());
        assertEquals(0b111, r.usedMask());
        assertEquals(1.0, r.lower());
        assertEquals(1e308, r.upper());
    }

    @Test
    void midValueSelectEvenCountsFollowThePolicy() {
        final double[] v = {4.0, 1.0, 3.0, 2.0};
        assertEquals(VoteStatus.VOTED, new MidValueSelect(4).vote(v, -1L, 4, r));
        assertEquals(2.5, r.value());
        new MidValueSelect(4, MidValueSelect.EvenPolicy.LOWER_MIDDLE).vote(v, -1L, 4, r);
        assertEquals(2.0, r.value());
        new MidValueSelect(2).vote(new double[] {-1e308, 1e308}, -1L, 2, r);
        assertEquals(0.0, r.value(), "mean of middles does not overflow");
    }

    @Test
    void nanInfinityAndMaskedChannelsAreInvalid() {
        final MidValueSelect mvs = new MidValueSelect(5);
        assertEquals(VoteStatus.VOTED, mvs.vote(new double[] {NAN, 5.0, INF, 7.0, 100.0}, 0b01111, 5, r));
        assertEquals(2, r.validCount());
        assertEquals(0b01010, r.usedMask());
        assertEquals(6.0, r.value());
        assertEquals(VoteStatus.TOO_FEW_INPUTS, mvs.vote(new double[] {NAN, -INF, 1.0}, 0b011, 3, r));
        assertTrue(Double.isNaN(r.value()));
    }

    @Test
    void faultTolerantMidpointTrimsFFromEachEnd() {
        final FaultTolerantMidpoint ftm = new FaultTolerantMidpoint(7, 2);
        final double[] v = {10.0, -1e308, 11.0, 12.0, 1e308, 13.0, 30.0};
        assertEquals(VoteStatus.VOTED, ftm.vote(v, -1L, 7, r));
        assertEquals(12.0, r.value(), "remaining 11, 12, 13 after trimming -1e308, 10 and 30, 1e308");
        assertEquals(11.0, r.lower());
        assertEquals(13.0, r.upper());
        assertEquals(0b0101100, r.usedMask());
        assertEquals(2.0, r.spread());
        assertEquals(VoteStatus.TOO_FEW_INPUTS, ftm.vote(v, 0b1111, 7, r), "4 valid < 2f + 1 = 5");
        assertEquals(4, r.validCount());
    }

    @Test
    void faultTolerantMidpointEvenCountAndTies() {
        final FaultTolerantMidpoint ftm = new FaultTolerantMidpoint(4, 1);
        assertEquals(VoteStatus.VOTED, ftm.vote(new double[] {5.0, 5.0, 5.0, 9.0}, -1L, 4, r));
        assertEquals(5.0, r.value());
        assertEquals(0b0110, r.usedMask(), "of equal values the lowest channel is trimmed");
        ftm.vote(new double[] {1.0, 2.0, 4.0, 8.0}, -1L, 4, r);
        assertEquals(3.0, r.value());
    }

    @Test
    void faultTolerantMeanAveragesWhatIsLeft() {
        final FaultTolerantMean mean = new FaultTolerantMean(5, 1);
        assertEquals(VoteStatus.VOTED, mean.vote(new double[] {1.0, 2.0, 3.0, 7.0, 1e300}, -1L, 5, r));
        assertEquals(4.0, r.value());
        assertEquals(0b01110, r.usedMask());
        mean.vote(new double[] {0.1, 0.1, 0.1}, -1L, 3, r);
        assertEquals(0.1, r.value(), "never outside the values left, even by an ulp");
        mean.vote(new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, 0.0, Double.MAX_VALUE}, -1L, 5,
            r);
        assertEquals(Double.MAX_VALUE, r.value(), "an overflowing sum falls back to scaled terms");
    }

    @Test
    void intervalFusionFindsTheIntervalCoveredByNMinusF() {
        final IntervalFusion fusion = new IntervalFusion(4, 1, 1.0);
        // Intervals [0,2], [1,3], [1.5,3.5], [9,11]: points covered 3 times are [1.5, 2].
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {1.0, 2.0, 2.5, 10.0}, -1L, 4, r));
        assertEquals(1.5, r.lower());
        assertEquals(2.0, r.upper());
        assertEquals(1.75, r.value());
        assertEquals(0b0111, r.usedMask());
        assertEquals(1.5, r.spread());
    }

    @Test
    void intervalFusionTouchingIntervalsOverlapAtTheirCommonEnd() {
        final IntervalFusion fusion = new IntervalFusion(2, 0, 1.0);
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {0.0, 2.0}, -1L, 2, r));
        assertEquals(1.0, r.lower());
        assertEquals(1.0, r.upper());
    }

    @Test
    void intervalFusionReportsNoConsistentIntervalAndTooFewInputs() {
        final IntervalFusion fusion = new IntervalFusion(3, 0, 1.0);
        assertEquals(VoteStatus.NO_CONSISTENT_INTERVAL, fusion.vote(new double[] {0.0, 5.0, 10.0}, -1L, 3, r));
        assertTrue(Double.isNaN(r.value()));
        assertEquals(3, r.validCount());
        final IntervalFusion tolerant = new IntervalFusion(5, 2, 1.0);
        assertEquals(VoteStatus.TOO_FEW_INPUTS, tolerant.vote(new double[] {1, 1, 1, NAN, 1}, 0b01111, 5, r));
        assertEquals(3, r.validCount());
    }

    @Test
    void intervalFusionAccuraciesPerChannelAndPerCall() {
        final IntervalFusion fusion = new IntervalFusion(3, 0, new double[] {1.0, 1.0, 1.0});
        fusion.setAccuracy(2, 4.0);
        assertEquals(4.0, fusion.accuracy(2));
        // [0,2], [1,3], [2,10]: all three meet only at 2.
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {1.0, 2.0, 6.0}, -1L, 3, r));
        assertEquals(2.0, r.value());
        // Per call: a NaN or negative accuracy makes that channel invalid.
        final double[] acc = {0.5, NAN, -1.0};
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {1.0, 1.0, 1.0}, acc, -1L, 3, r));
        assertEquals(1, r.validCount());
        assertEquals(0b001, r.usedMask());
        assertEquals(0.5, r.lower());
        assertEquals(VoteStatus.VOTED, fusion.vote(new double[] {1.0, 2.0, 3.0}, new double[] {1, 1, 1}, -1L, 3, r));
        assertEquals(2.0, r.value());
        assertEquals(0b111, r.usedMask());
    }
}
