package org.bftvote.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad configurations fail when built, with a message naming the parameter, the value and the bound.
 */
@Tag("VOT-5")
class VoterConfigTest {
    private static void rejects(final Executable build, final String parameter, final String value,
        final String bound) {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, build);
        assertEquals(parameter, e.parameter());
        assertEquals(value, e.value());
        assertTrue(e.getMessage().contains(parameter + " = " + value), e.getMessage());
        assertTrue(e.bound().contains(bound), e.getMessage());
    }

    @Test
    void faultBudgetTooLargeForTheChannels() {
        rejects(() -> new FaultTolerantMidpoint(4, 2), "f", "2", "2f + 1 <= maxChannels (maxChannels = 4)");
        rejects(() -> new FaultTolerantMean(6, 3), "f", "3", "2f + 1 <= maxChannels (maxChannels = 6)");
        rejects(() -> new IntervalFusion(2, 1, 1.0), "f", "1", "2f + 1 <= maxChannels (maxChannels = 2)");
        rejects(() -> new FaultTolerantMidpoint(4, -1), "f", "-1", "0 <= f");
    }

    @Test
    void maxChannelsOutsideOneToSixtyFour() {
        rejects(() -> new MidValueSelect(0), "maxChannels", "0", "1 <= maxChannels <= 64");
        rejects(() -> new FaultTolerantMidpoint(65, 1), "maxChannels", "65", "1 <= maxChannels <= 64");
        rejects(() -> new FaultTolerantMean(0, 0), "maxChannels", "0", "1 <= maxChannels <= 64");
        rejects(() -> new IntervalFusion(65, 1, 1.0), "maxChannels", "65", "1 <= maxChannels <= 64");
        rejects(() -> new ExactMajority(65), "maxChannels", "65", "1 <= maxChannels <= 64");
        rejects(() -> new BitwiseMajority(0), "maxChannels", "0", "1 <= maxChannels <= 64");
    }

    @Test
    void accuracyMustBeFiniteAndNonNegative() {
        rejects(() -> new IntervalFusion(3, 1, -0.5), "accuracy", "-0.5", "0 <= accuracy");
        rejects(() -> new IntervalFusion(3, 1, Double.NaN), "accuracy", "NaN", "0 <= accuracy");
        rejects(() -> new IntervalFusion(3, 1, new double[] {1, 1}), "accuracies.length", "2", "== maxChannels (3)");
        final IntervalFusion fusion = new IntervalFusion(3, 1, 1.0);
        rejects(() -> fusion.setAccuracy(0, Double.POSITIVE_INFINITY), "accuracy", "Infinity", "0 <= accuracy");
        rejects(() -> fusion.setAccuracy(3, 1.0), "channel", "3", "0 <= channel <= 2");
        assertEquals(1.0, fusion.accuracy(0), "a rejected update leaves the accuracy alone");
    }

    @Test
    void modesAndPoliciesMustBeGiven() {
        rejects(() -> new ExactMajority(3, null), "mode", "null", "mode must be given");
        rejects(() -> new BitwiseMajority(3, null), "tiePolicy", "null", "tiePolicy must be given");
        rejects(() -> new MidValueSelect(3, null), "evenPolicy", "null", "evenPolicy must be given");
    }

    @Test
    void sixtyFourChannelsAreSupported() {
        assertEquals(64, new FaultTolerantMidpoint(64, 31).maxChannels());
        assertEquals(31, new IntervalFusion(64, 31, 0.0).faultsTolerated());
        assertEquals(63, new FaultTolerantMean(64, 31).minValidInputs());
    }
}
