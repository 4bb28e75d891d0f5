package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The status hold (MON-9): a triplex output stays NORMAL through a channel's single rejected samples when the hold is
 * on, reports DEGRADED once the shortfall outlasts the hold, and a latched failure is never held.
 */
class StatusHoldTest {
    private static final long ALL = 0b111L;

    private static ChannelManager manager(final int hold) {
        return new ChannelManager(ChannelConfig.builder(3).miscompareThreshold(1.0)
            .persistence(PersistencePolicy.consecutive(3)).statusHold(hold).build(), ChannelEventListener.NONE);
    }

    /** Channel 2 reports invalid in the frames listed as true; returns the status of every frame. */
    private static OutputStatus[] run(final ChannelManager manager, final boolean... invalid) {
        final ChannelOutput out = manager.newOutput();
        final double[] values = {1.0, 1.1, 1.2};
        final OutputStatus[] statuses = new OutputStatus[invalid.length];
        for (int f = 0; f < invalid.length; f++) {
            manager.update(f, values, invalid[f] ? 0b011L : ALL, ALL, out);
            statuses[f] = out.status();
        }
        return statuses;
    }

    @Test
    void aSingleDroppedSampleDoesNotFlapTheStatus() {
        final OutputStatus[] held = run(manager(1), false, true, false, false, true, false);
        for (final OutputStatus status : held) {
            assertEquals(OutputStatus.NORMAL, status);
        }
        final OutputStatus[] plain = run(manager(0), false, true, false);
        assertEquals(OutputStatus.DEGRADED, plain[1], "without the hold every rejected sample shows");
    }

    @Test
    void aShortfallLongerThanTheHoldIsReported() {
        final OutputStatus[] statuses = run(manager(2), false, true, true, true, false);
        assertEquals(OutputStatus.NORMAL, statuses[1]);
        assertEquals(OutputStatus.NORMAL, statuses[2]);
        assertEquals(OutputStatus.DEGRADED, statuses[3], "the third frame in a row is beyond a hold of 2");
    }

    @Test
    void aLatchedFailureIsNotHeld() {
        // Invalid for 3 frames: consecutive(3) latches channel 2 at the third, leaving two channels.
        final ChannelManager manager = manager(10);
        final OutputStatus[] statuses = run(manager, false, true, true, true, false, false);
        assertEquals(0b100L, manager.failedMask());
        assertEquals(OutputStatus.DEGRADED, statuses[3], "failed at this frame: two channels left");
        assertEquals(OutputStatus.DEGRADED, statuses[5]);
    }
}
