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
import org.bftvote.agreement.IcMessage;
import org.bftvote.agreement.IcMessageCodec;
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
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputReport;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.scenario.LaneFaultKind;
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
 * <p>Two words of every lane's messages depend on the lane's own state, which another configuration changes: the
 * sync word (a word of its state snapshot) and the state tag of its diagnosis word. A received message's entries
 * of those two signals are therefore taken from what the re-run sender encodes for that receiver in that round (the
 * message's fate — delivered, late, lost, damaged — and every reading it carries stay as recorded; a message whose
 * CRC no longer held when it was received is delivered as recorded, to be dropped as it was).
 *
 * <p>The agreement under which the messages were encoded cannot change; a configuration naming another agreement
 * is refused. A trace recorded without a configuration and messages (format 1, or a recorder not told them) can be
 * replayed, not re-run. Truth, oracle and message counts are the recorded ones.
 *
 * <p>A run in which a lane's computer stopped (scenario lane faults {@code reboot} and {@code stall}) is refused:
 * after a stall the real lane began its own, older frame, and after a reboot a new pipeline counting from frame 0,
 * and the trace marks only the frames a lane did not run. Such a trace is replayed, not re-run. A lane a recorder
 * marks as not running a frame for another reason (a rig lane that skipped it) simply does not run it here.
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
     * @param plots   the re-run's plots (every frame seen), or {@code null} when neither written nor kept
     */
    public record Result(TraceSummary trace, RunMetrics metrics, ExpectationReport report, List<String> files,
                         String text, long[] digest, PlotWriter plots) {
    }

    /**
     * @param trace    the trace
     * @param override entries applied over the recorded configuration
     * @param outDir   where the files go (as {@code replay} writes them), or {@code null} for none
     * @return the re-run
     * @throws TraceException   if the trace cannot be read, holds no configuration or messages, is damaged, or
     *                          records a lane computer stopping (a reboot or a stall: see the class description)
     * @throws ProfileException if the recorded or given configuration is malformed, or changes the agreement
     * @throws IOException      if a file cannot be written
     */
    public static Result revote(final Path trace, final ChannelsConfig override, final Path outDir)
        throws TraceException, ProfileException, IOException {
        return revote(trace, override, outDir, outDir != null);
    }

    /**
     * As {@link #revote(Path, ChannelsConfig, Path)}, keeping the re-run's plots in the result when asked even if no
     * file is written (the base run of an overlay).
     *
     * @param trace     the trace
     * @param override  entries applied over the recorded configuration
     * @param outDir    where the files go, or {@code null} for none
     * @param keepPlots whether {@link Result#plots()} is filled (always when {@code outDir} is given)
     * @return the re-run
     * @throws TraceException   as for {@link #revote(Path, ChannelsConfig, Path)}
     * @throws ProfileException as for {@link #revote(Path, ChannelsConfig, Path)}
     * @throws IOException      if a file cannot be written
     */
    public static Result revote(final Path trace, final ChannelsConfig override, final Path outDir,
        final boolean keepPlots) throws TraceException, ProfileException, IOException {
        try (TraceReader reader = TraceReader.open(trace)) {
            final TraceHeader header = reader.header();
            if (header.configuration().isEmpty()) {
                throw new TraceException(trace, 0, "configuration", "the trace holds no recorded configuration and "
                    + "exchange messages (recorded before trace format 2, or without them): it can be replayed, not "
                    + "re-voted");
            }
            refuseStoppedLanes(trace, header.descriptor());
            final ChannelsConfig recorded = ChannelsConfig.parse(header.configuration(), trace + " (configuration)");
            if (override.agreement() != null && !override.agreement().equals(recorded.agreement())) {
                throw new ProfileException(override.file(), 1, "agreement", "differs from the recorded one; the "
                    + "recorded messages were encoded under it, so only channel settings can change");
            }
            final PipelineConfig config = pipeline(recorded.then(override), header.descriptor());
            return run(reader, header, config, outDir, trace, keepPlots || outDir != null);
        }
    }

    /**
     * Refuses a trace of a run in which a lane's computer stopped ({@code reboot}, {@code stall}): the re-run begins
     * every lane on the recorded frame and never builds a new pipeline, while a lane that resumes after a stall begins
     * its own, older frame and a rebooted one a new pipeline at frame 0, so the re-run would not be the run.
     */
    private static void refuseStoppedLanes(final Path trace, final RunDescriptor run) throws TraceException {
        for (final InjectedFault f : run.faults()) {
            if (f.kind().equals(LaneFaultKind.REBOOT.yamlName()) || f.kind().equals(LaneFaultKind.STALL.yamlName())) {
                throw new TraceException(trace, 0, "faults", "fault " + f.id() + " (" + f.kind() + " of " + f.target()
                    + " at frame " + f.onsetFrame() + ") stops a lane's computer, and a re-run cannot stall or "
                    + "restart lanes as the run did: replay the trace without --config");
            }
        }
    }

    private static PipelineConfig pipeline(final ChannelsConfig config, final RunDescriptor run) {
        final PipelineConfig.Builder b = config.agreement().builder(run.signalCount());
        for (int s = 0; s < run.signalCount(); s++) {
            final String name = run.signals().get(s).name();
            try {
                b.signal(s, config.settings(name).toConfig(run.lanes(), s));
            } catch (final InvalidConfigException e) {
                throw new InvalidConfigException("signals." + name + "." + e.parameter(), e.value(), e.bound());
            }
        }
        return b.build();
    }

    private static Result run(final TraceReader reader, final TraceHeader header, final PipelineConfig config,
        final Path outDir, final Path trace, final boolean keepPlots) throws TraceException, IOException {
        final RunDescriptor run = header.descriptor();
        final RunMetrics metrics = new RunMetrics(run, header.validityTolerance(),
            RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        final PlotWriter plots = keepPlots ? new PlotWriter(run) : null;
        final Lanes lanes = new Lanes(config, run);
        final TraceSummary summary;
        final Path partial = outDir == null ? null : outDir.resolve(TraceReplay.FRAMES_CSV + ".partial");
        try (FrameCsvWriter csv = outDir == null ? null : FrameCsvWriter.open(run, partial)) {
            final List<FrameObserver> observers = new ArrayList<>(List.of(metrics));
            if (csv != null) {
                observers.add(csv);
            }
            if (plots != null) {
                observers.add(plots);
            }
            lanes.observers(observers.toArray(new FrameObserver[0]));
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
            lanes.digest(), plots);
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
        /** encoded[sender * n + receiver]: the re-run sender's message of the current round for the receiver. */
        private final byte[][] encoded;
        private final int[] encodedLength;
        private final byte[] patched;
        private final IcMessageCodec codec = new IcMessageCodec();
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
            this.encoded = new byte[n * n][cluster.cluster().capacity()];
            this.encodedLength = new int[n * n];
            this.patched = new byte[cluster.cluster().capacity()];
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
            frame(f, recorded);
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
         * One frame of every lane that ran it, round by round as the in-memory cluster drove them when the trace was
         * recorded: every lane encodes its messages of the round, then each lane takes, in recorded order, the
         * messages it received in time from each sender, closes the round and takes the late ones. A lane the trace
         * marks as not having run the frame (a received entry of round {@link #NOT_RUN_ROUND} from itself) does not
         * run it here either.
         */
        private void frame(final long f, final FrameSample recorded) {
            long running = 0;
            for (int l = 0; l < n; l++) {
                if (ran(l)) {
                    running |= 1L << l;
                    begin(l, f, recorded);
                }
            }
            for (int r = 1; r <= rounds; r++) {
                for (long senders = running; senders != 0; senders &= senders - 1) {
                    final int sender = Long.numberOfTrailingZeros(senders);
                    for (int peer = 0; peer < n; peer++) {
                        if (peer != sender) {
                            encodedLength[sender * n + peer] =
                                cluster.pipeline(sender).lane().encodeRound(r, peer, encoded[sender * n + peer], 0);
                        }
                    }
                }
                for (long lanes = running; lanes != 0; lanes &= lanes - 1) {
                    final int l = Long.numberOfTrailingZeros(lanes);
                    final AgreementLane lane = cluster.pipeline(l).lane();
                    for (int sender = 0; sender < n; sender++) {
                        if (sender != l) {
                            deliver(lane, l, r, sender, false);
                        }
                    }
                    lane.closeRound(r);
                    deliver(lane, l, r, -1, true);
                }
            }
            for (long lanes = running; lanes != 0; lanes &= lanes - 1) {
                cluster.pipeline(Long.numberOfTrailingZeros(lanes)).completeFrame();
            }
        }

        private boolean ran(final int l) {
            for (final Message m : received) {
                if (m.lane() == l && m.round() == NOT_RUN_ROUND && m.link() == l) {
                    return false;
                }
            }
            return true;
        }

        private void begin(final int l, final long f, final FrameSample recorded) {
            long valid = 0;
            long fresh = 0;
            for (int s = 0; s < signals; s++) {
                readings[s] = recorded.sensor(l, s);
                valid |= recorded.sensorValid(l, s) ? 1L << s : 0L;
                fresh |= recorded.sensorFresh(l, s) ? 1L << s : 0L;
            }
            cluster.pipeline(l).beginFrame(f, readings, valid, fresh);
        }

        private void deliver(final AgreementLane lane, final int l, final int round, final int sender,
            final boolean late) {
            for (final Message m : received) {
                if (m.lane() == l && m.round() == round && m.late() == late && (late || m.link() == sender)) {
                    final int length = patch(m, l, round);
                    lane.onMessage(m.link(), patched, 0, length);
                }
            }
        }

        /**
         * Copies a recorded message into {@link #patched} with the entries of the sync and diagnosis signals taken
         * from the re-run sender's message to that receiver in that round, entry by entry where path and signal
         * match, and the CRC sealed again; a message that did not pass its CRC, or whose sender did not encode for
         * the round, is copied as it is.
         */
        private int patch(final Message m, final int receiver, final int round) {
            final byte[] bytes = m.bytes();
            System.arraycopy(bytes, 0, patched, 0, bytes.length);
            final int link = m.link();
            if (link < 0 || link >= n || codec.verify(bytes, 0, bytes.length) != IcMessageCodec.WELL_FORMED
                || IcMessage.round(bytes, 0) != round) {
                return bytes.length;
            }
            final byte[] own = encoded[link * n + receiver];
            final int ownLength = encodedLength[link * n + receiver];
            if (ownLength <= 0) {
                return bytes.length;
            }
            final int count = IcMessage.entryCount(patched, 0);
            final int ownCount = IcMessage.entryCount(own, 0);
            for (int i = 0, j = 0; i < count && j < ownCount; i++) {
                final int at = IcMessage.entryOffset(0, i);
                final int signal = IcMessage.entrySignal(patched, at);
                if (signal < signals) {
                    continue;
                }
                final int path = IcMessage.entryPath(patched, at);
                while (j < ownCount && !(IcMessage.entryPath(own, IcMessage.entryOffset(0, j)) == path
                    && IcMessage.entrySignal(own, IcMessage.entryOffset(0, j)) == signal)) {
                    j++;
                }
                if (j < ownCount) {
                    final int ownAt = IcMessage.entryOffset(0, j);
                    patched[at + IcMessage.ENTRY_STATUS_OFFSET] = IcMessage.entryStatus(own, ownAt);
                    IcMessage.putEntryWord(patched, at, IcMessage.entryWord(own, ownAt));
                }
            }
            return codec.seal(patched, 0);
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
