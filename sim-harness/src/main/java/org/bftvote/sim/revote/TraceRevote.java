package org.bftvote.sim.revote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bftvote.InvalidConfigException;
import org.bftvote.agreement.AgreementLane;
import org.bftvote.agreement.LanePipeline;
import org.bftvote.agreement.PipelineConfig;
import org.bftvote.agreement.memory.MessageInterceptor;
import org.bftvote.agreement.memory.PipelineCluster;
import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.HumanSummary;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputReport;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.trace.TraceException;
import org.bftvote.sim.trace.TraceHeader;
import org.bftvote.sim.trace.TraceReader;
import org.bftvote.sim.trace.TraceReplay;
import org.bftvote.sim.trace.TraceSummary;
import org.bftvote.sim.yaml.ProfileException;

/**
 * Re-runs the lanes of a recorded run with another channel configuration: every lane is the library's
 * {@link LanePipeline}, built from the configuration the trace recorded with {@code --config}'s entries on top,
 * and is fed, frame by frame, its own recorded readings (value, validity, freshness) and every exchange message it
 * received, in the order and round it received them (messages that came late after their round closed), while it
 * encodes its own messages at the point it did. Agreement, diagnosis, exclusion and the votes are therefore the
 * library's own, recomputed; the world (sensors, buses, faulty lanes) is the recorded one. With the recorded
 * configuration unchanged the re-run equals the run bit for bit; with another one it equals a fresh run with that
 * configuration whenever the world does not depend on it (the emulated lanes' two-faced offsets are a fraction of a
 * signal's range, so changing a range changes what a fresh run's faulty lane sends).
 *
 * <p>The agreement under which the messages were encoded cannot change; a configuration naming another agreement
 * is refused. A trace recorded without a configuration and messages (format 1, or a recorder not told them) can be
 * replayed, not re-run. Truth, oracle and message counts are the recorded ones.
 */
public final class TraceRevote {
    private TraceRevote() {
    }

    /**
     * What a re-run gave.
     *
     * @param trace   what was read
     * @param metrics the metrics of the re-run
     * @param report  expectations checked (none given: passes)
     * @param files   files written, relative names
     * @param text    the human summary
     * @param digest  per frame, a hash of every lane's outputs, statuses and exclusions (to find the first frame two
     *                re-runs differ in)
     */
    public record Result(TraceSummary trace, RunMetrics metrics, ExpectationReport report, List<String> files,
                         String text, long[] digest) {
    }

    /**
     * @param trace    the trace
     * @param override entries applied over the recorded configuration
     * @param outDir   where the files go (as {@code replay} writes them), or {@code null} for none
     * @return the re-run
     * @throws TraceException   if the trace cannot be read, holds no configuration or messages, or is damaged
     * @throws ProfileException if the recorded or given configuration is malformed, or changes the agreement
     * @throws IOException      if a file cannot be written
     */
    public static Result revote(final Path trace, final ChannelsConfig override, final Path outDir)
        throws TraceException, ProfileException, IOException {
        try (TraceReader reader = TraceReader.open(trace)) {
            final TraceHeader header = reader.header();
            if (header.configuration().isEmpty()) {
                throw new TraceException(trace, 0, "configuration", "the trace holds no recorded configuration and "
                    + "exchange messages (recorded before trace format 2, or without them): it can be replayed, not "
                    + "re-voted");
            }
            final ChannelsConfig recorded = ChannelsConfig.parse(header.configuration(), trace + " (configuration)");
            if (override.agreement() != null && !override.agreement().equals(recorded.agreement())) {
                throw new ProfileException(override.file(), 1, "agreement", "differs from the recorded one; the "
                    + "recorded messages were encoded under it, so only channel settings can change");
            }
            final PipelineConfig config = pipeline(recorded.then(override), header.descriptor());
            return run(reader, header, config, outDir, trace);
        }
    }

