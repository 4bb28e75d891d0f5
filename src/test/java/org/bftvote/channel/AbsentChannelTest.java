package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Absent channels (MON-10): a channel whose source is absent (its lane excluded) is left out of the vote, judged not
 * at all and never declared failed, whatever its persistence; the level counts it out while it is absent; back, it
 * takes part again with the counters it had.
 */
class AbsentChannelTest {
    private static final long ALL = 0b1111L;

    @Test
    void anAbsentChannelIsNeverFailedAndComesBackAsItWas() {
        final ChannelManager manager = new ChannelManager(ChannelConfig.builder(4).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(3)).staleLimit(2).build(), ChannelEventListener.NONE);
        final ChannelOutput out = manager.newOutput();
        final double[] values = {1.0, 1.1, 1.2, 1.05};
        for (long f = 0; f < 5; f++) {
            manager.update(f, values, ALL, ALL, ALL, out);
        }
        assertEquals(RedundancyLevel.QUAD, out.level());
        values[2] = 99.0;
        for (long f = 5; f < 200; f++) {
            manager.update(f, values, 0b1011L, 0b1011L, 0b1011L, out);
            assertEquals(0L, manager.failedMask(), "absent is never a failure, frame " + f);
            assertEquals(ExclusionReason.ABSENT, out.reason(2));
            assertEquals(RedundancyLevel.TRIPLEX, out.level(), "counted out while absent");
            assertEquals(OutputStatus.NORMAL, out.status());
            assertEquals(0b1011L, out.usedMask() | 0b1011L);
        }
        values[2] = 1.2;
        manager.update(200, values, ALL, ALL, ALL, out);
        assertEquals(RedundancyLevel.QUAD, out.level(), "back");
        assertEquals(0L, manager.failedMask());
        assertEquals(0b0100L, out.usedMask() & 0b0100L, "voted again");
    }

    @Test
    void anAbsentFailedChannelKeepsItsFailureAndItsGoodRun() {
        final ChannelManager manager = new ChannelManager(ChannelConfig.builder(3).miscompareThreshold(0.5)
            .persistence(PersistencePolicy.consecutive(2)).reintegration(ReintegrationPolicy.afterGoodFrames(5, 1))
            .build(), ChannelEventListener.NONE);
        final ChannelOutput out = manager.newOutput();
        final double[] values = {1.0, 5.0, 1.1};
        for (long f = 0; f < 3; f++) {
            manager.update(f, values, 0b111L, 0b111L, 0b111L, out);
        }
        assertEquals(0b010L, manager.failedMask(), "miscompared twice");
        values[1] = 1.05;
        for (long f = 3; f < 6; f++) {
            manager.update(f, values, 0b111L, 0b111L, 0b111L, out);
        }
        for (long f = 6; f < 50; f++) {
            manager.update(f, values, 0b101L, 0b101L, 0b101L, out);
            assertEquals(0b010L, manager.failedMask(), "absent: neither readmitted nor reset, frame " + f);
        }
        for (long f = 50; f < 52; f++) {
            manager.update(f, values, 0b111L, 0b111L, 0b111L, out);
        }
        assertEquals(0L, manager.failedMask(), "3 good frames before, 2 after: readmitted at the fifth");
    }
}
