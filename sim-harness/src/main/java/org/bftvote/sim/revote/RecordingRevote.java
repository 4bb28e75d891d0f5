package org.bftvote.sim.revote;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.InvalidConfigException;
import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelEventListener;
import org.bftvote.channel.ChannelManager;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;
import org.bftvote.sim.recording.RecordedFrames;
import org.bftvote.sim.recording.RecordingMap.KnownFault;

/**
 * Re-votes a recording made by one computer through the library: one {@link ChannelManager} per signal, configured
 * from a {@link ChannelsConfig}, fed every frame's channel values with the source's validity and the freshness the
 * reader found, as a flight computer reading those sensors would feed it. The harness decides nothing itself; it
 * only watches: the event log, the per-signal outcome (statuses, exclusions, detection of known faults, false
 * exclusions, output against the healthy median) and, when asked, every frame's output.
 *
 * <p>Deterministic: the same recording and configuration give the same run, on any thread. A run reads the
 * recording only, so several runs may share one recording on several threads.
 */
public final class RecordingRevote {
    private RecordingRevote() {
    }

    /**
     * @param recording  the frames
     * @param config     the configuration; every signal must get a miscompare threshold from it
     * @return each signal's library configuration
     * @throws InvalidConfigException naming the signal and the parameter when one is missing or out of bounds
     */
    public static ChannelConfig[] configs(final RecordedFrames recording, final ChannelsConfig config) {
        final ChannelConfig[] out = new ChannelConfig[recording.signals()];
        for (int s = 0; s < out.length; s++) {
            final String name = recording.name(s);
            if (!config.covers(name)) {
                throw new InvalidConfigException("signals." + name, "missing",
                    "settings for every signal of the recording (none match '" + name + "')");
            }
            try {
                out[s] = config.settings(name).toConfig(recording.channels(s), s);
            } catch (final InvalidConfigException e) {
                throw new InvalidConfigException("signals." + name + "." + e.parameter(), e.value(), e.bound());
            }
        }
        return out;
    }

    /**
     * Runs every frame.
     *
     * @param recording  the frames
     * @param configs    one configuration per signal ({@link #configs})
     * @param faults     channels known to be faulty
     * @param keepFrames whether to keep every frame's output (for the per-frame files and plots)
     * @return the outcome
     */
    public static RevoteRun run(final RecordedFrames recording, final ChannelConfig[] configs,
        final List<KnownFault> faults, final boolean keepFrames) {
        final int signals = recording.signals();
        final RevoteRun run = new RevoteRun(recording, configs, keepFrames);
        for (int s = 0; s < signals; s++) {
            new SignalPass(recording, s, configs[s], faults, run).runAll();
        }
        run.sortEvents();
        return run;
    }

    /** One signal through every frame. */
    private static final class SignalPass implements ChannelEventListener {
        private final RecordedFrames recording;
        private final int signal;
        private final int channels;
        private final ChannelConfig config;
        private final ChannelManager manager;
        private final ChannelOutput out;
        private final RevoteRun run;
        private final SignalOutcome outcome;
        private final int[] onset;
        private final boolean[] detected;
        private final double[] values;
        private final double[] scratch;
        private final List<RevoteEvent> events = new ArrayList<>();
        private int frame;
        private long previouslyFailed;

        SignalPass(final RecordedFrames recording, final int signal, final ChannelConfig config,
            final List<KnownFault> faults, final RevoteRun run) {
            this.recording = recording;
            this.signal = signal;
            this.channels = recording.channels(signal);
            this.config = config;
            this.manager = new ChannelManager(config, this);
            this.out = manager.newOutput();
            this.run = run;
            this.outcome = run.outcome(signal);
            this.values = new double[channels];
            this.scratch = new double[channels];
            this.onset = new int[channels];
            this.detected = new boolean[channels];
            java.util.Arrays.fill(onset, Integer.MAX_VALUE);
            for (final KnownFault f : faults) {
                if (f.signal().equals(recording.name(signal)) && f.channel() < channels) {
                    onset[f.channel()] = Math.min(onset[f.channel()], firstFrameAt(f.fromS()));
                }
            }
        }

        private int firstFrameAt(final double timeS) {
            for (int f = 0; f < recording.frames(); f++) {
                if (recording.timeS(f) >= timeS - 1e-9) {
                    return f;
                }
            }
            return recording.frames();
        }