    private static PipelineConfig pipeline(final ChannelsConfig config, final RunDescriptor run) {
        final PipelineConfig.Builder b = config.agreement().builder(run.signalCount());
        for (int s = 0; s < run.signalCount(); s++) {
            final String name = run.signals().get(s).name();
            try {
                b.signal(s, config.settings(name).toConfig(run.lanes(), s));
            } catch (final InvalidConfigException e) {
                throw new InvalidConfigException("signals." + name + "." + e.parameter(), e.getMessage(),
                    "a valid setting");
            }
        }
        return b.build();
    }

    private static Result run(final TraceReader reader, final TraceHeader header, final PipelineConfig config,
        final Path outDir, final Path trace) throws TraceException, IOException {
        final RunDescriptor run = header.descriptor();
        final RunMetrics metrics = new RunMetrics(run, header.validityTolerance(),
            RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        final PlotWriter plots = outDir == null ? null : new PlotWriter(run);
        final Lanes lanes = new Lanes(config, run);
        final TraceSummary summary;
        final Path partial = outDir == null ? null : outDir.resolve(TraceReplay.FRAMES_CSV + ".partial");
        try (FrameCsvWriter csv = outDir == null ? null : FrameCsvWriter.open(run, partial)) {
            lanes.observers(outDir == null ? new FrameObserver[] {metrics}
                : new FrameObserver[] {metrics, csv, plots});
            summary = reader.exchange(lanes::received).read(lanes);
        }
        if (summary.damaged()) {
            throw new TraceException(trace, summary.firstDamagedDocument(), "", "damaged (" + summary.notice(trace)
                + "); the lanes cannot be re-run past damage");
        }
        final ExpectationReport report = ExpectationCheck.evaluate(Map.of(), metrics);
        final List<String> files = new ArrayList<>();
        if (outDir != null) {
            Files.move(partial, outDir.resolve(TraceReplay.FRAMES_CSV), StandardCopyOption.REPLACE_EXISTING);
            files.add(TraceReplay.FRAMES_CSV);
            for (final Path p : plots.write(outDir, metrics)) {
                files.add(p.getFileName().toString());
            }
            files.add(TraceReplay.SUMMARY_JSON);
            SummaryJsonWriter.write(outDir.resolve(TraceReplay.SUMMARY_JSON), metrics, report, files,
                TraceReplay.integrity(summary));
        }
        return new Result(summary, metrics, report, files, HumanSummary.text(metrics, report, files),
            lanes.digest());
    }

    /**
     * The lanes re-run: buffers each frame's received messages, then on the recorded frame drives every pipeline
     * through the frame and reports its outputs and exclusions into a fresh sample for the observers.
     */
    private static final class Lanes implements FrameObserver {
        private final PipelineCluster cluster;
        private final OutputReport report;
        private final FrameSample out;
        private final int n;
        private final int signals;
        private final int rounds;
        private final double[] readings;
        private final byte[] scratch;
        private final List<Message> received = new ArrayList<>();
        private FrameObserver[] observers = new FrameObserver[0];
        private long[] digest = new long[1024];
        private int frames;

        /** The round of the marker a recorder writes for a lane that did not run a frame. */
        private static final int NOT_RUN_ROUND = 0;

        private record Message(int lane, int round, int link, byte[] bytes, boolean late) {
        }

        Lanes(final PipelineConfig config, final RunDescriptor run) {
            this.cluster = new PipelineCluster(config, MessageInterceptor.PASS);
            this.n = run.lanes();
            this.signals = run.signalCount();
            this.rounds = cluster.pipeline(0).lane().rounds();
            this.report = new OutputReport(cluster, n, signals);
            this.out = new FrameSample(run);
            this.readings = new double[signals];
            this.scratch = new byte[cluster.cluster().capacity()];
        }

        void observers(final FrameObserver[] list) {
            this.observers = list;
        }

        void received(final long frame, final int lane, final int round, final int link, final byte[] buffer,
            final int offset, final int length, final boolean late) {
            received.add(new Message(lane, round, link, Arrays.copyOfRange(buffer, offset, offset + length), late));
        }

        @Override
        public void onExclusion(final long frame, final int lane, final int signal, final int channel,
            final String reason) {
            // the recorded exclusions are not used: the re-run decides its own
        }

        @Override
        public void onFrame(final FrameSample recorded) {
            final long f = recorded.frame();
            out.begin(f, recorded.timeS());
            copyWorld(recorded);
            for (int l = 0; l < n; l++) {
                frame(l, f, recorded);
            }
            received.clear();
            report.report(f, out, observers);
            for (final FrameObserver o : observers) {
                o.onFrame(out);
            }
            remember();
        }

        private void copyWorld(final FrameSample recorded) {
            for (int s = 0; s < signals; s++) {
                out.truth(s, recorded.truth(s));
                out.oracleFaultyChannels(s, recorded.oracleFaultyChannels(s));
            }
            for (int l = 0; l < n; l++) {
                for (int s = 0; s < signals; s++) {
                    out.sensor(l, s, recorded.sensor(l, s), recorded.sensorValid(l, s), recorded.sensorFresh(l, s));
                }
            }
            out.oracleHealthyLanes(recorded.oracleHealthyLanes());
            for (int m = 0; m < recorded.messageOutcomes(); m++) {
                out.addMessages(m, recorded.messages(m));
            }
            out.hypothesisExceeded(recorded.hypothesisExceeded());
        }

        /**
         * One lane's frame, in the order the in-memory cluster drove it when the trace was recorded. A lane the
         * recorder marked as not having run the frame (a rig lane stalled or stopped: one received entry with round
         * 0 from the lane itself) does not run it here either.
         */
        private void frame(final int l, final long f, final FrameSample recorded) {
            for (final Message m : received) {
                if (m.lane() == l && m.round() == NOT_RUN_ROUND && m.link() == l) {
                    return;
                }
            }
            final LanePipeline pipeline = cluster.pipeline(l);
            long valid = 0;
            long fresh = 0;
            for (int s = 0; s < signals; s++) {
                readings[s] = recorded.sensor(l, s);
                valid |= recorded.sensorValid(l, s) ? 1L << s : 0L;
                fresh |= recorded.sensorFresh(l, s) ? 1L << s : 0L;
            }
            pipeline.beginFrame(f, readings, valid, fresh);
            final AgreementLane lane = pipeline.lane();
            for (int r = 1; r <= rounds; r++) {
                for (int sender = 0; sender < n; sender++) {
                    if (sender == l) {
                        for (int peer = 0; peer < n; peer++) {
                            if (peer != l) {
                                lane.encodeRound(r, peer, scratch, 0);
                            }
                        }
                    } else {
                        deliver(lane, l, r, sender, false);
                    }
                }
                lane.closeRound(r);
                deliver(lane, l, r, -1, true);
            }
            pipeline.completeFrame();
        }

        private void deliver(final AgreementLane lane, final int l, final int round, final int sender,
            final boolean late) {
            for (final Message m : received) {
                if (m.lane() == l && m.round() == round && m.late() == late && (late || m.link() == sender)) {
                    lane.onMessage(m.link(), m.bytes(), 0, m.bytes().length);
                }
            }
        }

        private void remember() {
            long h = 1125899906842597L;
            for (int l = 0; l < n; l++) {
                h = 31 * h + out.excludedLanes(l);
                for (int s = 0; s < signals; s++) {
                    h = 31 * h + Double.doubleToRawLongBits(out.output(l, s));
                    h = 31 * h + out.status(l, s);
                    h = 31 * h + out.healthMask(l, s);
                }
            }
            if (frames == digest.length) {
                digest = Arrays.copyOf(digest, 2 * frames);
            }
            digest[frames++] = h;
        }

        long[] digest() {
            return Arrays.copyOf(digest, frames);
        }
    }
}
