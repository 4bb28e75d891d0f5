package org.bftvote.sim.revote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.trace.TraceReader;
import org.bftvote.sim.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane a recorder marks as not having run a frame (one received entry: round 0, link = the lane itself, as the
 * rig records a stalled lane) does not run it in the re-run either: its outputs stay those of its previous frame,
 * while the other lanes, fed what they received, re-run exactly as recorded.
 */
class TraceRevoteNotRunTest {
    @TempDir
    Path tmp;

    @Test
    void aLaneMarkedAsNotRunningAFrameDoesNotRunIt() throws Exception {
        final Path recorded = tmp.resolve("recorded");
        SimulationRunner.execute(new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles())).load(
            RepoFiles.scenarios().resolve("hard-over.yaml")).withRun(2, 0.5), tmp.resolve("out"), recorded,
            new java.io.PrintWriter(java.io.Writer.nullWriter()));
        final Path marked = tmp.resolve("marked");
        try (TraceReader reader = TraceReader.open(recorded);
             TraceRecorder copy = TraceRecorder.open(marked, reader.header().descriptor(),
                 reader.header().validityTolerance(), reader.header().configuration())) {
            reader.exchange((frame, lane, round, link, buffer, offset, length, late) -> {
                copy.onReceived(lane, round, link, buffer, offset, length, late);
            }).read(new FrameObserver() {
                @Override
                public void onExclusion(final long frame, final int lane, final int signal, final int channel,
                    final String reason) {
                    copy.onExclusion(frame, lane, signal, channel, reason);
                }

                @Override
                public void onFrame(final FrameSample sample) {
                    if (sample.frame() == 20) {
                        copy.onReceived(2, 0, 2, new byte[0], 0, 0, true);
                    }
                    copy.onFrame(sample);
                }
            });
            copy.finish();
        }
        final List<double[]> lane2 = new ArrayList<>();
        final List<double[]> lane0 = new ArrayList<>();
        final Path out = tmp.resolve("rerun");
        java.nio.file.Files.createDirectories(out);
        TraceRevote.revote(marked, ChannelsConfig.EMPTY, out);
        for (final String line : java.nio.file.Files.readAllLines(out.resolve("frames.csv"))) {
            if (line.startsWith("19,") || line.startsWith("20,") || line.startsWith("21,")) {
                final String[] cells = line.split(",");
                lane0.add(new double[] {Double.parseDouble(cells[column(out, "pitch_rate.out.L0")])});
                lane2.add(new double[] {Double.parseDouble(cells[column(out, "pitch_rate.out.L2")])});
            }
        }
        assertEquals(lane2.get(0)[0], lane2.get(1)[0], "lane 2 did not run frame 20: its output is frame 19's");
        assertNotEquals(lane0.get(0)[0], lane0.get(1)[0], "lane 0 ran frame 20");
        // lanes 0 and 1 received what they received: they re-run exactly as recorded, every frame
        final int l0 = column(out, "pitch_rate.out.L0");
        final List<String> rerun = java.nio.file.Files.readAllLines(out.resolve("frames.csv"));
        final List<String> live = java.nio.file.Files.readAllLines(tmp.resolve("out/frames.csv"));
        assertEquals(live.size(), rerun.size());
        for (int i = 1; i < live.size(); i++) {
            assertEquals(live.get(i).split(",")[l0], rerun.get(i).split(",")[l0], "line " + i);
        }
    }

    private static int column(final Path out, final String name) throws Exception {
        final String header = java.nio.file.Files.readAllLines(out.resolve("frames.csv")).get(0);
        return List.of(header.split(",")).indexOf(name);
    }
}
