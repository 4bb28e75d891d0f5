package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.memory.LaneCluster;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recovery at its edges: a policy that never readmits keeps the faulty lanes out through the amnesty; a whole
 * cluster that skips frame numbers flags the frame and is back within the bound; the pipeline's refusals and its
 * treatment of a valid but non-finite reading; a restarted lane that does not fit its place; the names of flags,
 * statuses and policies.
 */
class RecoveryEdgesTest {
    private static final int SIGNALS = 3;

    @Test
    @Tag("RCV-4")
    void neverReadmittingKeepsBothFaultyLanesOutAndTheHealthyLanesTogether() {
        final PipelineConfig config = PipelineConfig.builder(4, 1, SIGNALS)
            .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.3).build())
            .readmission(ReadmissionPolicy.never()).build();
        final Sts124Test.SplitReadings adversary = new Sts124Test.SplitReadings();
        adversary.split(3, 100);
        adversary.split(2, 300);
        final PipelineCluster system = new PipelineCluster(config, adversary);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, SIGNALS, 31);
        final LanePipeline a = system.pipeline(0);
        final LanePipeline b = system.pipeline(1);
        for (long frame = 0; frame < 2000; frame++) {
            inputs.run(system, frame, false);
            assertTrue(RecoveryProbe.sameOutputs(a, b) || RecoveryProbe.allFlagged(a) && RecoveryProbe.allFlagged(b),
                "the healthy lanes differ unflagged at frame " + frame);
            if (frame == 99) {
                assertFalse(a.hypothesisExceeded(), "within the hypothesis before the split");
            }
        }
        assertEquals(0b1100L, a.excludedMask(), "both faulty lanes stay out");
        assertEquals(0, a.readmissionCount(2), "never taken back, amnesty or not");
        assertEquals(a.excludedMask(), b.excludedMask());
        assertArrayEquals(RecoveryProbe.fullState(a), RecoveryProbe.fullState(b), "the same state at the end");
        assertTrue(a.hypothesisExceeded(), "two of four left: no majority confirms the state, and both say so");
        assertTrue(b.hypothesisExceeded());
    }

    @Test
    @Tag("RCV-5")
    void aClusterThatSkipsFrameNumbersFlagsTheJumpAndIsBackWithinTheBound() {
        final PipelineCluster system = new PipelineCluster(
            RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, SIGNALS), 4), MessageInterceptor.PASS);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, SIGNALS, 32);
        for (long frame = 0; frame < 300; frame++) {
            inputs.run(system, frame, false);
        }
        final int bound = system.pipeline(0).recoveryBoundFrames();
        long settled = -1;
        for (long frame = 310; frame < 310 + bound + 20; frame++) {
            inputs.run(system, frame, false);
            for (int lane = 0; lane < 4; lane++) {
                final LanePipeline p = system.pipeline(lane);
                if (frame == 310) {
                    assertTrue(p.isSyncing() || RecoveryProbe.allFlagged(p), "the jump is flagged, lane " + lane);
                }
            }
            if (settled < 0 && RecoveryProbe.identical(system, 0b1111L) && !system.pipeline(0).isSyncing()) {
                settled = frame;
            }
        }
        assertTrue(settled >= 0 && settled - 310 <= bound, "settled at " + settled + ", bound " + bound);
        for (int k = 0; k < SIGNALS; k++) {
            assertTrue(system.pipeline(0).output(k).status().isCongruent(), "unflagged again, signal " + k);
        }
    }

    @Test
    void thePipelineRefusesShortReadingsAndTakesANonFiniteReadingAsMissing() {
        final PipelineCluster system = new PipelineCluster(
            RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, SIGNALS), 4), MessageInterceptor.PASS);
        final LanePipeline p = system.pipeline(0);
        assertEquals(AgreementLane.BAD_ARGUMENT, p.beginFrame(0, new double[SIGNALS - 1], -1L, -1L));
        final double[][] readings = new double[4][SIGNALS];
        final long[] all = {-1L, -1L, -1L, -1L};
        readings[2][1] = Double.NaN;
        system.runFrame(0, readings, all, all);
        assertEquals(EntryStatus.DEFAULT, p.lane().decidedStatus(2, 1), "valid bit set, value NaN: sent as missing,"
            + " so decided DEFAULT as OM decides a source with no reading");
        assertEquals(EntryStatus.VALUE, p.lane().decidedStatus(2, 0));
    }

    @Test
    void aRestartedLaneMustFitItsPlace() {
        final AgreementLane[] quad = Lanes.lanes(Lanes.om(4, 1, 2));
        final LaneCluster cluster = new LaneCluster(quad, MessageInterceptor.PASS);
        assertThrows(InvalidConfigException.class, () -> cluster.replace(new AgreementLane(Lanes.om(5, 1, 2), 4)),
            "no place 4 in a quad");
        assertThrows(InvalidConfigException.class, () -> cluster.replace(new AgreementLane(Lanes.om(5, 1, 2), 1)),
            "five lanes");
        assertThrows(InvalidConfigException.class, () -> cluster.replace(new AgreementLane(Lanes.om(4, 0, 2), 1)),
            "other rounds");
        assertThrows(InvalidConfigException.class, () -> cluster.replace(new AgreementLane(Lanes.om(4, 1, 40), 1)),
            "longer messages");
        final AgreementLane fits = new AgreementLane(Lanes.om(4, 1, 2), 1);
        cluster.replace(fits);
        assertEquals(fits, cluster.lane(1));
    }

    @Test
    void aLaneWithNoFrameOpenSendsNothing() {
        final AgreementLane[] quad = Lanes.lanes(Lanes.om(4, 1, 2));
        final LaneCluster cluster = new LaneCluster(quad, MessageInterceptor.PASS);
        final long[] words = {1, 2};
        final byte[] status = {EntryStatus.VALUE, EntryStatus.VALUE};
        for (int i = 1; i < 4; i++) {
            quad[i].beginFrame(1, words, status);
        }
        cluster.exchange();
        assertEquals(0, cluster.messagesSent(0), "lane 0 never began the frame");
        assertEquals(3 * 2, cluster.messagesSent(1), "two rounds to three peers");
    }

    @Test
    void namesForPeople() {
        assertEquals("none", HypothesisFlags.describe(0));
        assertEquals("accused beyond budget | hears fewer than a majority of lanes",
            HypothesisFlags.describe(HypothesisFlags.ACCUSED_BEYOND_BUDGET | HypothesisFlags.MINORITY));
        assertEquals("state digests disagree | no majority of lanes confirms the state | own evidence beyond budget",
            HypothesisFlags.describe(HypothesisFlags.DIGESTS_DISAGREE | HypothesisFlags.UNCONFIRMED
                | HypothesisFlags.LOCAL_EVIDENCE));
        assertEquals("VALUE", EntryStatus.name(EntryStatus.VALUE));
        assertEquals("RELAYED_ERROR", EntryStatus.name(EntryStatus.RELAYED_ERROR));
        assertEquals("MISSING", EntryStatus.name(EntryStatus.MISSING));
        assertEquals("DEFAULT", EntryStatus.name(EntryStatus.DEFAULT));
        assertEquals("HELD", EntryStatus.name(EntryStatus.HELD));
        assertEquals("INVALID(99)", EntryStatus.name((byte) 99));
        assertEquals("never", ReadmissionPolicy.never().toString());
        assertEquals("afterCleanFrames(30, maxTimes 3)", ReadmissionPolicy.afterCleanFrames(30, 3).toString());
    }
}
