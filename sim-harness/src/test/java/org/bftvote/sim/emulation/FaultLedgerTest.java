package org.bftvote.sim.emulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultLedgerTest {
    private static final long FOREVER = ScheduledFailure.PERMANENT;

    @Test
    void oneAsymmetricLaneWithinFourLanesOneRound() {
        final FaultLedger ledger = new FaultLedger(4);
        ledger.record(FaultUnit.LANE, 3, -1, FaultClass.ASYMMETRIC, 100, FOREVER, "lane 3 two-faced");
        assertFalse(ledger.exceedsHypothesis(50, 4, 1, 1, 0, 0));
        assertFalse(ledger.exceedsHypothesis(150, 4, 1, 1, 0, 0));
        final HypothesisVerdict v = ledger.checkHybrid(150, 4, 1, 1, 0, 0, new HypothesisVerdict());
        assertEquals(1, v.asymmetric());
        assertTrue(v.theoryHolds());
        assertTrue(v.describe().contains("within"), v.describe());
    }

    @Test
    void secondFaultyLaneBreaksBudgetAndTheory() {
        final FaultLedger ledger = new FaultLedger(4);
        ledger.record(FaultUnit.LANE, 3, -1, FaultClass.ASYMMETRIC, 0, FOREVER, "lane 3 two-faced");
        ledger.record(FaultUnit.LANE, 1, -1, FaultClass.BENIGN, 200, 300, "lane 1 crashed");
        final HypothesisVerdict v = new HypothesisVerdict();
        ledger.checkHybrid(250, 4, 1, 1, 0, 0, v);
        assertTrue(v.exceeded());
        assertEquals(HypothesisVerdict.Reason.TOTAL, v.reason());
        // 4 > 2*1 + 0 + 1 + 1 = 4 fails: the algorithm's bound breaks too.
        assertFalse(v.theoryHolds());
        assertTrue(v.describe().contains("benign 1"), v.describe());
        assertFalse(ledger.exceedsHypothesis(300, 4, 1, 1, 0, 0));
    }

    @Test
    void hybridBudgetWithWorseClassTakingWorseSlot() {
        final FaultLedger ledger = new FaultLedger(6);
        ledger.record(FaultUnit.LANE, 0, -1, FaultClass.SYMMETRIC, 0, FOREVER, "lane 0 wrong value");
        ledger.record(FaultUnit.LANE, 1, -1, FaultClass.BENIGN, 0, FOREVER, "lane 1 silent");
        // n = 6 > 2a + 2s + b + m = 2 + 0 + 1 + 1 = 4 with a = 1, b = 1: symmetric takes the asymmetric slot.
        assertFalse(ledger.exceedsHypothesis(0, 6, 1, 1, 0, 1));
        // Budget a = 0, s = 1, b = 0: the benign lane has no slot.
        final HypothesisVerdict v = ledger.checkHybrid(0, 6, 1, 0, 1, 0, new HypothesisVerdict());
        assertEquals(HypothesisVerdict.Reason.TOTAL, v.reason());
        assertTrue(v.theoryHolds(), "6 > 2*0 + 2*1 + 1 + 1: the algorithm still copes");
        ledger.record(FaultUnit.BUS, 2, -1, FaultClass.ASYMMETRIC, 10, 20, "marginal transmitter of lane 2");
        assertEquals(HypothesisVerdict.Reason.ASYMMETRIC,
            ledger.checkHybrid(15, 6, 1, 0, 1, 1, new HypothesisVerdict()).reason());
    }

    @Test
    void invalidConfigurationIsReported() {
        final FaultLedger ledger = new FaultLedger(4);
        assertEquals(HypothesisVerdict.Reason.CONFIGURATION,
            ledger.checkHybrid(0, 4, 1, 1, 1, 0, new HypothesisVerdict()).reason());
        assertEquals(HypothesisVerdict.Reason.CONFIGURATION,
            ledger.checkHybrid(0, 5, 0, 1, 0, 0, new HypothesisVerdict()).reason(), "m >= a");
        assertEquals(HypothesisVerdict.Reason.CONFIGURATION,
            ledger.checkOm(0, 3, 1, new HypothesisVerdict()).reason());
    }

    @Test
    void omCountsFaultyLanesOfAnyClassOnce() {
        final FaultLedger ledger = new FaultLedger(7);
        ledger.record(FaultUnit.LANE, 2, -1, FaultClass.BENIGN, 0, FOREVER, "a");
        ledger.record(FaultUnit.LANE, 2, -1, FaultClass.ASYMMETRIC, 5, FOREVER, "b");
        ledger.record(FaultUnit.LANE, 4, -1, FaultClass.SYMMETRIC, 10, FOREVER, "c");
        final HypothesisVerdict v = new HypothesisVerdict();
        assertFalse(ledger.checkOm(5, 4, 1, v).exceeded());
        assertEquals(1, v.asymmetric());
        assertEquals(0, v.benign(), "the lane counts once, at its worst class");
        assertTrue(ledger.checkOm(10, 4, 1, v).exceeded());
        assertFalse(ledger.checkOm(10, 7, 2, v).exceeded());
    }

    @Test
    void sensorFaultsDoNotCountAgainstAgreementButPerSignal() {
        final FaultLedger ledger = new FaultLedger(4);
        ledger.record(FaultUnit.SENSOR, 0, 2, FaultClass.SYMMETRIC, 0, FOREVER, "AoA 0 bias");
        ledger.record(FaultUnit.SENSOR, 1, 2, FaultClass.SYMMETRIC, 0, FOREVER, "AoA 1 stuck");
        ledger.record(FaultUnit.SENSOR, 1, 2, FaultClass.SYMMETRIC, 0, FOREVER, "AoA 1 noisy");
        ledger.record(FaultUnit.SENSOR, 3, 5, FaultClass.ASYMMETRIC, 0, FOREVER, "airspeed 3 two-faced");
        assertFalse(ledger.exceedsHypothesis(0, 4, 1, 1, 0, 0));
        assertEquals(2, ledger.activeSensorFaults(0, 2));
        assertEquals(1, ledger.activeSensorFaults(0, 5));
        assertEquals(0, ledger.activeSensorFaults(0, 0));
        assertEquals(4, ledger.size());
    }

    @Test
    void transientMarksCountOnlyInTheirFrame() {
        final FaultLedger ledger = new FaultLedger(4);
        ledger.markTransient(7, 1, FaultClass.BENIGN);
        ledger.markTransient(7, 1, FaultClass.ASYMMETRIC);
        ledger.markTransient(7, 2, FaultClass.BENIGN);
        final HypothesisVerdict v = ledger.checkHybrid(7, 4, 1, 1, 0, 0, new HypothesisVerdict());
        assertEquals(1, v.asymmetric());
        assertEquals(1, v.benign());
        assertTrue(v.exceeded());
        assertFalse(ledger.exceedsHypothesis(8, 4, 1, 1, 0, 0));
    }
}
