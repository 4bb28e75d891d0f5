package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.testsupport.ByteAdversary;
import org.bftvote.testsupport.ByteAdversary.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a host observes of a lane that falls out of step and comes back (API-1, RCV-9): the listener hears the start
 * and end of syncing, each adopted block once, and every channel transition with the host signal index; the state
 * digest differs while the lane is out of step and equals the others' from the adoption on; the accessors show the
 * agreed accusation of a lane that lies to some receivers.
 */
@Tag("API-1")
@Tag("RCV-9")
class LanePipelineObservationTest {
    private static final long DEAF_FROM = 100;
    private static final long DEAF_UNTIL = 110;

    /** Lane 0 deaf in frames 100 to 109; lane 3 two-faced every 7th frame; lane 2's sensor of signal 1 invalid. */
    private static class Run {
        final RecordedEvents events = new RecordedEvents();
        final ByteAdversary adversary = new ByteAdversary(4, 3);
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, 2),
            (frame, round, sender, receiver, buffer, offset, length, capacity) ->
                receiver == 0 && deaf(frame) ? MessageInterceptor.DROP
                    : adversary.intercept(frame, round, sender, receiver, buffer, offset, length, capacity),
            lane -> lane == 0 ? events : PipelineListener.NONE);
        private final double[][] readings = new double[4][2];
        private final long[] valid = new long[4];

        void frame(final long frame) {
            adversary.control(3, twoFaced(frame) ? Behaviour.TWO_FACED : Behaviour.HONEST);
            for (int lane = 0; lane < 4; lane++) {
                readings[lane][0] = 1.0 + 0.001 * lane;
                readings[lane][1] = 2.0 + 0.001 * lane + 0.01 * Math.sin(frame * 0.1);
                valid[lane] = lane == 2 && frame >= 50 ? 0b01L : 0b11L;
            }
            system.runFrame(frame, readings, valid, valid);
        }

        boolean deaf(final long frame) {
            return frame >= DEAF_FROM && frame < DEAF_UNTIL;
        }

        boolean twoFaced(final long frame) {
            return frame % 7 == 0;
        }

        List<String> heard(final String what) {
            return events.lines.stream().filter(line -> line.contains(what)).toList();
        }
    }

    @Test
    void aLaneOutOfStepHearsItsSyncAndEachAdoptionOnceAndThenHoldsTheAgreedDigest() {
        final Run run = new Run();
        boolean differed = false;
        long adoptedHealth = -1;
        for (long frame = 0; frame < 220; frame++) {
            run.frame(frame);
            final long own = run.system.pipeline(0).stateDigest();
            final long agreed = run.system.pipeline(1).stateDigest();
            assertNotEquals(0L, agreed, "frame " + frame);
            if (run.events.lines.contains(frame + " adopted 0")) {
                adoptedHealth = frame;
            }
            if (frame >= DEAF_FROM && frame < DEAF_UNTIL) {
                differed |= own != agreed;
            } else if (frame < DEAF_FROM || adoptedHealth >= 0) {
                assertEquals(agreed, own, "frame " + frame + ": in step, or the agreed state adopted");
            }
        }
        assertTrue(differed, "the digest shows the state missed while deaf");
        // The window of block 1 (signal 0) spans the deaf frames, so it is not adopted; block 2's and then block
        // 0's (the lane health) windows are, and the lane ends syncing once its state has been congruent for one
        // frame per signal.
        assertEquals(List.of("134 adopted 2", "143 adopted 0"), run.heard(" adopted "));
        assertEquals(List.of("100 syncing", "145 synced"), run.heard(" sync"));
        assertEquals(143, adoptedHealth);
    }

    @Test
    void theListenerHearsRedundancyAndOutputStatusWithTheHostSignalAndNotAgainInAReplay() {
        final Run run = new Run();
        for (long frame = 0; frame < 220; frame++) {
            run.frame(frame);
        }
        assertEquals(List.of("52 signal 1 redundancy QUAD -> TRIPLEX"), run.heard(" redundancy "));
        final List<String> status = run.heard(" status ");
        assertEquals(List.of("0 signal 0 status INVALID -> NORMAL", "0 signal 1 status INVALID -> NORMAL",
            "56 signal 1 status NORMAL -> DEGRADED", "57 signal 1 status DEGRADED -> NORMAL"), status.subList(0, 4));
        assertEquals(status.stream().distinct().toList(), status, "each transition heard once: " + status);
    }

    @Test
    void theAccessorsShowTheAgreedAccusationOfALaneLyingToSome() {
        final Run run = new Run();
        for (long frame = 0; frame <= 148; frame++) {
            run.frame(frame);
        }
        // Lane 3 was two-faced in frame 147; its accusation is agreed in frame 148, on every lane.
        for (int lane = 0; lane < 3; lane++) {
            final LanePipeline pipeline = run.system.pipeline(lane);
            assertEquals(1L << 3, pipeline.accusedMask(), "lane " + lane);
            assertEquals(1, pipeline.accusationLevel(3), "lane " + lane);
            assertEquals(0, pipeline.accusationLevel(2), "lane " + lane);
            assertEquals(1L << 3, pipeline.incongruentMask(), "its tag is not the reference, lane " + lane);
            assertEquals(0, pipeline.excludedMask());
            assertTrue(pipeline.fullBudgetHolds(), "nothing excluded");
            assertEquals(pipeline.config().agreement().budgetsAfterExcluding(0), pipeline.remainingBudgets());
            assertFalse(pipeline.remainingBudgets().isEmpty());
            assertSame(pipeline.lane().dropCounters(), pipeline.dropCounters());
        }
        run.frame(149);
        assertEquals(0, run.system.pipeline(1).accusedMask(), "a single accusation does not last");
        assertEquals(0, run.system.pipeline(1).incongruentMask());
    }

    @Test
    void aLaneAdoptingTheHealthBlockReplaysTheAccusationsOfTheWindowAndExcludesAsTheOthersDid() {
        // Lane 3 is two-faced in frames 139 to 142, inside the health block's window (frames 135 to 143), and is
        // excluded in frame 142; lane 0, still out of step, adopts the window's snapshot in frame 143 and must
        // replay the window's agreed accusations to hold the exclusion.
        final Run run = new Run() {
            @Override
            boolean twoFaced(final long frame) {
                return super.twoFaced(frame) || frame >= 139 && frame < 143;
            }
        };
        for (long frame = 0; frame <= 143; frame++) {
            run.frame(frame);
        }
        assertEquals(List.of("134 adopted 2", "143 adopted 0"), run.heard(" adopted "));
        final LanePipeline own = run.system.pipeline(0);
        final LanePipeline other = run.system.pipeline(1);
        assertEquals(1L << 3, own.excludedMask());
        assertEquals(142, own.exclusionFrame(3));
        assertEquals(other.accusationLevel(3), own.accusationLevel(3));
        assertEquals(other.stateDigest(), own.stateDigest());
    }

    @Test
    void aWindowWithAMinorityFrameInItIsNotAdoptedButTheNextCyclesIs() {
        // Lane 0 comes back from its deafness holding another state of signal 1 and is deaf again in frames 120
        // to 122, inside signal 1's window (block 2, frames 117 to 134): the window's words and inputs are not all
        // agreed, so the lane waits for the next cycle's window of that block.
        final Run run = new Run() {
            @Override
            boolean deaf(final long frame) {
                return super.deaf(frame) || frame >= 120 && frame < 123;
            }
        };
        for (long frame = 0; frame < 220; frame++) {
            run.frame(frame);
        }
        assertEquals(List.of("143 adopted 0", "179 adopted 2"), run.heard(" adopted "));
        assertEquals(List.of("100 syncing", "180 synced"), run.heard(" sync"));
        assertEquals(run.system.pipeline(1).stateDigest(), run.system.pipeline(0).stateDigest());
    }
}
