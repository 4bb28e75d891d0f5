package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.api.Test;

/**
 * Lane computers that stop and restart in the in-memory system: a restarted lane counts frames from 0, a stalled one
 * resumes with the count it had, each keeps its own count until its pipeline is back in step, and one lane falling
 * back in step leaves another's count alone, and a lane in step follows when most lanes are on another frame.
 */
class PipelineClusterStopsTest {
    private static final PipelineConfig CONFIG = PipelineConfig.builder(4, 1, 1)
        .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build()).build();

    private final double[][] readings = {{1.0}, {1.0}, {1.0}, {1.0}};
    private final long[] valid = {1L, 1L, 1L, 1L};

    @Test
    void aRestartedLaneCountsFromZeroAndAStalledOneResumesBehind() {
        final PipelineCluster system = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        for (long frame = 0; frame < 10; frame++) {
            system.runFrame(frame, readings, valid);
        }
        system.restart(2);
        system.stall(1, 3, 10);
        assertTrue(system.isStalled(1));
        assertFalse(system.isStalled(0));
        system.runFrame(10, readings, valid);
        assertEquals(0, system.pipeline(2).lane().frame(), "the restarted lane begins at 0");
        assertEquals(11, system.pipeline(2).nextFrame(), "and learns the others' frame");
        system.runFrame(11, readings, valid);
        assertEquals(11, system.pipeline(2).lane().frame(), "back in step");
        system.runFrame(12, readings, valid);
        assertFalse(system.isStalled(1), "three frames stopped, from frame 10");
        system.runFrame(13, readings, valid);
        assertEquals(10, system.pipeline(1).lane().frame(), "the stalled lane resumes with the count it had");
        assertEquals(14, system.pipeline(1).nextFrame());
        system.runFrame(14, readings, valid);
        assertEquals(14, system.pipeline(1).lane().frame());
    }

    @Test
    void aLaneThatKeptRunningFollowsTheMostLanesWhenTheyRestartTogether() {
        final PipelineCluster system = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        for (long frame = 0; frame < 10; frame++) {
            system.runFrame(frame, readings, valid);
        }
        for (int lane = 1; lane < 4; lane++) {
            system.restart(lane);
        }
        system.runFrame(10, readings, valid);
        assertEquals(10, system.pipeline(0).lane().frame());
        assertEquals(1, system.pipeline(0).nextFrame(), "three peers on frame 0, more than in step with lane 0");
        system.runFrame(11, readings, valid);
        for (int lane = 0; lane < 4; lane++) {
            assertEquals(1, system.pipeline(lane).lane().frame(), "lane " + lane + " keeps its own count");
        }
    }

    @Test
    void aLaneOutOfRangeIsRefusedByName() {
        final PipelineCluster system = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        assertEquals("lane", assertThrows(InvalidConfigException.class, () -> system.restart(4)).parameter());
        assertEquals("lane", assertThrows(InvalidConfigException.class, () -> system.stall(4, 1, 0)).parameter());
        assertThrows(IndexOutOfBoundsException.class, () -> system.isStalled(4));
    }
}