        void runAll() {
            final double[] all = recording.values(signal);
            long previousRejected = 0;
            long previousMiscompare = 0;
            for (frame = 0; frame < recording.frames(); frame++) {
                System.arraycopy(all, frame * channels, values, 0, channels);
                final long valid = recording.validMask(signal, frame);
                final OutputStatus status = manager.update(frame, values, valid,
                    recording.freshMask(signal, frame), out);
                outcome.status(status);
                final long rejected = out.rejectedMask();
                if (rejected != previousRejected) {
                    rejections(previousRejected, rejected, valid);
                    previousRejected = rejected;
                }
                final long miscompare = out.miscompareMask();
                if (miscompare != previousMiscompare) {
                    miscompares(previousMiscompare, miscompare, valid);
                    previousMiscompare = miscompare;
                }
                detect();
                measure(valid, status);
                run.keep(signal, frame, out);
                previouslyFailed = out.failedMask();
            }
            for (int c = 0; c < channels; c++) {
                if (onset[c] != Integer.MAX_VALUE) {
                    outcome.detection(new SignalOutcome.Detection(c, onset[c], SignalOutcome.NEVER, Double.NaN));
                }
            }
            run.events(events);
        }

        private void detect() {
            for (int c = 0; c < channels; c++) {
                if (!detected[c] && frame >= onset[c] && out.isFailed(c)) {
                    detected[c] = true;
                    outcome.detection(new SignalOutcome.Detection(c, onset[c], frame,
                        recording.timeS(frame) - recording.timeS(onset[c])));
                    onset[c] = Integer.MAX_VALUE;
                }
            }
        }

        private void measure(final long valid, final OutputStatus status) {
            long healthy = valid;
            for (int c = 0; c < channels; c++) {
                if (frame >= onset[c] || detected[c]) {
                    healthy &= ~(1L << c);
                }
            }
            final double reference = Medians.of(values, 0, channels, healthy, scratch);
            if ((status == OutputStatus.NORMAL || status == OutputStatus.DEGRADED) && !Double.isNaN(reference)) {
                outcome.error(Math.abs(out.value() - reference));
            }
            final double median = Medians.of(values, 0, channels, valid, scratch);
            for (int c = 0; c < channels; c++) {
                if ((healthy & (1L << c)) != 0 && Double.isFinite(values[c])) {
                    outcome.healthyDeviation(Math.abs(values[c] - median), frame, c);
                }
            }
        }

        private boolean knownFaulty(final int channel) {
            return frame >= onset[channel] || detected[channel];
        }

        private void rejections(final long before, final long now, final long valid) {
            for (int c = 0; c < channels; c++) {
                final long bit = 1L << c;
                if ((now & bit) != 0 && (before & bit) == 0) {
                    final ExclusionReason reason = out.frameReason(c);
                    event(c, "rejected", reason.name(), margin(c, reason, valid));
                } else if ((now & bit) == 0 && (before & bit) != 0) {
                    event(c, "accepted", "passes its checks again", Double.NaN);
                }
            }
        }

        private void miscompares(final long before, final long now, final long valid) {
            for (int c = 0; c < channels; c++) {
                final long bit = 1L << c;
                if ((now & bit) != 0 && (before & bit) == 0 && !out.isFailed(c)) {
                    event(c, "miscompare", "beyond the threshold; counts towards the persistence",
                        margin(c, ExclusionReason.MISCOMPARE, valid));
                } else if ((now & bit) == 0 && (before & bit) != 0 && !out.isFailed(c)) {
                    event(c, "agrees", "within the threshold again", margin(c, ExclusionReason.MISCOMPARE, valid));
                }
            }
        }

        private double margin(final int channel, final ExclusionReason reason, final long valid) {
            final double v = values[channel];
            return switch (reason) {
                case MISCOMPARE -> config.miscompareThreshold()
                    - Math.abs(v - Medians.of(values, 0, channels, valid & ~previouslyFailed, scratch));
                case OUT_OF_RANGE -> Math.min(v - config.rangeMin(), config.rangeMax() - v);
                default -> Double.NaN;
            };
        }

        private void event(final int channel, final String what, final String reason, final double margin) {
            final double value = channel < 0 ? Double.NaN : values[channel];
            final double reference = channel < 0 ? Double.NaN
                : Medians.of(values, 0, channels, recording.validMask(signal, frame) & ~previouslyFailed, scratch);
            events.add(new RevoteEvent(frame, recording.timeS(frame), signal, channel, what, reason, value,
                reference, margin));
        }

        @Override
        public void onChannelFailed(final int id, final long f, final int channel, final ExclusionReason reason) {
            outcome.exclusion(channel, frame, reason.name(), knownFaulty(channel));
            event(channel, "failed", reason.name(), margin(channel, reason, recording.validMask(signal, frame)));
        }

        @Override
        public void onChannelReintegrated(final int id, final long f, final int channel) {
            event(channel, "readmitted", "good frames after failure", Double.NaN);
        }

        @Override
        public void onRedundancyChanged(final int id, final long f, final RedundancyLevel from,
            final RedundancyLevel to) {
            event(-1, "redundancy", from + " -> " + to, Double.NaN);
        }

        @Override
        public void onOutputStatusChanged(final int id, final long f, final OutputStatus from,
            final OutputStatus to) {
            event(-1, "status", from + " -> " + to, Double.NaN);
        }
    }
}
