package org.bftvote.agreement.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bftvote.agreement.PipelineConfig;
import org.bftvote.channel.ChannelConfig;
import org.junit.jupiter.api.Test;

/**
 * A stopped lane is left alone while it is stopped: the frame it resumes with is the one it was stopped at (or 0 after
 * a restart), not one worked out from its pipeline during the frames it did not run.
 */
class PipelineClusterHeldTest {
    private static final PipelineConfig CONFIG = PipelineConfig.builder(4, 1, 1)
        .allSignals(ChannelConfig.builder(4).miscompareThreshold(0.5).build()).build();

    private final double[][] readings = {{1.0}, {1.0}, {1.0}, {1.0}};
    private final long[] valid = {1L, 1L, 1L, 1L};

    /** A lane restarted and held in reset for two frames begins at frame 0 when it runs again. */
    @Test
    void aLaneRestartedAndHeldStoppedBeginsAtFrameZeroWhenItResumes() {
        final PipelineCluster system = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        for (long frame = 0; frame < 10; frame++) {
            system.runFrame(frame, readings, valid);
        }
        system.restart(2);
        system.stall(2, 2, 10);
        system.runFrame(10, readings, valid);
        system.runFrame(11, readings, valid);
        system.runFrame(12, readings, valid);
        assertEquals(0, system.pipeline(2).lane().frame(), "the restarted lane's first frame is 0");
        assertEquals(13, system.pipeline(2).nextFrame(), "and it learns the others' frame");
    }

    /** A lane stopped before the first frame begins at the frame it was stopped at, behind the others. */
    @Test
    void aLaneStoppedBeforeTheFirstFrameResumesAtFrameZero() {
        final PipelineCluster system = new PipelineCluster(CONFIG, MessageInterceptor.PASS);
        system.stall(0, 2, 0);
        for (long frame = 0; frame < 3; frame++) {
            system.runFrame(frame, readings, valid);
        }
        assertEquals(0, system.pipeline(0).lane().frame(), "it resumes with the frame it would have begun");
        assertEquals(3, system.pipeline(0).nextFrame(), "and it learns the others' frame");
    }
}
