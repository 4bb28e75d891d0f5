package org.bftvote.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The meter behind every allocation proof must be able to fail: it sees a per-frame allocation. */
class AllocationMeterTest {
    private static Object sink;

    @Test
    void aLoopThatAllocatesEveryFrameIsMeasuredInEveryRun() {
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 100_000; i++) {
                sink = new long[2];
            }
        });
        assertTrue(bytes >= 100_000L * 16, "measured " + bytes + " bytes for 100,000 arrays");
    }

    @Test
    void aLoopThatAllocatesNothingMeasuresZero() {
        final long[] counter = new long[1];
        assertEquals(0, AllocationMeter.measure(() -> {
            for (int i = 0; i < 100_000; i++) {
                counter[0] += i;
            }
        }));
    }
}
