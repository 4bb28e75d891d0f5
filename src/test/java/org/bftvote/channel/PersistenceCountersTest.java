package org.bftvote.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.testsupport.AllocationMeter;
import org.bftvote.testsupport.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Persistence counters: examples for both policies and seeded properties of shortness and persistence. */
@Tag("MON-2")
class PersistenceCountersTest {
    static java.util.stream.LongStream seeds() {
        return Seeds.seeds();
    }

    @Test
    void consecutiveTripsOnExactlyNInARowAndAGoodFrameStartsAgain() {
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.consecutive(3), 2);
        assertFalse(c.record(0, true));
        assertFalse(c.record(0, true));
        assertFalse(c.record(0, false));
        assertEquals(0, c.level(0));
        assertFalse(c.record(0, true));
        assertFalse(c.record(0, true));
        assertTrue(c.record(0, true));
        assertTrue(c.isTripped(0));
        assertFalse(c.record(0, true), "reports the trip once");
        assertEquals(0, c.level(1), "channels are independent");
        c.reset(0);
        assertFalse(c.isTripped(0));
    }

    @Test
    void leakyAccumulatesIntermittentFaultsAndDrainsGlitches() {
        // up 2, down 1, trip 6: a fault present every other frame gains 1 per two frames and trips.
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.leaky(2, 1, 6), 1);
        boolean tripped = false;
        int frames = 0;
        while (!tripped && frames < 100) {
            tripped = c.record(0, frames % 2 == 0);
            frames++;
        }
        assertTrue(tripped);
        assertEquals(9, frames, "levels 2,1,3,2,4,3,5,4,6");
        // An isolated glitch every third frame gains 2, loses 2: never trips.
        c.reset();
        for (int f = 0; f < 1000; f++) {
            assertFalse(c.record(0, f % 3 == 0), "frame " + f);
        }
        assertTrue(c.level(0) <= 2, "level " + c.level(0));
    }

    @Test
    void leakyFloorsAtZero() {
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.leaky(1, 5, 3), 1);
        c.record(0, true);
        c.record(0, false);
        assertEquals(0, c.level(0));
        assertFalse(c.record(0, true));
        assertFalse(c.record(0, true));
        assertTrue(c.record(0, true), "the floor at 0 means three bad frames still trip");
    }

    @Test
    void framesToTripIsCeilOfTripOverUp() {
        assertEquals(5, PersistencePolicy.consecutive(5).framesToTrip());
        assertEquals(3, PersistencePolicy.leaky(2, 1, 6).framesToTrip());
        assertEquals(4, PersistencePolicy.leaky(3, 1, 10).framesToTrip());
    }

    @Test
    void recordAllocatesNothing() {
        final PersistenceCounters c = new PersistenceCounters(PersistencePolicy.leaky(2, 1, 50), 4);
        final long bytes = AllocationMeter.measure(() -> {
            for (int f = 0; f < AllocationMeter.PROOF_FRAMES; f++) {
                if (c.record(f & 3, (f % 7) < 3)) {
                    c.reset(f & 3);
                }
            }
        });
        assertEquals(0, bytes);
    }

    private static PersistencePolicy randomPolicy(final SplittableRandom r) {
        if (r.nextBoolean()) {
            return PersistencePolicy.consecutive(1 + r.nextInt(20));
        }
        return PersistencePolicy.leaky(1 + r.nextInt(4), 1 + r.nextInt(4), 1 + r.nextInt(40));
    }

    /** Good frames that bring the counter back to 0 after a burst of {@code burst} bad frames. */
    static int recoveryFrames(final PersistencePolicy p, final int burst) {
        final long level = Math.min((long) burst * p.up(), p.tripLevel());
        return (int) ((level + p.down() - 1) / p.down());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void burstsShorterThanThePersistenceNeverTrip(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final PersistencePolicy p = randomPolicy(r);
        final PersistenceCounters c = new PersistenceCounters(p, 1);
        final int longest = p.framesToTrip() - 1;
        for (int burstNo = 0; burstNo < 200 && longest > 0; burstNo++) {
            final int burst = 1 + r.nextInt(longest);
            for (int k = 0; k < burst; k++) {
                assertFalse(c.record(0, true), Seeds.replay(seed) + " " + p + " burst " + burst);
            }
            final int gap = recoveryFrames(p, burst) + r.nextInt(3);
            for (int k = 0; k < gap; k++) {
                c.record(0, false);
            }
        }
        assertFalse(c.isTripped(0), Seeds.replay(seed) + " " + p);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPersistentFaultTripsWithinThePersistenceFromAnyState(final long seed) {
        final SplittableRandom r = Seeds.random(seed);
        final PersistencePolicy p = randomPolicy(r);
        final PersistenceCounters c = new PersistenceCounters(p, 1);
        // Random history that has not tripped yet.
        for (int k = r.nextInt(100); k > 0; k--) {
            c.record(0, r.nextInt(4) == 0);
            if (c.isTripped(0)) {
                c.reset(0);
            }
        }
        int frames = 0;
        boolean tripped = false;
        while (!tripped && frames <= p.framesToTrip()) {
            tripped = c.record(0, true);
            frames++;
        }
        assertTrue(tripped && frames <= p.framesToTrip(),
            Seeds.replay(seed) + " " + p + " took " + frames + " frames, bound " + p.framesToTrip());
    }
}
