package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.OutputStatus;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Test;

/**
 * Four lanes, OM(1), eight noisy signals, 20,000 frames; lane 3 turns two-faced at frame 1,000. Every healthy lane's
 * outputs must be bit-identical every frame, and lane 3 must be excluded on every healthy lane at the same frame.
 */
class LanePipelineEndToEndTest {
    static final int LANES = 4;
    static final int SIGNALS = 8;
    private static final int FRAMES = 20_000;
    private static final int TURNS_FAULTY = 1_000;
    private static final int FAULTY = 3;
    private static final long SEED = 0xE2EL;

    static PipelineConfig config(final int lanes, final int m, final int signals) {
        return configBuilder(lanes, m, signals).build();
    }

    static PipelineConfig.Builder configBuilder(final int lanes, final int m, final int signals) {
        return PipelineConfig.builder(lanes, m, signals)
            .allSignals(ChannelConfig.builder(lanes).miscompareThreshold(0.5).build());
    }

    /** Fills each lane's reading of each signal: a slow sine per signal plus independent noise per lane. */
    static void sense(final long frame, final SplittableRandom random, final double[][] readings) {
        for (int k = 0; k < readings[0].length; k++) {
            final double truth = 10.0 * Math.sin(frame * 0.001 * (k + 1)) + k;
            for (int i = 0; i < readings.length; i++) {
                readings[i][k] = truth + 0.01 * (random.nextDouble() - 0.5);
            }
        }
    }

    @Test
    void healthyLanesAgreeBitForBitAndExcludeTheTwoFacedLaneTogether() {
        final ByteAdversary adversary = new ByteAdversary(LANES, SEED);
        final PipelineCluster system = new PipelineCluster(config(LANES, 1, SIGNALS), adversary);
        final SplittableRandom random = new SplittableRandom(SEED);
        final double[][] readings = new double[LANES][SIGNALS];
        final long[] valid = {-1L, -1L, -1L, -1L};
        long excludedAt = -1;

        for (long frame = 0; frame < FRAMES; frame++) {
            if (frame == TURNS_FAULTY) {
                adversary.control(FAULTY, Behaviour.TWO_FACED);
            }
            sense(frame, random, readings);
            system.runFrame(frame, readings, valid);

            final LanePipeline reference = system.pipeline(0);
            for (int lane = 1; lane < FAULTY; lane++) {
                final LanePipeline other = system.pipeline(lane);
                for (int k = 0; k < SIGNALS; k++) {
                    assertIdentical(reference.output(k), other.output(k), "frame " + frame + " lane " + lane
                        + " signal " + k);
                }
                assertEquals(reference.excludedMask(), other.excludedMask(), "excluded, frame " + frame);
                assertEquals(reference.accusedMask(), other.accusedMask(), "accused, frame " + frame);
            }
            for (int k = 0; k < SIGNALS; k++) {
                assertTrue(reference.output(k).status().hasValue(), "output at frame " + frame);
            }
            if (excludedAt < 0 && reference.excludedMask() != 0) {
                excludedAt = frame;
            }
        }
        assertEquals(1L << FAULTY, system.pipeline(0).excludedMask(), "only the two-faced lane is excluded");
        // Evidence at 1,000, agreed and accused at 1,001, 1,002, 1,003: consecutive(3) trips at 1,003.
        assertEquals(TURNS_FAULTY + 3, excludedAt, "exclusion frame");
        for (int lane = 0; lane < FAULTY; lane++) {
            assertEquals(excludedAt, system.pipeline(lane).exclusionFrame(FAULTY), "same exclusion frame");
            assertFalse(system.pipeline(lane).fullBudgetHolds(), "OM(1) with 4 lanes has no budget left");
            assertEquals(OutputStatus.NORMAL, system.pipeline(lane).output(0).status(), "3 lanes still vote");
        }
    }

    static void assertIdentical(final ChannelOutput a, final ChannelOutput b, final String where) {
        assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()), "value " + where);
        assertEquals(a.status(), b.status(), "status " + where);
        assertEquals(a.level(), b.level(), "level " + where);
        assertEquals(a.healthyMask(), b.healthyMask(), "healthy " + where);
        assertEquals(a.failedMask(), b.failedMask(), "failed " + where);
        assertEquals(a.usedMask(), b.usedMask(), "used " + where);
        assertEquals(a.rejectedMask(), b.rejectedMask(), "rejected " + where);
        assertEquals(a.miscompareMask(), b.miscompareMask(), "miscompare " + where);
        assertEquals(Double.doubleToRawLongBits(a.spread()), Double.doubleToRawLongBits(b.spread()), "spread " + where);
    }
}
