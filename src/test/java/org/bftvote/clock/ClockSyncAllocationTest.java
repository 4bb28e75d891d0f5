package org.bftvote.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.testsupport.AllocationMeter;
import org.junit.jupiter.api.Test;

/** A million warmed rounds of one lane of four (three exchanges, resolve) allocate nothing. */
class ClockSyncAllocationTest {
    @Test
    void aMillionRoundsAllocateNothing() {
        final ClockSync sync = new ClockSync(4, 1, 0, 1_000_000_000L);
        final long[] sum = {0};
        final long bytes = AllocationMeter.measure(() -> {
            for (int k = 0; k < AllocationMeter.PROOF_FRAMES; k++) {
                sync.beginRound(k);
                for (int j = 1; j < 4; j++) {
                    final long t1 = 1_000L * k;
                    sync.onExchange(k, j, t1, t1 + 400 + j * (k & 7), t1 + 450 + j * (k & 7), t1 + 700);
                }
                sync.resolve();
                sum[0] += sync.correctionNs();
            }
        });
        assertEquals(0, bytes, "bytes allocated by " + AllocationMeter.PROOF_FRAMES + " rounds");
        assertEquals(true, sum[0] != 0, "the rounds computed corrections");
    }
}
