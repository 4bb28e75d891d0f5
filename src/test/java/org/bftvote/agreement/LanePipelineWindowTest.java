package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.junit.jupiter.api.Test;

/**
 * Lane health's sync window seen from a lane that fell out of step (four lanes, f = 1, K = 2, a sync cycle of 45
 * frames whose lane-health window is frames 135 to 143): the lane that takes the agreed snapshot at the window's end
 * replays the diagnosis of every frame of the window, so an exclusion decided inside the window stands on it too;
 * and a window in which the lane heard no majority for a frame is not adopted at all.
 */
class LanePipelineWindowTest {
    private static final long NEVER = Long.MIN_VALUE;

    /**
     * 300 frames: lane 0 deaf in frames 100 to 102 and in frame {@code deafAgain}; lane 3 silent in frames 102 and
     * 103 (which lane 0 partly misses, so its lane health differs) and from 136 until {@code silentUntil}. Checks
     * that lane 0 holds lane 1's exclusions and digest from frame 150 on and returns lane 0's events.
     */
    private static List<String> run(final long deafAgain, final long silentUntil) {
        final RecordedEvents events = new RecordedEvents();
        final PipelineCluster system = new PipelineCluster(LanePipelineEndToEndTest.config(4, 1, 2),
            (frame, round, sender, receiver, buffer, offset, length, capacity) ->
                receiver == 0 && (frame >= 100 && frame < 103 || frame == deafAgain)
                    || sender == 3 && (frame >= 102 && frame < 104 || frame >= 136 && frame < silentUntil)
                    ? MessageInterceptor.DROP : length,
            lane -> lane == 0 ? events : PipelineListener.NONE);
        assertEquals(45, system.pipeline(0).syncCycleFrames());
        final double[][] readings = new double[4][2];
        final long[] valid = {0b11L, 0b11L, 0b11L, 0b11L};
        for (long frame = 0; frame < 300; frame++) {
            for (int lane = 0; lane < 4; lane++) {
                readings[lane][0] = 1.0 + 0.001 * lane + 0.01 * Math.sin(frame * 0.1);
                readings[lane][1] = 2.0 + 0.001 * lane + 0.01 * Math.cos(frame * 0.1);
            }
            system.runFrame(frame, readings, valid, valid);
            if (frame >= 150) {
                assertEquals(system.pipeline(1).excludedMask(), system.pipeline(0).excludedMask(), "frame " + frame);
                assertEquals(system.pipeline(1).stateDigest(), system.pipeline(0).stateDigest(), "frame " + frame);
            }
        }
        return events.only(" excluded ", " readmitted ", " syncing", " synced", " adopted ");
    }

    /** Lane 3, excluded inside the window lane 0 adopts, stays excluded on lane 0 after the adoption's replay. */
    @Test
    void aLaneThatAdoptsLaneHealthReplaysTheWindowsDiagnosisAndKeepsAnExclusionMadeInIt() {
        assertEquals(List.of("100 syncing", "139 excluded 3", "143 adopted 0", "145 synced", "281 readmitted 3"),
            run(NEVER, 141));
    }

    /** The same lane adopts the health window ending at 143; deaf for one frame inside it, it does not. */
    @Test
    void aWindowInWhichTheLaneOnceHeardNoMajorityIsNotAdopted() {
        assertEquals(List.of("100 syncing", "143 adopted 0", "145 synced"), run(NEVER, 136));
        assertEquals(List.of("100 syncing", "148 synced"), run(138, 136));
    }
}
