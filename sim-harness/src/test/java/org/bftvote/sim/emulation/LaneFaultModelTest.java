package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

class LaneFaultModelTest {
    private static final int LANES = 4;

    @Test
    void crashDropsEverythingFromOnsetOthersSend() {
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.crash(2, 10)), new SimRandom(1));
        final LaneDecision d = new LaneDecision();
        for (long f = 0; f < 50; f++) {
            model.beginFrame(f);
            for (int r = 0; r < LANES; r++) {
                assertEquals(f >= 10 ? LaneAction.DROP : LaneAction.SEND, model.decide(2, r, d).action());
                assertEquals(LaneAction.SEND, model.decide(1, r, d).action());
            }
            assertEquals(f >= 10, model.faulty(2, f));
        }
    }

    /** Omission share within 4 binomial standard errors of p over 50,000 frames, identical for every receiver. */
    @Test
    void omissionDropsShareOfFramesForAllReceivers() {
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.omission(0, 0, 1_000_000, 0.3)),
            new SimRandom(2));
        final LaneDecision d = new LaneDecision();
        final int n = 50_000;
        int dropped = 0;
        for (long f = 0; f < n; f++) {
            model.beginFrame(f);
            final LaneAction first = model.decide(0, 1, d).action();
            for (int r = 2; r < LANES; r++) {
                assertEquals(first, model.decide(0, r, d).action(), "frame " + f);
            }
            if (first == LaneAction.DROP) {
                dropped++;
            }
        }
        assertEquals(0.3, dropped / (double) n, 4 * Math.sqrt(0.21 / n));
    }

    @Test
    void twoFacedGivesEachReceiverItsOwnValue() {
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.twoFaced(3, 0, 100, 0.0, 5.0, -5.0, 0.0),
            LaneFault.twoFacedValues(1, 0, 100, 1.0, 1.0, 2.0, 3.0)), new SimRandom(3));
        final LaneDecision d = new LaneDecision();
        model.beginFrame(5);
        assertEquals(LaneAction.OFFSET, model.decide(3, 1, d).action());
        assertEquals(5.0, d.value());
        assertEquals(-5.0, model.decide(3, 2, d).value());
        assertEquals(LaneAction.REPLACE, model.decide(1, 3, d).action());
        assertEquals(3.0, d.value());
        model.beginFrame(100);
        assertEquals(LaneAction.SEND, model.decide(3, 1, d).action());
    }

    @Test
    void garbageSameSeedToAllReceiversNewSeedEachFrame() {
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.garbage(0, 0, 10)), new SimRandom(4));
        final LaneDecision d = new LaneDecision();
        model.beginFrame(0);
        final long seed = model.decide(0, 1, d).seed();
        assertEquals(LaneAction.GARBAGE, d.action());
        assertEquals(seed, model.decide(0, 2, d).seed());
        model.beginFrame(1);
        assertTrue(seed != model.decide(0, 1, d).seed());
    }

    /** Per-receiver in-time share within 4 binomial standard errors over 40,000 frames. */
    @Test
    void sosTimingSplitsReceivers() {
        final double[] inTime = {1.0, 0.9, 0.5, 0.0};
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.sosTiming(0, 0, 1_000_000, 0.0, inTime)),
            new SimRandom(5));
        final LaneDecision d = new LaneDecision();
        final int n = 40_000;
        final int[] late = new int[LANES];
        for (long f = 0; f < n; f++) {
            model.beginFrame(f);
            for (int r = 0; r < LANES; r++) {
                if (model.decide(0, r, d).action() == LaneAction.LATE) {
                    late[r]++;
                }
            }
        }
        for (int r = 0; r < LANES; r++) {
            final double p = 1 - inTime[r];
            assertEquals(p, late[r] / (double) n, 4 * Math.sqrt(p * (1 - p) / n) + 1e-12, "receiver " + r);
        }
    }

    @Test
    void babblingAddsMessagesWithWrongFrameAndCrashWins() {
        final LaneFaultModel model = new LaneFaultModel(List.of(LaneFault.babbling(1, 0, 100, 3, 1),
            LaneFault.crash(1, 50)), new SimRandom(6));
        final LaneDecision d = new LaneDecision();
        model.beginFrame(10);
        model.decide(1, 0, d);
        assertEquals(LaneAction.SEND, d.action());
        assertEquals(3, d.extraMessages());
        assertEquals(1, d.frameOffset());
        model.beginFrame(60);
        model.decide(1, 0, d);
        assertEquals(LaneAction.DROP, d.action());
        assertEquals(0, d.extraMessages());
    }

    @Test
    void badLaneFaultNamesParameter() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class,
            () -> LaneFault.sosTiming(0, 0, 10, 0.0, 1.5));
        assertTrue(e.getMessage().contains("receiverValues[0]"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> LaneFault.omission(0, 10, 10, 0.1));
    }
}
