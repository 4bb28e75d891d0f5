package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.trace.ExchangeObserver;
import org.bftvote.sim.trace.TraceReader;
import org.bftvote.sim.trace.TraceSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rig session recorded with {@code --trace} replays offline bit for bit: a fresh pipeline per lane, fed from the
 * trace alone — each frame's readings as the lane read them, and the messages it received, round by round in the
 * order it took them — gives, in every frame every lane ran, the outputs (value bits and status) the lane process
 * gave. The session has a two-faced lane from frame 400, so the replay covers masking and exclusion too.
 */
class RigTraceTest {
    @TempDir
    Path temp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aTracedSessionReRunsBitForBitFromTheTraceAlone() throws Exception {
        final Scenario loaded = new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles()))
            .load(RigProcessTest.scenarioFile("rig-quad-two-faced"));
        final Scenario scenario = loaded.withRun(loaded.seed(), 600 / loaded.platform().frameRate());
        final Path trace = temp.resolve("trace");
        final RigSettings settings = new RigSettings(RepoFiles.profiles(), temp.resolve("out"), 100.0, 0, Set.of(),
            5_000, 50, List.of(), 0, 0, RigSettings.LANE_JAVA_OPTIONS, "test-" + UUID.randomUUID(),
            RigProcessTest.RT_PRIORITY, trace);
        final StringWriter text = new StringWriter();
        final ProcessRun.Result result = ProcessRun.execute(scenario, settings, List.of(), new PrintWriter(text, true));
        System.out.println(text);
        assertEquals(600, result.outcome().framesFinalized);

        final ReRun rerun = new ReRun(LibraryMapping.pipeline(scenario.platform()));
        try (TraceReader reader = TraceReader.open(trace)) {
            final TraceSummary summary = reader.exchange(rerun).read(rerun);
            assertTrue(summary.complete(), "the trace is complete: " + summary);
        }
        assertEquals(600, rerun.frames, "frames replayed");
        assertTrue(rerun.laneFrames >= 600, "lane-frames re-run: " + rerun.laneFrames);
        assertEquals(List.of(), rerun.mismatches, "frames whose re-run differs from the lane process's outputs");
    }

    /** Re-runs every lane's pipeline from the trace and compares with the recorded outputs. */
    static final class ReRun implements ExchangeObserver, FrameObserver {
        private final PipelineConfig config;
        private final LanePipeline[] pipelines;
        private final int lanes;
        private final int rounds;
        private final List<List<byte[]>> messages = new ArrayList<>();
        private final List<List<int[]>> meta = new ArrayList<>();
        final List<String> mismatches = new ArrayList<>();
        long frames;
        long laneFrames;

        ReRun(final PipelineConfig config) {
            this.config = config;
            this.lanes = config.agreement().lanes();
            this.rounds = config.agreement().rounds();
            this.pipelines = new LanePipeline[lanes];
            for (int l = 0; l < lanes; l++) {
                pipelines[l] = new LanePipeline(config, l);
                messages.add(new ArrayList<>());
                meta.add(new ArrayList<>());
            }
        }

        @Override
        public void onReceived(final long frame, final int lane, final int round, final int link,
            final byte[] buffer, final int offset, final int length, final boolean late) {
            messages.get(lane).add(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            meta.get(lane).add(new int[] {round, link, late ? 1 : 0});
        }

        @Override
        public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
            final String reason) {
            // the outputs carry what matters
        }

        @Override
        public void onFrame(final FrameSample sample) {
            frames++;
            for (int l = 0; l < lanes; l++) {
                if (!ran(l)) {
                    continue;
                }
                laneFrames++;
                run(l, sample);
                compare(l, sample);
            }
            for (int l = 0; l < lanes; l++) {
                messages.get(l).clear();
                meta.get(l).clear();
            }
        }

        private boolean ran(final int lane) {
            for (final int[] m : meta.get(lane)) {
                if (m[0] == RigFrames.DID_NOT_RUN_ROUND) {
                    return false;
                }
            }
            return true;
        }

        private void run(final int l, final FrameSample sample) {
            final int signals = config.signals();
            final double[] readings = new double[signals];
            long valid = 0;
            long fresh = 0;
            for (int s = 0; s < signals; s++) {
                readings[s] = sample.sensor(l, s);
                valid |= sample.sensorValid(l, s) ? 1L << s : 0;
                fresh |= sample.sensorFresh(l, s) ? 1L << s : 0;
            }
            final LanePipeline p = pipelines[l];
            p.beginFrame(sample.frame(), readings, valid, fresh);
            final AgreementLane lane = p.lane();
            for (int r = 1; r <= rounds; r++) {
                for (int i = 0; i < meta.get(l).size(); i++) {
                    final int[] m = meta.get(l).get(i);
                    if (m[0] == r && m[2] == 0) {
                        final byte[] b = messages.get(l).get(i);
                        lane.onMessage(m[1], b, 0, b.length);
                    }
                }
                lane.closeRound(r);
            }
            p.completeFrame();
        }

        private void compare(final int l, final FrameSample sample) {
            for (int s = 0; s < config.signals(); s++) {
                final long bits = Double.doubleToRawLongBits(pipelines[l].output(s).value());
                final int code = RigFrames.codeOf(pipelines[l].output(s).status().ordinal());
                if (bits != Double.doubleToRawLongBits(sample.output(l, s)) || code != sample.status(l, s)) {
                    if (mismatches.size() < 20) {
                        mismatches.add("frame " + sample.frame() + " lane " + l + " signal " + s + ": re-run "
                            + pipelines[l].output(s).value() + " " + code + ", recorded " + sample.output(l, s) + " "
                            + sample.status(l, s));
                    }
                }
            }
        }
    }
}
