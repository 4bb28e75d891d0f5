package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The STS-124 pattern on a quad, OM(1) (RCV-3): lane 3 splits from frame 100 (its readings differ from receiver to
 * receiver) and is excluded; lane 2 turns two-faced at frame 300, one lane beyond the hypothesis. The two healthy
 * lanes never give different outputs silently: from the frame they first differ on, both flag every output; lane 2
 * is excluded at the same frame on both; from then on they hold the same state, bit for bit, within the recovery
 * bound, and keep it while the amnesty takes the faulty lanes back and excludes them again, at most the readmission
 * policy's times. With a second lane that also lies as a relay (which three lanes cannot out-vote), the divergence
 * is flagged for as long as it lasts, and the lanes converge once that lane stops.
 */
@Tag("RCV-3")
class Sts124Test {
    private static final long SPLIT = 100;
    private static final long SECOND = 300;
    private static final int SIGNALS = 3;

    /**
     * Two-faced sensor data: lanes listed send each receiver its own offset of their round-1 readings (what a
     * failed transmitter diode does to one computer's data), every other entry as encoded.
     */
    static class SplitReadings implements MessageInterceptor {
        private final IcMessageCodec codec = new IcMessageCodec();
        private final long[] splitFrom = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};

        void split(final int lane, final long from) {
            splitFrom[lane] = from;
        }

        @Override
        public int intercept(final long frame, final int round, final int sender, final int receiver,
                             final byte[] buffer, final int offset, final int length, final int capacity) {
            if (round != 1 || frame < splitFrom[sender]) {
                return length;
            }
            for (int i = 0; i < IcMessage.entryCount(buffer, offset); i++) {
                final int at = IcMessage.entryOffset(offset, i);
                if (IcMessage.entryPathAndSignal(buffer, at) >>> 16 < SIGNALS
                    && EntryStatus.isValue(IcMessage.entryStatus(buffer, at))) {
                    final double value = Double.longBitsToDouble(IcMessage.entryWord(buffer, at));
                    IcMessage.putEntryWord(buffer, at, Double.doubleToRawLongBits(value + 2.0 * (receiver + 1)));
                }
            }
            return codec.seal(buffer, offset);
        }
    }

    @Test
    void bothHealthyLanesFlagTheDivergenceAndConvergeAfterTheSecondExclusion() {
        final PipelineConfig config = RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, SIGNALS), 4);
        final SplitReadings adversary = new SplitReadings();
        adversary.split(3, SPLIT);
        adversary.split(2, SECOND);
        final PipelineCluster system = new PipelineCluster(config, adversary);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, SIGNALS, 24);
        final LanePipeline a = system.pipeline(0);
        final LanePipeline b = system.pipeline(1);
        final int bound = a.recoveryBoundFrames();
        long firstExclusion = -1;
        long secondExclusion = -1;
        long identicalFrom = -1;
        for (long frame = 0; frame < 3000; frame++) {
            inputs.run(system, frame, false);
            assertTrue(RecoveryProbe.sameOutputs(a, b) || RecoveryProbe.allFlagged(a) && RecoveryProbe.allFlagged(b),
                "the healthy lanes differ unflagged at frame " + frame);
            if (firstExclusion < 0 && (a.excludedMask() & 1L << 3) != 0) {
                firstExclusion = frame;
                assertEquals(1L << 3, b.excludedMask(), "lane 3 excluded at the same frame on both");
            }
            if (secondExclusion < 0 && (a.excludedMask() & 1L << 2) != 0) {
                secondExclusion = frame;
                assertEquals(a.excludedMask(), b.excludedMask(), "lane 2 excluded at the same frame on both");
            }
            if (secondExclusion >= 0 && identicalFrom < 0 && RecoveryProbe.identical(system, 0b11L)) {
                identicalFrom = frame;
            }
        }
        // Evidence at 100, agreed at 101, accused at 101, 102, 103: consecutive(3) trips at 103.
        assertEquals(SPLIT + 3, firstExclusion, "lane 3 excluded at 103");
        assertEquals(SECOND + 3, secondExclusion, "lane 2 excluded at 303");
        assertTrue(identicalFrom - secondExclusion <= bound,
            "identical from " + identicalFrom + ", lane 2 excluded at " + secondExclusion + ", bound " + bound);
        assertEquals(0b1100L, a.excludedMask(), "both faulty lanes out at the end");
        assertEquals(a.excludedMask(), b.excludedMask());
        assertArrayEquals(RecoveryProbe.fullState(a), RecoveryProbe.fullState(b), "the same state at the end");
        assertEquals(config.readmission().maxTimes(), a.readmissionCount(2), "taken back its allowed times, no more");
        assertNotEquals(0, a.hypothesisFlags() & HypothesisFlags.UNCONFIRMED, "two of four left: unconfirmed");
    }

    @Test
    void aSecondLaneLyingAlsoAsARelayIsFlaggedForAsLongAsItLastsThenTheLanesConverge() {
        final PipelineConfig config = RecoveryCampaignTest.config(PipelineConfig.builder(4, 1, SIGNALS), 4);
        final ByteAdversary adversary = new ByteAdversary(4, 124);
        final PipelineCluster system = new PipelineCluster(config, adversary);
        final RecoveryCampaignTest.Inputs inputs = new RecoveryCampaignTest.Inputs(4, SIGNALS, 25);
        final LanePipeline a = system.pipeline(0);
        final LanePipeline b = system.pipeline(1);
        final long stops = SECOND + 200;
        long frame = 0;
        for (; frame < stops; frame++) {
            if (frame == SPLIT) {
                adversary.control(3, Behaviour.TWO_FACED);
            }
            if (frame == SECOND) {
                adversary.control(2, Behaviour.TWO_FACED);
            }
            inputs.run(system, frame, false);
            assertTrue(RecoveryProbe.sameOutputs(a, b) || RecoveryProbe.allFlagged(a) && RecoveryProbe.allFlagged(b),
                "the healthy lanes differ unflagged at frame " + frame);
        }
        adversary.control(2, Behaviour.HONEST);
        adversary.control(3, Behaviour.HONEST);
        final int bound = a.recoveryBoundFrames();
        long identical = -1;
        for (; frame < stops + bound + 50; frame++) {
            inputs.run(system, frame, false);
            if (identical < 0 && RecoveryProbe.identical(system, 0b11L)) {
                identical = frame;
            }
        }
        assertTrue(identical >= 0 && identical - stops <= bound, "identical at " + identical + ", bound " + bound);
    }
}
