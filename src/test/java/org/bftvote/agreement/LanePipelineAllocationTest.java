package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.testsupport.AllocationMeter;
import org.bftvote.testsupport.ByteAdversary;
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
        // Signal 1 is a slower sensor: a new sample every 5th frame, so its entry status varies (VALUE, HELD).
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

    /**
     * The recovery paths allocate nothing either: a million frames in which lanes go silent (excluded, then syncing
     * and readmitted), every link carries garbage for a while (every lane in a minority, its state held), lanes stall
     * (frame hints, out-of-step frames) and a lane's memory is upset (a block adopted and replayed).
     */
    @Test
    void aMillionFramesOfFaultsAndRecoveryAllocateNothing() {
        final ByteAdversary adversary = new ByteAdversary(4, 5);
        final PipelineCluster system = new PipelineCluster(
            RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, 3), 4), adversary);
        final double[][] readings = new double[4][3];
        final long[] valid = {-1L, -1L, -1L, -1L};
        final long[] state = new long[system.pipeline(0).manager(0).stateWords()];
        final long[] frame = {0};
        final AllocationMeter.Loop frames = () -> {
            for (int i = 0; i < AllocationMeter.PROOF_FRAMES; i++) {
                final long f = frame[0]++;
                final int phase = (int) (f % 4_000);
                final int lane = (int) (f / 4_000 % 4);
                adversary.control(lane, phase < 10 ? ByteAdversary.Behaviour.SILENT
                    : phase >= 2_000 && phase < 2_004 ? ByteAdversary.Behaviour.CORRUPT : ByteAdversary.Behaviour.HONEST);
                for (int other = 0; other < 4; other++) {
                    if (other != lane) {
                        adversary.control(other, phase >= 2_000 && phase < 2_004 ? ByteAdversary.Behaviour.CORRUPT
                            : ByteAdversary.Behaviour.HONEST);
                    }
                }
                if (phase == 3_000) {
                    system.stall((lane + 1) % 4, 5, f);
                }
                if (phase == 3_500) {
                    system.pipeline((lane + 2) % 4).manager(0).writeState(state, 0);
                    state[0] ^= 1L << 5;
                    system.pipeline((lane + 2) % 4).manager(0).readState(state, 0);
                }
                for (int l = 0; l < 4; l++) {
                    for (int k = 0; k < 3; k++) {
                        readings[l][k] = 10 * Math.sin(f * 0.01 * (k + 1)) + 1e-3 * l;
                    }
                }
                system.runFrame(f, readings, valid);
            }
        };
        final long bytes = AllocationMeter.measure(frames);
        assertEquals(0, bytes, "bytes allocated by " + AllocationMeter.PROOF_FRAMES + " frames with recovery");
        assertTrue(system.pipeline(0).readmissionCount(1) > 0, "readmissions happened");
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
