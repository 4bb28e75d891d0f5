package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What an embedder reads back from the settings: a configuration's print names every setting with its policies;
 * a policy says which kind it is; counters say how many channels they hold; and a priority order for fewer
 * channels than it lists leaves out the channels the signal lacks.
 */
class ChannelSettingsPrintTest {

    @Test
    void aConfigurationsPrintNamesEverySettingAndItsPolicies() {
        assertEquals("ChannelConfig{signal=7, channels=3, range=[-1.0, 1.0], rateLimit=0.5, staleLimit=4,"
            + " frozenFrames=9, threshold=0.25, persistence=consecutive(3), reintegration=afterGoodFrames(4, maxTimes 2),"
            + " duplex=selectByPriority[2, 0], statusHold=3}",
            ChannelConfig.builder(3).signalId(7).range(-1.0, 1.0).rateLimit(0.5).staleLimit(4).frozenDetection(9)
                .miscompareThreshold(0.25).reintegration(ReintegrationPolicy.afterGoodFrames(4, 2))
                .duplex(DuplexPolicy.selectByPriority(2, 0)).statusHold(3).build().toString());
        final String defaults = ChannelConfig.builder(3).miscompareThreshold(1.0).build().toString();
        assertTrue(defaults.contains(", reintegration=never(), duplex=holdLastGood(0), "), defaults);
    }

    @Test
    void aPolicySaysWhichKindItIs() {
        assertTrue(PersistencePolicy.consecutive(3).isConsecutive());
        assertFalse(PersistencePolicy.leaky(3, 1, 3).isConsecutive(), "a leaky bucket, even with trip = up");
        assertEquals(5, new PersistenceCounters(PersistencePolicy.consecutive(3), 5).channels());
    }

    @Test
    void aPriorityOrderForFewerChannelsLeavesOutTheChannelsTheSignalLacks() {
        assertArrayEquals(new int[] {0, 1, 2}, DuplexPolicy.selectByPriority(3, 0).fullOrder(3));
        assertArrayEquals(new int[] {3, 0, 1, 2}, DuplexPolicy.selectByPriority(3, 0).fullOrder(4));
    }
}
