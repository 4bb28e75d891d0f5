package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bftvote.agreement.LanePipeline;
import org.bftvote.sim.scenario.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lane computers a scenario stops: a rebooting lane is silent and shows no output while it is down, then a new
 * pipeline that begins at frame 0, takes the others' frame number within a frame, syncs, and is readmitted; a
 * stalled lane keeps its pipeline and resumes with its own frame count, behind. The oracle calls the lane faulty
 * (benign) while it is down and until it is in step, healthy from then on, and the hypothesis holds throughout
 * (one benign lane on a quad OM(1)). After each, every lane is bit-identical again within the recovery bound.
 */
class LaneComputersTest {
    private static final int LANE_B = 1;
    private static final int LANE_C = 2;

    /** Watches one lane's health and outputs, and the last frame in which the lanes' outputs were not identical. */
    private static final class Watch implements FrameObserver {
        private final int lane;
        /** The last frame in which the lane turned healthy after being faulty. */
        private long backFrame = -1;
        private long lastDownFrame = -1;
        private long lastDivergentFrame = -1;
        private long syncingFrames;
        private boolean outputWhileDown;

        Watch(final int lane) {
            this.lane = lane;
        }

        @Override
        public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
                                final String reason) {
            // not needed
        }

        @Override
        public void onFrame(final FrameSample s) {
            final boolean healthy = (s.oracleHealthyLanes() >>> lane & 1L) != 0;
            if (!healthy) {
                lastDownFrame = s.frame();
                for (int signal = 0; signal < s.signals(); signal++) {
                    outputWhileDown |= s.status(lane, signal) != OutputStatusCode.INVALID.code()
                        && s.status(lane, signal) != OutputStatusCode.DIVERGED.code();
                }
            } else if (lastDownFrame == s.frame() - 1) {
                backFrame = s.frame();
            }
            syncingFrames += s.status(lane, 0) == OutputStatusCode.SYNCING.code() ? 1 : 0;
            for (int l = 1; l < s.lanes(); l++) {
                for (int signal = 0; signal < s.signals(); signal++) {
                    if (s.status(l, signal) != s.status(0, signal) || Double.doubleToRawLongBits(s.output(l, signal))
                        != Double.doubleToRawLongBits(s.output(0, signal))) {
                        lastDivergentFrame = s.frame();
                    }
                }
            }
            assertFalse(s.hypothesisExceeded(), "frame " + s.frame());
        }
    }

    private static Simulation simulation(final String name) throws Exception {
        final Scenario scenario = ScenarioRunTest.load(name);
        return new Simulation(scenario);
    }

    private static void runTo(final Simulation simulation, final FrameSample sample, final long frame) {
        while (simulation.frame() < frame) {
            simulation.step(sample);
        }
    }

    @Tag("RCV-4")
    @Tag("RCV-5")
    @Test
    void aRebootedLaneIsANewPipelineThatFindsTheFrameSyncsAndIsReadmitted() throws Exception {
        final Simulation simulation = simulation("lane-reboot-quad");
        final Watch watch = new Watch(LANE_B);
        simulation.observers(List.of(watch));
        final FrameSample sample = new FrameSample(simulation.descriptor());
        final long down = 800;
        final long back = 960;
        runTo(simulation, sample, down);
        final LanePipeline before = simulation.cluster().pipeline(LANE_B);
        runTo(simulation, sample, back);
        assertSame(before, simulation.cluster().pipeline(LANE_B), "down, not yet restarted");
        assertEquals(back - 1, watch.lastDownFrame);
        runTo(simulation, sample, back + 1);
        final LanePipeline after = simulation.cluster().pipeline(LANE_B);
        assertNotSame(before, after, "a new pipeline");
        assertEquals(0, after.lane().frame(), "it does not know the frame number: it began at 0");
        runTo(simulation, sample, back + 2);
        assertEquals(back + 1, after.lane().frame(), "in step after one frame: the others told it the frame");
        assertEquals(back + 1, watch.backFrame, "faulty while down and until in step, healthy from then on");
        assertFalse(watch.outputWhileDown, "no output while down");
        runTo(simulation, sample, simulation.descriptor().durationFrames());
        assertTrue(watch.syncingFrames > 0, "it syncs before its vote counts");
        assertTrue(watch.lastDivergentFrame - back <= after.recoveryBoundFrames(),
            "identical again at " + (watch.lastDivergentFrame + 1) + ", back at " + back);
        for (int l = 0; l < 4; l++) {
            assertEquals(0L, simulation.cluster().pipeline(l).excludedMask(), "lane " + l + ": B readmitted");
        }
        assertEquals(1, simulation.cluster().pipeline(0).readmissionCount(LANE_B));
    }

    @Tag("RCV-5")
    @Test
    void aStalledLaneKeepsItsPipelineResumesBehindAndCatchesUp() throws Exception {
        final Simulation simulation = simulation("lane-stall-quad");
        final Watch watch = new Watch(LANE_C);
        simulation.observers(List.of(watch));
        final FrameSample sample = new FrameSample(simulation.descriptor());
        final long stop = 1600;
        final long resume = 1680;
        runTo(simulation, sample, stop);
        final LanePipeline pipeline = simulation.cluster().pipeline(LANE_C);
        runTo(simulation, sample, resume + 1);
        assertSame(pipeline, simulation.cluster().pipeline(LANE_C), "a stall keeps the lane's memory");
        assertEquals(stop, pipeline.lane().frame(), "it resumed where it stopped, 80 frames behind");
        runTo(simulation, sample, resume + 2);
        assertEquals(resume + 1, pipeline.lane().frame(), "in step one frame later");
        assertEquals(resume + 1, watch.backFrame, "faulty while stopped and until in step, healthy from then on");
        runTo(simulation, sample, simulation.descriptor().durationFrames());
        assertTrue(watch.lastDivergentFrame - resume <= pipeline.recoveryBoundFrames(),
            "identical again at " + (watch.lastDivergentFrame + 1) + ", resumed at " + resume);
        assertEquals(0L, simulation.cluster().pipeline(0).excludedMask(), "C readmitted");
    }
}
