package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.RedundancyLevel;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lane readmission (RCV-4): a lane excluded for a transient fault is readmitted at the same frame on every healthy
 * lane after the policy's clean frames; a permanently faulty lane never is; a flapping lane is readmitted at most
 * the policy's times; with {@link ReadmissionPolicy#never()} exclusion is final.
 */
@Tag("RCV-4")
class ReadmissionTest {
    private static final int CLEAN = 60;
    private static final int TIMES = 2;

    private static PipelineCluster quad(final ByteAdversary adversary, final ReadmissionPolicy policy) {
        return new PipelineCluster(LanePipelineEndToEndTest.configBuilder(4, 1, 2).readmission(policy).build(),
            adversary);
    }

    private static void run(final PipelineCluster system, final RecoveryCampaignTest.Inputs inputs, final long from,
                            final long to) {
        for (long frame = from; frame < to; frame++) {
            inputs.run(system, frame, false);
        }
    }

    /** Runs to {@code to} and returns the first frame at which lane 0 saw {@code lane} readmitted, or -1. */
    private static long runUntilReadmitted(final PipelineCluster system, final RecoveryCampaignTest.Inputs inputs,
                                           final long from, final long to, final int lane) {
        for (long frame = from; frame < to; frame++) {
            final boolean excluded = (system.pipeline(0).excludedMask() & 1L << lane) != 0;
            inputs.run(system, frame, false);
            if (excluded && (system.pipeline(0).excludedMask() & 1L << lane) == 0) {
                for (int other = 0; other < 4; other++) {
                    assertEquals(system.pipeline(0).excludedMask(), system.pipeline(other).excludedMask(),
                        "readmitted at the same frame on lane " + other + ", frame " + frame);
                }
                return frame;
            }
        }
        return -1;
    }

    @Test
    void aTransientFaultIsExcludedThenReadmittedAtTheSameFrameEverywhere() {
        final ByteAdversary adversary = new ByteAdversary(4, 1);
        final PipelineCluster system = quad(adversary, ReadmissionPolicy.afterCleanFrames(CLEAN, TIMES));
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 2, 1);
        run(system, inputs, 0, 50);
        adversary.control(1, Behaviour.ARBITRARY);
        run(system, inputs, 50, 80);
        adversary.control(1, Behaviour.HONEST);
        assertEquals(1L << 1, system.pipeline(0).excludedMask());
        final int bound = system.pipeline(0).recoveryBoundFrames();
        final long back = runUntilReadmitted(system, inputs, 80, 80 + bound + CLEAN + 10, 1);
        assertTrue(back >= 80 + CLEAN, "needs its clean frames first: readmitted at " + back);
        assertEquals(1, system.pipeline(2).readmissionCount(1));
        run(system, inputs, back + 1, back + 50);
        assertTrue(RecoveryProbe.identical(system, 0b1111L), "all four lanes identical again");
        for (int lane = 0; lane < 4; lane++) {
            for (int signal = 0; signal < 2; signal++) {
                final ChannelOutput out = system.pipeline(lane).output(signal);
                assertEquals(0L, out.failedMask(), "its channels were absent, not failed: lane " + lane);
                assertEquals(RedundancyLevel.QUAD, out.level(), "lane " + lane + ", signal " + signal);
            }
        }
    }

    @Test
    void aPermanentlyFaultyLaneIsNeverReadmitted() {
        for (final Behaviour fault : new Behaviour[] {Behaviour.ARBITRARY, Behaviour.SILENT, Behaviour.TWO_FACED}) {
            final ByteAdversary adversary = new ByteAdversary(4, 2);
            final PipelineCluster system = quad(adversary, ReadmissionPolicy.afterCleanFrames(CLEAN, TIMES));
            final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 2, 2);
            run(system, inputs, 0, 50);
            adversary.control(3, fault);
            assertEquals(-1, runUntilReadmitted(system, inputs, 50, 3000, 3), fault.name());
            for (int lane = 0; lane < 3; lane++) {
                assertEquals(1L << 3, system.pipeline(lane).excludedMask(), fault + ", lane " + lane);
                assertEquals(0, system.pipeline(lane).readmissionCount(3), fault + ", lane " + lane);
                assertEquals(0, system.pipeline(lane).hypothesisFlags(), "one faulty lane is within the budget");
            }
            assertTrue(RecoveryProbe.identical(system, 0b0111L), fault.name());
        }
    }

    @Test
    void aFlappingLaneIsReadmittedAtMostThePolicysTimes() {
        final ByteAdversary adversary = new ByteAdversary(4, 3);
        final PipelineCluster system = quad(adversary, ReadmissionPolicy.afterCleanFrames(CLEAN, TIMES));
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 2, 3);
        final int bound = system.pipeline(0).recoveryBoundFrames();
        long frame = 0;
        run(system, inputs, frame, frame += 50);
        for (int flap = 0; flap < TIMES + 2; flap++) {
            adversary.control(2, Behaviour.SILENT);
            run(system, inputs, frame, frame += 20);
            adversary.control(2, Behaviour.HONEST);
            run(system, inputs, frame, frame += bound + CLEAN + 20);
        }
        for (int lane = 0; lane < 4; lane++) {
            assertEquals(TIMES, system.pipeline(lane).readmissionCount(2), "lane " + lane);
            assertEquals(1L << 2, system.pipeline(lane).excludedMask(), "out for good after two readmissions");
        }
    }

    @Test
    void withoutReadmissionExclusionIsFinal() {
        final ByteAdversary adversary = new ByteAdversary(4, 4);
        final PipelineCluster system = quad(adversary, ReadmissionPolicy.never());
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 2, 4);
        run(system, inputs, 0, 50);
        adversary.control(1, Behaviour.SILENT);
        run(system, inputs, 50, 60);
        adversary.control(1, Behaviour.HONEST);
        run(system, inputs, 60, 1500);
        for (int lane = 0; lane < 4; lane++) {
            assertEquals(1L << 1, system.pipeline(lane).excludedMask(), "lane " + lane);
        }
        assertFalse(system.pipeline(1).isSyncing(), "the excluded lane follows the agreed state all the same");
        assertTrue(RecoveryProbe.identical(system, 0b1111L));
    }
}
