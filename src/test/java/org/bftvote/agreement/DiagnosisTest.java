package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.zip.CRC32C;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Test;

/** Accusations are agreed, need f + 1 accusers, persist before exclusion, and exclusion is latched. */
class DiagnosisTest {
    private static final int SIGNALS = 2;
    /** Agreed signal carrying accusation words: after the K readings and the sync word. */
    private static final int ACCUSATION_SIGNAL = SIGNALS + 1;

    /** Rewrites the round-1 accusation word of the given liars so that it names {@code victim}. */
    private static MessageInterceptor falseAccusers(final long liars, final int victim) {
        final CRC32C crc = new CRC32C();
        return (frame, round, sender, receiver, buffer, offset, length, capacity) -> {
            if (round != 1 || (liars & (1L << sender)) == 0) {
                return length;
            }
            for (int i = 0; i < IcMessage.entryCount(buffer, offset); i++) {
                final int at = IcMessage.entryOffset(offset, i);
                if (IcMessage.entrySignal(buffer, at) == ACCUSATION_SIGNAL) {
                    IcMessage.putEntryWord(buffer, at, 1L << victim);
                }
            }
            return IcMessage.seal(crc, buffer, offset);
        };
    }

    private static void run(final PipelineCluster system, final long from, final long to) {
        final int n = system.lanes();
        final double[][] readings = new double[n][SIGNALS];
        final long[] valid = new long[n];
        java.util.Arrays.fill(valid, -1L);
        for (long frame = from; frame < to; frame++) {
            for (int i = 0; i < n; i++) {
                readings[i][0] = 1.0 + i * 1e-3;
                readings[i][1] = 2.0;
            }
            system.runFrame(frame, readings, valid);
        }
    }

    @Test
    void aSilentLaneIsNotHeardAndAccusesNoOneWhileTheOthersAccuseIt() {
        final PipelineCluster quad = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, SIGNALS),
            (frame, round, sender, receiver, buffer, offset, length, capacity) -> sender == 2 ? MessageInterceptor.DROP : length);
        run(quad, 0, 2);
        final AgreementLane lane = quad.pipeline(0).lane();
        assertFalse(lane.heard(2), "the silent lane");
        assertEquals(0L, lane.agreedAccusations(2), "a lane not heard accuses no one");
        assertEquals(0b1011L, lane.heardMask(), "the lanes heard, read once at decide");
        for (int j = 0; j < 4; j++) {
            assertEquals(lane.agreedAccusations(j), lane.agreedAccusationsInRange(j), "lane " + j);
            assertEquals(lane.agreedTag(j), lane.agreedTagInRange(j), "lane " + j);
        }
        for (final int accuser : new int[] {0, 1, 3}) {
            assertTrue(lane.heard(accuser), "lane " + accuser);
            assertEquals(1L << 2, lane.agreedAccusations(accuser), "lane " + accuser + " names the silent lane");
        }
    }

    @Test
    void faultyLanesAloneCannotCondemnAHealthyLane() {
        final PipelineCluster om1 = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, SIGNALS),
            falseAccusers(1L << 3, 0));
        assertEquals(ACCUSATION_SIGNAL, om1.pipeline(0).lane().diagnosisSignal(), "accusation index");
        run(om1, 0, 50);
        for (int lane = 0; lane < 3; lane++) {
            assertEquals(0, om1.pipeline(lane).excludedMask(), "OM(1), lane " + lane);
            assertEquals(1, om1.pipeline(lane).lane().accuserCount(0), "the one false accuser is agreed");
        }
        final PipelineCluster om2 = new PipelineCluster(LanePipelineEndToEndTest.config(7, 2, SIGNALS),
            falseAccusers((1L << 5) | (1L << 6), 0));
        run(om2, 0, 50);
        for (int lane = 0; lane < 5; lane++) {
            assertEquals(0, om2.pipeline(lane).excludedMask(), "OM(2), lane " + lane);
            assertEquals(2, om2.pipeline(lane).lane().accuserCount(0), "two false accusers, f + 1 = 3 needed");
        }
    }

    @Test
    void aSilentLaneIsExcludedEverywhereAtTheSameFrameAndStaysExcludedWithoutReadmission() {
        final ByteAdversary adversary = new ByteAdversary(4, 1);
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.configBuilder(4, 1, SIGNALS)
            .readmission(ReadmissionPolicy.never()).build(), adversary);
        run(system, 0, 10);
        adversary.control(2, Behaviour.SILENT);
        run(system, 10, 20);
        adversary.control(2, Behaviour.HONEST);
        run(system, 20, 300);
        for (final int lane : new int[] {0, 1, 3}) {
            final LanePipeline pipeline = system.pipeline(lane);
            assertEquals(1L << 2, pipeline.excludedMask(), "latched, lane " + lane);
            // Evidence at 10, agreed at 11, accused 11, 12, 13: consecutive(3) trips at 13.
            assertEquals(13, pipeline.exclusionFrame(2), "lane " + lane);
            assertEquals(0, pipeline.lane().missingMask(), "heard again in round 1, lane " + lane);
        }
    }

    @Test
    void aLaneSilentForAWhileIsReadmittedEverywhereAtTheSameFrameAfterItsCleanFrames() {
        final ByteAdversary adversary = new ByteAdversary(4, 1);
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.configBuilder(4, 1, SIGNALS)
            .readmission(ReadmissionPolicy.afterCleanFrames(100, 3)).build(), adversary);
        run(system, 0, 10);
        adversary.control(2, Behaviour.SILENT);
        run(system, 10, 20);
        adversary.control(2, Behaviour.HONEST);
        final int bound = system.pipeline(0).recoveryBoundFrames();
        long readmittedAt = -1;
        for (long frame = 20; frame < 20 + bound + 100 + 10 && readmittedAt < 0; frame++) {
            run(system, frame, frame + 1);
            if (system.pipeline(0).excludedMask() == 0) {
                readmittedAt = frame;
            }
            for (int lane = 1; lane < 4; lane++) {
                assertEquals(system.pipeline(0).excludedMask(), system.pipeline(lane).excludedMask(),
                    "the same exclusions on every lane at frame " + frame + ", lane " + lane);
            }
        }
        // Back in step, the lane takes the agreed state within the recovery bound, then needs 100 clean frames.
        assertTrue(readmittedAt > 120 && readmittedAt <= 20 + bound + 100 + 1, "readmitted at " + readmittedAt);
        for (int lane = 0; lane < 4; lane++) {
            assertEquals(1, system.pipeline(lane).readmissionCount(2), "lane " + lane);
            assertEquals(LanePipeline.NOT_EXCLUDED, system.pipeline(lane).exclusionFrame(2), "lane " + lane);
            assertFalse(system.pipeline(lane).isSyncing(), "lane " + lane);
            assertEquals(system.pipeline(0).output(0).value(), system.pipeline(lane).output(0).value());
        }
    }

    @Test
    void aSingleSilentFrameIsForgiven() {
        final ByteAdversary adversary = new ByteAdversary(4, 1);
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, SIGNALS),
            adversary);
        run(system, 0, 10);
        adversary.control(1, Behaviour.SILENT);
        run(system, 10, 12);
        adversary.control(1, Behaviour.HONEST);
        run(system, 12, 40);
        for (int lane = 0; lane < 4; lane++) {
            assertEquals(0, system.pipeline(lane).excludedMask(), "two bad frames < consecutive(3), lane " + lane);
        }
    }
}
