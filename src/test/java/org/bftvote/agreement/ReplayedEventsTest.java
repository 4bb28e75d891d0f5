package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.PersistencePolicy;
import org.bftvote.channel.ReintegrationPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A lane that adopts the agreed state replays the sync window's frames into it: what happens in those frames (here a
 * channel's readmission) is taken into its state but not told to its listener again, since those frames were already
 * reported when they ran; the listener hears the adoption itself.
 */
@Tag("RCV-6")
class ReplayedEventsTest {
    private static final int GOOD_FRAMES = 10;

    @Test
    void aReadmissionInsideAReplayedWindowIsAdoptedButNotReportedAgain() {
        final ChannelConfig channels = ChannelConfig.builder(4).miscompareThreshold(1.0)
            .persistence(PersistencePolicy.consecutive(2))
            .reintegration(ReintegrationPolicy.afterGoodFrames(GOOD_FRAMES, 5)).build();
        final PipelineConfig config = PipelineConfig.builder(4, 1, 1).allSignals(channels).build();
        final List<String> heard = new ArrayList<>();
        final PipelineListener listener = new PipelineListener() {
            @Override
            public void onChannelReintegrated(final int signal, final long frame, final int channel) {
                heard.add("reintegrated " + channel + " at " + frame);
            }

            @Override
            public void onStateAdopted(final long frame, final int block) {
                heard.add("adopted block " + block + " at " + frame);
            }
        };
        // The signal's manager is block 1 of the sync schedule: its window opens at phase words(block 0) of each
        // cycle. Channel 3 is bad in frames bad and bad + 1, five frames before such a window opens; lane 0 is deaf
        // in the first, so it sees the channel bad once and keeps it, while the others fail it and readmit it
        // GOOD_FRAMES frames later, inside the window. At the window's end lane 0 takes the agreed snapshot (the
        // channel failed) and replays the window, the readmission with it.
        final LanePipeline probe = new LanePipeline(config, 0);
        final int cycle = probe.syncCycleFrames();
        final int managerWords = probe.manager(0).stateWords();
        final long windowOpens = 3L * cycle + cycle - managerWords;
        final long bad = windowOpens - 5;
        final long readmitted = bad + 1 + GOOD_FRAMES;
        final long windowEnds = windowOpens + managerWords - 1;
        assertTrue(readmitted < windowEnds, "the readmission falls inside the window");
        final MessageInterceptor deafOnce = (frame, round, sender, receiver, buffer, offset, length, capacity) ->
            receiver == 0 && frame == bad ? MessageInterceptor.DROP : length;
        final PipelineCluster system = new PipelineCluster(config, deafOnce,
            lane -> lane == 0 ? listener : PipelineListener.NONE);
        final double[][] readings = new double[4][1];
        final long[] valid = {-1L, -1L, -1L, -1L};
        for (long frame = 0; frame <= windowEnds; frame++) {
            for (int lane = 0; lane < 4; lane++) {
                readings[lane][0] = 1.0 + 0.001 * ((frame * 7 + lane) % 5);
            }
            if (frame >= 2 && frame < 4 || frame >= bad && frame < bad + 2) {
                readings[3][0] = 9.0;
            }
            system.runFrame(frame, readings, valid);
        }
        assertEquals(List.of("reintegrated 3 at " + (3 + GOOD_FRAMES), "adopted block 1 at " + windowEnds), heard,
            "the first readmission ran live and is heard; the replayed one is not, the adoption is");
        assertEquals(2, system.pipeline(1).manager(0).reintegrationCount(3));
        assertEquals(2, system.pipeline(0).manager(0).reintegrationCount(3), "the replayed readmission is held");
        assertEquals(system.pipeline(1).stateDigest(), system.pipeline(0).stateDigest());
    }
}
