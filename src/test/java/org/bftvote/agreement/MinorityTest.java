package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.OutputStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Consistency first (RCV-7): a lane that hears fewer than a majority of the lanes (its receiver failed) keeps its
 * state as it was, excludes no one, marks its outputs DIVERGED and says why; the others carry on; when it hears
 * again it takes the agreed state within the recovery bound.
 */
@Tag("RCV-7")
class MinorityTest {
    private static final long DEAF_FROM = 200;
    private static final long DEAF_TO = 260;

    /** Drops every message to lane 0 while it is deaf. */
    private static final MessageInterceptor DEAF_LANE_0 = (frame, round, sender, receiver, buffer, offset, length,
        capacity) -> receiver == 0 && frame >= DEAF_FROM && frame < DEAF_TO ? MessageInterceptor.DROP : length;

    @Test
    void aLaneThatHearsNoMajorityHoldsItsStateFlagsItsOutputsAndSyncsAfter() {
        final PipelineCluster system = new PipelineCluster(
            RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, 3), 4), DEAF_LANE_0);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, 3, 11);
        final LanePipeline deaf = system.pipeline(0);
        long frame = 0;
        for (; frame < DEAF_FROM; frame++) {
            inputs.run(system, frame, false);
        }
        final long[] before = RecoveryProbe.fullState(deaf);
        for (; frame < DEAF_TO; frame++) {
            inputs.run(system, frame, false);
            assertEquals(HypothesisFlags.MINORITY, deaf.hypothesisFlags() & HypothesisFlags.MINORITY, "frame " + frame);
            for (int k = 0; k < 3; k++) {
                final OutputStatus status = deaf.output(k).status();
                assertTrue(status == OutputStatus.DIVERGED || status == OutputStatus.INVALID, "frame " + frame);
            }
            assertTrue(java.util.Arrays.equals(before, RecoveryProbe.fullState(deaf)), "state held, frame " + frame);
            assertEquals(0, deaf.excludedMask(), "a lane that hears no majority excludes no one");
            for (int lane = 1; lane < 4; lane++) {
                assertEquals(0, system.pipeline(lane).hypothesisFlags(), "the others carry on, lane " + lane);
            }
        }
        assertTrue(deaf.isSyncing(), "it knows its state may be behind: it declares itself syncing");
        assertEquals(0, system.pipeline(1).incongruentMask(), "so its digest does not vote");
        final int bound = deaf.recoveryBoundFrames();
        long identical = -1;
        for (; frame < DEAF_TO + bound + 20; frame++) {
            inputs.run(system, frame, false);
            if (identical < 0 && RecoveryProbe.identical(system, 0b1111L)) {
                identical = frame;
            }
        }
        assertTrue(identical > 0 && identical - DEAF_TO <= bound, "identical at " + identical);
    }
}
