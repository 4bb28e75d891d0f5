package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The edges of {@link ClockSync}'s contract: the accepted ranges include their limits, a duplicate is recognised on
 * any link, a new round forgets the last round's readings, and the lane reports the configuration it was built with.
 */
class ClockSyncBoundariesTest {
    private static final long MAX = 1_000L;

    @Test
    void theMaximumOffsetAcceptsBothLimitsOfItsRange() {
        final ClockSync narrowest = new ClockSync(4, 1, 0, 1);
        narrowest.beginRound(1);
        assertEquals(ClockSync.OK, narrowest.onReading(1, 1, -1), "a maximum offset of 1 ns builds a lane");
        assertEquals(ClockSync.OUT_OF_RANGE, narrowest.onReading(1, 2, 2));
        final ClockSync widest = new ClockSync(4, 1, 0, ClockSync.MAX_OFFSET_LIMIT_NS);
        widest.beginRound(1);
        assertEquals(ClockSync.OK, widest.onReading(1, 1, ClockSync.MAX_OFFSET_LIMIT_NS),
            "a maximum offset of MAX_OFFSET_LIMIT_NS builds a lane that accepts a reading of that size");
    }

    @Test
    void aReadingOfExactlyTheMaximumMagnitudeIsTakenInEitherDirection() {
        final ClockSync sync = new ClockSync(4, 1, 0, MAX);
        sync.beginRound(3);
        assertEquals(ClockSync.OK, sync.onReading(3, 1, MAX), "+maxOffsetNs is within range");
        assertEquals(ClockSync.OK, sync.onReading(3, 2, -MAX), "-maxOffsetNs is within range");
        assertEquals(MAX, sync.readingNs(1));
        assertEquals(-MAX, sync.readingNs(2));
        assertEquals(0b111, sync.readingMask());
    }

    @Test
    void aSecondReadingOnAnyLinkIsADuplicateAndTheFirstIsKept() {
        final ClockSync sync = new ClockSync(7, 2, 0, MAX);
        sync.beginRound(5);
        for (int link = 1; link < 7; link++) {
            assertEquals(ClockSync.OK, sync.onReading(5, link, 10L * link), "first reading of link " + link);
            assertEquals(ClockSync.DUPLICATE, sync.onReading(5, link, -7), "second reading of link " + link);
            assertEquals(10L * link, sync.readingNs(link), "link " + link + " keeps its first reading");
        }
        assertEquals(ClockSync.DUPLICATE, sync.onExchange(5, 3, 0, 0, 0, 0), "an exchange is a reading too");
    }

    @Test
    void anExchangeReportsTheReadingsStatus() {
        final ClockSync sync = new ClockSync(4, 1, 1, MAX);
        assertEquals(ClockSync.WRONG_ROUND, sync.onExchange(0, 0, 0, 5, 5, 0), "no round open");
        sync.beginRound(0);
        assertEquals(ClockSync.BAD_LINK, sync.onExchange(0, 1, 0, 5, 5, 0), "own link");
        assertEquals(ClockSync.OUT_OF_RANGE, sync.onExchange(0, 0, 0, 2 * MAX, 2 * MAX, 0));
        assertEquals(ClockSync.OK, sync.onExchange(0, 0, 0, 15, 17, 2));
        assertEquals(15, sync.readingNs(0), "((15 - 0) + (17 - 2)) / 2");
    }

    @Test
    void aNewRoundForgetsTheLastRoundsReadings() {
        final ClockSync sync = new ClockSync(4, 1, 0, MAX);
        sync.beginRound(1);
        for (int link = 1; link < 4; link++) {
            assertEquals(ClockSync.OK, sync.onReading(1, link, 100L + link));
        }
        assertEquals(ClockSync.OK, sync.resolve());
        sync.beginRound(2);
        for (int link = 0; link < 4; link++) {
            assertEquals(0, sync.readingNs(link), "link " + link + " has no reading in the new round");
        }
        assertEquals(0b1, sync.readingMask());
        assertEquals(0, sync.correctionNs());
        assertEquals(0, sync.keptMask());
    }

    @Test
    void theLaneReportsItsConfiguration() {
        final ClockSync sync = new ClockSync(7, 2, 5, MAX);
        assertEquals(7, sync.lanes());
        assertEquals(2, sync.faults());
        assertEquals(5, sync.self());
    }
}
