package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.testsupport.AllocationMeter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Allocation proof of whole frames of every lane, and the footprint of building one lane's pipeline. */
@Tag("ALLOC-1")
class LanePipelineAllocationTest {
    private static final int RING = 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static Object keep;

    @Test
    void aMillionWholeFramesOfEveryLaneAllocateNothing() {
        final int signals = 2;
        final PipelineCluster system =
            new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, signals), MessageInterceptor.PASS);
        final double[][][] ring = new double[RING][4][signals];
        final SplittableRandom random = new SplittableRandom(7);
        for (int f = 0; f < RING; f++) {
            LanePipelineEndToEndTest.sense(f, random, ring[f]);
        }
        final long[] valid = {-1L, -1L, -1L, -1L};
        // Signal 1 is a slower sensor: a new sample every 5th frame, so the freshness word varies.
        final long[][] fresh = new long[5][4];
        for (int f = 0; f < fresh.length; f++) {
            java.util.Arrays.fill(fresh[f], f == 0 ? 0b11L : 0b01L);
        }
        final long[] frame = {0};
        final long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                system.runFrame(frame[0], ring[(int) (frame[0] & (RING - 1))], valid, fresh[(int) (frame[0] % 5)]);
                frame[0]++;
            }
        });
        assertEquals(0, bytes, "bytes allocated by " + AllocationMeter.PROOF_FRAMES + " frames of 4 lanes");
        assertEquals(0, system.pipeline(0).excludedMask());
        assertTrue(system.pipeline(0).output(0).status().hasValue());
    }

    @Test
    void buildingOneLanePipelineFitsItsFootprint() {
        assertTrue(buildBytes(LanePipelineEndToEndTest.config(4, 1, 32)) <= 64 * 1024, "n=4 m=1 K=32");
        assertTrue(buildBytes(LanePipelineEndToEndTest.config(7, 2, 32)) <= 256 * 1024, "n=7 m=2 K=32");
    }

    private static long buildBytes(final PipelineConfig config) {
        keep = new LanePipeline(config, 0); // warm class loading
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        keep = new LanePipeline(config, 0);
        final long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        System.out.println("LanePipeline footprint n=" + config.agreement().lanes() + " m=" + config.agreement().m()
            + " K=" + config.signals() + ": " + bytes + " bytes");
        return bytes;
    }
}
