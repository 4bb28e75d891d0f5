package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** Status codes, configuration errors and the exchange formulas of {@link ClockSync}. */
class ClockSyncContractTest {
    private static final long MAX = 1_000_000_000L;

    @Test
    void aConfigurationOutsideTheBoundIsRefusedNamingTheParameter() {
        final InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new ClockSync(3, 1, 0, MAX));
        assertEquals("faults", e.parameter());
        assertEquals("3f + 1 <= lanes (lanes = 3)", e.bound());
        assertEquals("self", assertThrows(InvalidConfigException.class, () -> new ClockSync(4, 1, 4, MAX))
            .parameter());
        assertEquals("lanes", assertThrows(InvalidConfigException.class, () -> new ClockSync(65, 0, 0, MAX))
            .parameter());
        assertEquals("maxOffsetNs", assertThrows(InvalidConfigException.class, () -> new ClockSync(4, 1, 0, 0))
            .parameter());
        assertEquals("maxOffsetNs", assertThrows(InvalidConfigException.class,
            () -> new ClockSync(4, 1, 0, ClockSync.MAX_OFFSET_LIMIT_NS + 1)).parameter());
        assertEquals(0, new ClockSync(1, 0, 0, MAX).faults());
    }

    @Test
    void readingsAreRefusedWithAStatusAndNeverCounted() {
        final ClockSync sync = new ClockSync(4, 1, 2, MAX);
        assertEquals(ClockSync.WRONG_ROUND, sync.onReading(0, 0, 5), "no round open");
        assertEquals(ClockSync.WRONG_ROUND, sync.resolve(), "no round open");
        sync.beginRound(7);
        assertEquals(ClockSync.BAD_LINK, sync.onReading(7, 2, 5), "own link");
        assertEquals(ClockSync.BAD_LINK, sync.onReading(7, -1, 5));
        assertEquals(ClockSync.BAD_LINK, sync.onReading(7, 4, 5));
        assertEquals(ClockSync.WRONG_ROUND, sync.onReading(6, 0, 5), "late reading");
        assertEquals(ClockSync.WRONG_ROUND, sync.onReading(8, 0, 5), "early reading");
        assertEquals(ClockSync.OUT_OF_RANGE, sync.onReading(7, 0, MAX + 1));
        assertEquals(ClockSync.OUT_OF_RANGE, sync.onReading(7, 0, -MAX - 1));
        assertEquals(ClockSync.OK, sync.onReading(7, 0, 100));
        assertEquals(ClockSync.DUPLICATE, sync.onReading(7, 0, -100_000), "the first reading is kept");
        assertEquals(0b101, sync.readingMask());
        assertEquals(ClockSync.TOO_FEW_READINGS, sync.resolve(), "2 of the 3 readings f = 1 needs");
        assertEquals(0, sync.correctionNs());
        assertEquals(0, sync.keptMask());
        assertEquals(ClockSync.WRONG_ROUND, sync.onReading(7, 1, 5), "the round is closed");
    }

    @Test
    void theCorrectionTrimsFFromEachEndAndTakesTheMidpoint() {
        final ClockSync sync = new ClockSync(4, 1, 0, MAX);
        sync.beginRound(1);
        assertEquals(ClockSync.OK, sync.onReading(1, 1, 10));
        assertEquals(ClockSync.OK, sync.onReading(1, 2, 31));
        assertEquals(ClockSync.OK, sync.onReading(1, 3, 900_000));
        assertEquals(ClockSync.OK, sync.resolve());
        // {0, 10, 31, 900000}: drop 0 and 900000, midpoint of 10 and 31 = 20.5, rounded half up
        assertEquals(21, sync.correctionNs());
        assertEquals(0b0110, sync.keptMask());
        assertEquals(31, sync.readingNs(2));
        sync.beginRound(2);
        assertEquals(0b0001, sync.readingMask(), "a new round forgets the readings");
        assertEquals(0, sync.correctionNs());
    }

    @Test
    void exchangeFormulasAreExactForSymmetricDelaysAndNeverOverflow() {
        // peer clock 1,000 ahead, 300 ns each way, 50 ns turnaround
        final long t1 = 5_000;
        final long t2 = t1 + 1_000 + 300;
        final long t3 = t2 + 50;
        final long t4 = t3 - 1_000 + 300;
        assertEquals(1_000, ClockSync.offsetOf(t1, t2, t3, t4));
        assertEquals(600, ClockSync.roundTripOf(t1, t2, t3, t4));
        // asymmetric: 100 there, 500 back: off by (100 - 500) / 2
        assertEquals(1_000 - 200, ClockSync.offsetOf(0, 1_100, 1_100, 1_100 - 1_000 + 500));
        assertEquals(Long.MAX_VALUE / 2, ClockSync.offsetOf(0, Long.MAX_VALUE, 0, 0));
        assertEquals(-3, ClockSync.offsetOf(0, -5, 0, 0), "rounded down");
        final ClockSync sync = new ClockSync(4, 0, 0, MAX);
        sync.beginRound(3);
        assertEquals(ClockSync.OK, sync.onExchange(3, 1, t1, t2, t3, t4));
        assertEquals(1_000, sync.readingNs(1));
    }

    @Test
    void theSteadyStateBoundIsFourEpsilonPlusFourRhoP() {
        assertEquals(4 * 25_000 + 4 * 500 + 2, ClockSync.precisionBoundNs(25_000, 50e-6, 10_000_000L));
        assertEquals(2, ClockSync.precisionBoundNs(0, 0.0, 10_000_000L));
        assertTrue(ClockSync.precisionBoundNs(1, 1e-9, 1) >= 7, "rounded up");
    }
}
