package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelOutput;
import org.junit.jupiter.api.Test;

/**
 * What a lane's state digest covers (four lanes, f = 1): the digest of frame t holds the whole state of the manager
 * of signal t mod K, whether the frames before ran in step or jumped, and every signal's output including its failed
 * channels, so a difference in either shows in the digest of the very frame it arises in.
 */
class LanePipelineDigestTest {
    private static final int LANES = 4;

    /**
     * Frames run in step, jumps forward, one frame back, a jump to negative frames, and the wrap from the largest
     * frame number to the smallest (where frame mod K does not step by one).
     */
    private static final long[] FRAMES = {0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22, 23, 41, 45, 46, 47, 46, 47, -9, -8, -7,
        Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2};

    /** Every lane reads the same slowly moving value; no channel miscompares, none freezes. */
    private static void fill(final double[][] readings, final int signals, final int step) {
        for (int lane = 0; lane < LANES; lane++) {
            for (int k = 0; k < signals; k++) {
                readings[lane][k] = 10.0 * (k + 1) + 0.01 * step;
            }
        }
    }

    /**
     * Digests of lane 0 over {@link #FRAMES}; if {@code perturbedSignal >= 0}, lane 2's reading of that signal is
     * 0.001 higher at step {@code perturbedStep} (lane 2 the largest of four equal values: the voted output is
     * unchanged, the manager's last valid value of that channel is not).
     */
    private static long[] digests(final int signals, final int perturbedStep, final int perturbedSignal,
                                  final double[][] outputs) {
        final PipelineCluster system =
            new PipelineCluster(LanePipelineEndToEndTest.config(LANES, 1, signals), MessageInterceptor.PASS);
        final double[][] readings = new double[LANES][signals];
        final long[] valid = new long[LANES];
        Arrays.fill(valid, (1L << signals) - 1);
        final long[] digests = new long[FRAMES.length];
        for (int step = 0; step < FRAMES.length; step++) {
            fill(readings, signals, step);
            if (step == perturbedStep) {
                readings[2][perturbedSignal] += 0.001;
            }
            system.runFrame(FRAMES[step], readings, valid, valid);
            digests[step] = system.pipeline(0).stateDigest();
            for (int k = 0; k < signals; k++) {
                outputs[step][k] = system.pipeline(0).output(k).value();
            }
        }
        return digests;
    }

    /**
     * A one-frame difference in one manager's state, not in any output, shows in the digest of that frame exactly
     * when the frame's number is that manager's signal modulo K, in step, after a jump or a step back, and across the wrap of the frame number.
     */
    @Test
    void theDigestOfFrameTCoversTheManagerOfSignalTModKAfterRunsAndJumpsAlike() {
        final int signals = 3;
        final double[][] plainOutputs = new double[FRAMES.length][signals];
        final long[] plain = digests(signals, -1, -1, plainOutputs);
        for (int step = 0; step < FRAMES.length; step++) {
            for (int k = 0; k < signals; k++) {
                final double[][] outputs = new double[FRAMES.length][signals];
                final long[] perturbed = digests(signals, step, k, outputs);
                final String where = "frame " + FRAMES[step] + ", signal " + k;
                assertEquals(plainOutputs[step][k], outputs[step][k], where + ": the output is unchanged");
                if (Math.floorMod(FRAMES[step], signals) == k) {
                    assertNotEquals(plain[step], perturbed[step], where + ": its manager is in this digest");
                } else {
                    assertEquals(plain[step], perturbed[step], where + ": its manager is not in this digest");
                }
            }
        }
    }

    /**
     * Two runs whose only difference is which lane's sensor of signal 1 failed (same voted value and vote status)
     * digest differently in every frame after the failure, including the frames that digest signal 0's manager.
     */
    @Test
    void whichChannelFailedShowsInEveryFramesDigestThroughTheOutput() {
        final int signals = 2;
        final PipelineCluster[] systems = new PipelineCluster[2];
        for (int s = 0; s < 2; s++) {
            systems[s] = new PipelineCluster(LanePipelineEndToEndTest.config(LANES, 1, signals), MessageInterceptor.PASS);
        }
        final double[][] readings = new double[LANES][signals];
        final long[][] valid = new long[2][LANES];
        int differing = 0;
        for (int frame = 0; frame < 40; frame++) {
            fill(readings, signals, frame);
            for (int s = 0; s < 2; s++) {
                Arrays.fill(valid[s], 0b11L);
                if (frame >= 10) {
                    valid[s][2 + s] = 0b01L; // run 0: lane 2's sensor of signal 1 fails; run 1: lane 3's
                }
                systems[s].runFrame(frame, readings, valid[s], valid[s]);
            }
            final ChannelOutput first = systems[0].pipeline(0).output(1);
            final ChannelOutput second = systems[1].pipeline(0).output(1);
            assertEquals(first.value(), second.value(), "frame " + frame);
            assertEquals(first.voteStatus(), second.voteStatus(), "frame " + frame);
            if (first.failedMask() != 0) {
                assertEquals(0b0100L, first.failedMask());
                assertEquals(0b1000L, second.failedMask());
                assertNotEquals(systems[0].pipeline(0).stateDigest(), systems[1].pipeline(0).stateDigest(),
                    "frame " + frame + ": the failed channels are in every frame's digest");
                differing++;
            }
        }
        assertTrue(differing >= 20, "frames with a failed channel: " + differing);
    }
}
