package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.OutputStatus;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Restart and join (RCV-5): a lane that reboots (a new pipeline that does not know the frame number) or stalls
 * takes the frame number from the others, shows SYNCING until it holds the agreed state, then gives the same
 * outputs as the others; a faulty lane cannot drag the others' frame counter; a lane alone on its frame catches up.
 */
@Tag("RCV-5")
class JoinTest {
    private static PipelineCluster quad(final MessageInterceptor interceptor) {
        return new PipelineCluster(RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, 3), 4), interceptor);
    }

    @Test
    void aRestartedLaneTakesTheFrameAndTheStateThenJoins() {
        final PipelineCluster system = quad(MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 5);
        long frame = 0;
        for (; frame < 500; frame++) {
            inputs.run(system, frame, false);
        }
        final LanePipeline fresh = system.restart(1);
        final int bound = fresh.recoveryBoundFrames();
        long joined = -1;
        for (; frame < 500 + bound + 50; frame++) {
            inputs.run(system, frame, false);
            if (frame == 500) {
                assertEquals(501, fresh.nextFrame(), "the others' frame, from f + 1 of them, after one frame");
            }
            if (joined < 0 && RecoveryProbe.identical(system, 0b1111L)) {
                joined = frame;
            }
            if (joined < 0) {
                for (int k = 0; k < 3; k++) {
                    assertFalse(fresh.output(k).status().isCongruent() && fresh.output(k).status().hasValue()
                        && !RecoveryProbe.sameOutputs(fresh, system.pipeline(0)),
                        "a joining lane that differs is flagged, frame " + frame);
                }
            }
            for (final int other : new int[] {0, 2, 3}) {
                assertTrue(system.pipeline(other).output(0).status().isCongruent(),
                    "the others are not disturbed, lane " + other + " frame " + frame);
            }
        }
        assertTrue(joined > 500 && joined <= 500 + bound, "joined at " + joined + ", bound " + bound);
        assertEquals(OutputStatus.SYNCING, statusAt(1, 3));
        assertEquals(0, system.pipeline(0).excludedMask(), "a restart shorter than the exclusion persistence");
    }

    /**
     * The frame counter wraps from {@code Long.MAX_VALUE} to {@code Long.MIN_VALUE} as one step, and each frame's
     * digest covers the manager of signal frame mod K. A lane restarted after the wrap finds that signal from its
     * frame number alone, the others from the frames they stepped through: with K = 3 (2^64 is not a multiple of
     * 3) the two agree only if stepping across the wrap is done like the division.
     */
    @Test
    void aLaneRestartedJustAfterTheFrameCounterWrapsJoinsWithinTheBound() {
        final PipelineCluster system = quad(MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 7);
        long frame = Long.MAX_VALUE - 400;
        for (int i = 0; i < 410; i++, frame++) {
            inputs.run(system, frame, false);
        }
        final LanePipeline fresh = system.restart(1);
        final int bound = fresh.recoveryBoundFrames();
        final long restartedAt = frame;
        long joined = Long.MAX_VALUE;
        for (int i = 0; i < bound + 50; i++, frame++) {
            inputs.run(system, frame, false);
            if (joined == Long.MAX_VALUE && RecoveryProbe.identical(system, 0b1111L)) {
                joined = frame;
            }
        }
        assertTrue(joined != Long.MAX_VALUE && joined - restartedAt <= bound,
            "restarted at " + restartedAt + ", joined at " + joined + ", bound " + bound);
        assertTrue(fresh.output(0).status().isCongruent(), "the restarted lane is no longer syncing");
    }

    private static OutputStatus statusAt(final int lane, final int frames) {
        // The first frames of a fresh lane: out of step, then syncing.
        final PipelineCluster system = quad(MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 6);
        long frame = 0;
        for (; frame < 300; frame++) {
            inputs.run(system, frame, false);
        }
        system.restart(lane);
        for (int i = 0; i < frames; i++, frame++) {
            inputs.run(system, frame, false);
        }
        return system.pipeline(lane).output(0).status();
    }

    @Test
    void aLaneDownLongerThanThePersistenceIsExcludedThenRejoinsAndIsReadmitted() {
        final PipelineCluster system = quad(MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 7);
        long frame = 0;
        for (; frame < 400; frame++) {
            inputs.run(system, frame, false);
        }
        system.stall(2, 150, frame);
        system.restart(2);
        final int bound = system.pipeline(0).recoveryBoundFrames();
        final int clean = system.pipeline(0).config().readmission().cleanFrames();
        long readmitted = -1;
        for (; frame < 400 + 150 + bound + clean + 20; frame++) {
            inputs.run(system, frame, false);
            if (frame == 404) {
                assertEquals(1L << 2, system.pipeline(0).excludedMask(), "excluded while down");
            }
            if (readmitted < 0 && frame > 550 && system.pipeline(0).excludedMask() == 0) {
                readmitted = frame;
            }
        }
        assertTrue(readmitted > 0, "readmitted");
        assertTrue(RecoveryProbe.identical(system, 0b1111L));
        assertEquals(1, system.pipeline(3).readmissionCount(2));
    }

    @Test
    void aStalledLaneCatchesUpAndRejoinsWithinTheBound() {
        final PipelineCluster system = quad(MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 8);
        long frame = 0;
        for (; frame < 300; frame++) {
            inputs.run(system, frame, false);
        }
        system.stall(3, 20, frame);
        for (int i = 0; i < 20; i++, frame++) {
            inputs.run(system, frame, false);
        }
        final long back = frame;
        final int bound = system.pipeline(0).recoveryBoundFrames();
        long identical = -1;
        for (; frame < back + bound + 20; frame++) {
            inputs.run(system, frame, false);
            if (frame == back) {
                assertEquals(back + 1, system.pipeline(3).nextFrame(), "back in step after one frame");
            }
            if (identical < 0 && RecoveryProbe.identical(system, 0b0111L)
                && Arrays.equals(RecoveryProbe.fullState(system.pipeline(0)), RecoveryProbe.fullState(system.pipeline(3)))
                && !system.pipeline(3).isSyncing()) {
                identical = frame;
            }
        }
        assertTrue(identical > 0 && identical - back <= bound, "identical at " + identical + ", back " + back);
    }

    @Test
    void oneFaultyLaneCannotDragTheOthersFrameCounter() {
        final ByteAdversary adversary = new ByteAdversary(4, 9);
        final PipelineCluster system = quad(adversary);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 9);
        adversary.control(0, Behaviour.FORGE_FRAME);
        for (long frame = 0; frame < 300; frame++) {
            inputs.run(system, frame, false);
            for (int lane = 1; lane < 4; lane++) {
                assertEquals(frame + 1, system.pipeline(lane).nextFrame(), "lane " + lane + " frame " + frame);
            }
        }
    }
}
