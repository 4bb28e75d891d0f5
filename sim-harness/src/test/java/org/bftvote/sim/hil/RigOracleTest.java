package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.sim.profile.AgreementMode;
import org.bftvote.sim.profile.AgreementSettings;
import org.junit.jupiter.api.Test;

/**
 * Who the rig holds healthy in a frame: a message one receiver lacked is its sender's (the link's) fault; a
 * receiver that lacked two senders is at fault itself; a sender two receivers lacked is at fault; a lane whose frame
 * started more than half a round window late is at fault; a lane that was at fault stays out of the healthy set
 * until its outputs match the others' again, and the frames that took are its recovery.
 */
class RigOracleTest {
    private static final long WINDOW = 2_000_000L;
    private final RigOracle oracle = new RigOracle(4, new AgreementSettings(AgreementMode.OM, 1, 0, 0, 0), List.of(),
        WINDOW);
    private final int[] noTrouble = {-1, -1, -1, -1};
    private final long[] lag = new long[4];

    private long judge(final long frame, final long... lacked) {
        oracle.judge(frame, 0, noTrouble, 0, 0b1111, lacked, lag);
        return oracle.faulty();
    }

    @Test
    void blameGoesToWhoeverExplainsTheMissingMessages() {
        assertEquals(0b0010, judge(0, 0b0010, 0, 0, 0), "lane 0 lacked lane 1 only: lane 1's link");
        assertEquals(0b0001, judge(1, 0b1010, 0, 0, 0), "lane 0 lacked two lanes: lane 0 was late");
        assertEquals(0b1000, judge(2, 0b1000, 0b1000, 0, 0), "two lanes lacked lane 3");
        lag[2] = WINDOW / 2 + 1;
        assertEquals(0b0100, judge(3, 0, 0, 0, 0), "lane 2 started late");
        lag[2] = 0;
        assertEquals(0, judge(4, 0, 0, 0, 0));
        assertFalse(oracle.exceeded(4));
        assertEquals(0b0011, judge(5, 0b0010, 0b0001, 0, 0) | 0, "each of two lanes lacked the other's message");
        assertTrue(oracle.exceeded(5), "two faulty lanes exceed OM(1)'s one");
    }

    @Test
    void aFaultyLaneIsHealthyAgainOnlyOnceItsOutputsMatch() {
        judge(10, 0b0100, 0b0100, 0, 0b0100);
        assertEquals(0b1011, oracle.agreed(10, 0b1011), "lane 2 was lacked by three lanes");
        judge(11, 0, 0, 0, 0);
        assertEquals(0b1011, oracle.agreed(11, 0b1011), "lane 2 still gives other outputs: recovering");
        judge(12, 0, 0, 0, 0);
        assertEquals(0b1111, oracle.agreed(12, 0b1111), "back");
        assertEquals(1, oracle.recoveries());
        assertEquals(2, oracle.maxRecoveryFrames(), "faulty at 10, matching again at 12");
        assertEquals(0, oracle.recovering());
    }
}
