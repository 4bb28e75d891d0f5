package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/**
 * The lane process's small parts: its clock and the inverse the schedule waits with, the clock filter that picks the
 * reading with the shortest round trip, and the sensor input rebuilt from the rig's datagrams.
 */
class LaneSideTest {
    @Test
    void theLanesClockRunsOffAndRawAtIsItsInverse() {
        final SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 1_000; trial++) {
            final long raw0 = random.nextLong(1L << 40);
            final LaneClock clock = new LaneClock(raw0, random.nextLong(-5_000_000, 5_000_000),
                (random.nextDouble() - 0.5) * 2e-3);
            clock.adjust(random.nextLong(-1_000_000, 1_000_000));
            final long local = clock.local(raw0 + random.nextLong(1L << 36));
            final long raw = clock.rawAt(local);
            assertTrue(clock.local(raw) >= local && clock.local(raw - 1) < local, "trial " + trial);
        }
        final LaneClock fast = new LaneClock(0, 1_000, 100e-6);
        assertEquals(1_000 + 1_000_000_000L + 100_000L, fast.local(1_000_000_000L), "100 ppm fast, 1 us ahead");
    }

    @Test
    void theClockFilterTakesTheShortestRoundTripCorrectedForOwnAdjustments() {
        final ClockReadings r = new ClockReadings(4, 8, 32);
        assertTrue(r.add(1, 10, 500, 900, 0));
        assertFalse(r.add(1, 10, 600, 100, 0), "one reading per round");
        assertTrue(r.add(1, 11, 300, 200, 40));
        assertTrue(r.add(1, 12, 800, 700, 40));
        assertTrue(r.best(1, 12));
        assertEquals(300 - (100 - 40), r.offset(100), "round 11's, less the 60 ns this lane moved since");
        assertTrue(r.best(1, 12 + 31), "round 12 is 31 rounds old");
        assertFalse(r.best(1, 12 + 32), "every reading too old");
        assertFalse(r.best(2, 12), "no reading of lane 2");
    }

    @Test
    void sensorReadingsAreRebuiltFromWhatArrived() {
        final SensorInput input = new SensorInput(3);
        final CRC32C crc = new CRC32C();
        final byte[] b = new byte[SensorDatagram.capacity(3)];
        SensorDatagram.begin(b, 0, 5);
        SensorDatagram.add(b, 0, 1.0, true, true);
        SensorDatagram.add(b, 2, 3.0, true, true);
        assertEquals(LaneCounter.ACCEPTED, input.offer(b, SensorDatagram.seal(crc, b), 5));
        SensorDatagram.begin(b, 0, 6);
        SensorDatagram.add(b, 2, 4.0, false, true);
        assertEquals(LaneCounter.ACCEPTED, input.offer(b, SensorDatagram.seal(crc, b), 5));
        SensorDatagram.begin(b, 0, 4);
        assertEquals(LaneCounter.LATE, input.offer(b, SensorDatagram.seal(crc, b), 5), "frame 4 has run");
        SensorDatagram.begin(b, 0, 5 + SensorInput.SLOTS);
        assertEquals(LaneCounter.MALFORMED, input.offer(b, SensorDatagram.seal(crc, b), 5), "too far ahead");

        assertTrue(input.readFrame(5));
        assertEquals(1.0, input.readings()[0]);
        assertTrue(Double.isNaN(input.readings()[1]), "never sampled");
        assertEquals(0b101, input.validMask());
        assertEquals(0b101, input.freshMask());
        assertTrue(input.readFrame(6));
        assertEquals(1.0, input.readings()[0], "held");
        assertEquals(4.0, input.readings()[2]);
        assertEquals(0b001, input.validMask(), "signal 2's new sample is flagged invalid");
        assertEquals(0b100, input.freshMask(), "only signal 2 is new");
        assertFalse(input.readFrame(7), "no datagram for frame 7");
        assertEquals(0, input.freshMask());
        assertEquals(4.0, input.readings()[2], "everything held");
    }
}
