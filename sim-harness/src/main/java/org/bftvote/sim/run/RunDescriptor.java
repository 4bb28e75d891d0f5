package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bftvote.InvalidConfigException;
import org.bftvote.Require;

/**
 * Everything about a run that does not change from frame to frame: what was run, on what, with which seed, how the
 * frames are shaped (lanes, signals, message outcomes) and which faults were injected. Immutable; build it with
 * {@link #builder()}. Every result file starts from it.
 *
 * <p>Channels: every lane reads one channel of each signal, so a signal has {@link #lanes()} channels and channel
 * index = lane index. Masks over lanes or channels are {@code long} bit sets (bit i = lane i), hence at most
 * {@value #MAX_LANES} lanes.
 */
public final class RunDescriptor {
    /** Largest lane count a {@code long} mask can carry. */
    public static final int MAX_LANES = 64;

    private final String scenario;
    private final String platform;
    private final long seed;
    private final double frameRateHz;
    private final int lanes;
    private final List<SignalInfo> signals;
    private final List<String> messageOutcomes;
    private final List<InjectedFault> faults;
    private final long durationFrames;
    private final String faultHypothesis;
    private final int recoveryBoundFrames;

    private RunDescriptor(final Builder b) {
        this.scenario = b.scenario;
        this.platform = b.platform;
        this.seed = b.seed;
        this.frameRateHz = b.frameRateHz;
        this.lanes = b.lanes;
        this.signals = List.copyOf(b.signals);
        this.messageOutcomes = List.copyOf(b.messageOutcomes);
        this.faults = List.copyOf(b.faults);
        this.durationFrames = b.durationFrames;
        this.faultHypothesis = b.faultHypothesis;
        this.recoveryBoundFrames = b.recoveryBoundFrames;
    }

    /**
     * @return a builder with no signals, outcomes or faults yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return scenario name */
    public String scenario() {
        return scenario;
    }

    /** @return platform (hardware profile) name */
    public String platform() {
        return platform;
    }

    /** @return the run's seed */
    public long seed() {
        return seed;
    }

    /** @return frames per second */
    public double frameRateHz() {
        return frameRateHz;
    }

    /** @return number of lanes (= channels per signal) */
    public int lanes() {
        return lanes;
    }

    /** @return the signals in index order (unmodifiable) */
    public List<SignalInfo> signals() {
        return signals;
    }

    /** @return number of signals */
    public int signalCount() {
        return signals.size();
    }

    /** @return names of the message-statistics outcomes in index order (unmodifiable) */
    public List<String> messageOutcomes() {
        return messageOutcomes;
    }

    /** @return injected faults in the order given (unmodifiable) */
    public List<InjectedFault> faults() {
        return faults;
    }

    /** @return planned number of frames */
    public long durationFrames() {
        return durationFrames;
    }

    /** @return the configuration's fault hypothesis, as text for people */
    public String faultHypothesis() {
        return faultHypothesis;
    }

    /**
     * @return the lanes' recovery bound: frames within which healthy lanes are bit-identical again once the faults
     *         are back within the hypothesis (0 if the run does not say)
     */
    public int recoveryBoundFrames() {
        return recoveryBoundFrames;
    }

    /**
     * @param frame frame index
     * @return the frame's nominal time in seconds, {@code frame / frameRateHz}
     */
    public double timeOf(final long frame) {
        return frame / frameRateHz;
    }

    /**
     * @param signal signal name
     * @return the signal's index in {@link #signals()}, or -1 if there is no signal of that name
     */
    public int signalIndex(final String signal) {
        for (int s = 0; s < signals.size(); s++) {
            if (signals.get(s).name().equals(signal)) {
                return s;
            }
        }
        return -1;
    }

    /** Collects and validates a {@link RunDescriptor}. Not thread safe. */
    public static final class Builder {
        private String scenario = "";
        private String platform = "";
        private long seed;
        private double frameRateHz = Double.NaN;
        private int lanes;
        private final List<SignalInfo> signals = new ArrayList<>();
        private final List<String> messageOutcomes = new ArrayList<>();
        private final List<InjectedFault> faults = new ArrayList<>();
        private long durationFrames;
        private String faultHypothesis = "";
        private int recoveryBoundFrames;

        private Builder() {
        }

        /**
         * @param name scenario name
         * @return this
         */
        public Builder scenario(final String name) {
            this.scenario = Require.notNull("scenario", name);
            return this;
        }

        /**
         * @param name platform (hardware profile) name
         * @return this
         */
        public Builder platform(final String name) {
            this.platform = Require.notNull("platform", name);
            return this;
        }

        /**
         * @param value the run's seed
         * @return this
         */
        public Builder seed(final long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param hz frames per second, finite and positive
         * @return this
         */
        public Builder frameRateHz(final double hz) {
            this.frameRateHz = hz;
            return this;
        }

        /**
         * @param count lanes, 1 to {@value RunDescriptor#MAX_LANES}
         * @return this
         */
        public Builder lanes(final int count) {
            this.lanes = count;
            return this;
        }

        /**
         * @param name signal name, unique
         * @param unit unit text
         * @return this
         */
        public Builder signal(final String name, final String unit) {
            signals.add(new SignalInfo(name, unit));
            return this;
        }

        /**
         * @param name name of one message-statistics outcome (for example {@code delivered}, {@code bad_crc}), unique
         * @return this
         */
        public Builder messageOutcome(final String name) {
            messageOutcomes.add(Require.notNull("message_outcome", name));
            return this;
        }

        /**
         * @param fault an injected fault; its id must be unique
         * @return this
         */
        public Builder fault(final InjectedFault fault) {
            faults.add(Require.notNull("fault", fault));
            return this;
        }

        /**
         * @param frames the lanes' recovery bound (see {@link RunDescriptor#recoveryBoundFrames()})
         * @return this builder
         */
        public Builder recoveryBoundFrames(final int frames) {
            this.recoveryBoundFrames = frames;
            return this;
        }

        /**
         * @param frames planned number of frames, at least 1
         * @return this
         */
        public Builder durationFrames(final long frames) {
            this.durationFrames = frames;
            return this;
        }

        /**
         * @param text the configuration's fault hypothesis, for people (for example {@code "n=4 m=1 a=1 s=0 b=1"})
         * @return this
         */
        public Builder faultHypothesis(final String text) {
            this.faultHypothesis = Require.notNull("fault_hypothesis", text);
            return this;
        }

        /**
         * @return the descriptor
         * @throws InvalidConfigException if a value breaks its bound (parameter, value and bound named)
         */
        public RunDescriptor build() {
            Require.inRange("lanes", lanes, 1, MAX_LANES);
            if (!(frameRateHz > 0.0) || !Double.isFinite(frameRateHz)) {
                throw new InvalidConfigException("frame_rate_hz", frameRateHz, "0 < frame_rate_hz < infinity");
            }
            if (durationFrames < 1) {
                throw new InvalidConfigException("duration_frames", durationFrames, "duration_frames >= 1");
            }
            if (signals.isEmpty()) {
                throw new InvalidConfigException("signals", 0, "at least one signal");
            }
            final Set<String> seen = new HashSet<>();
            for (final SignalInfo s : signals) {
                if (!seen.add(s.name())) {
                    throw new InvalidConfigException("signal.name", s.name(), "signal names unique");
                }
            }
            seen.clear();
            for (final String o : messageOutcomes) {
                if (!seen.add(o)) {
                    throw new InvalidConfigException("message_outcome", o, "outcome names unique");
                }
            }
            seen.clear();
            for (final InjectedFault f : faults) {
                if (!seen.add(f.id())) {
                    throw new InvalidConfigException("fault.id", f.id(), "fault ids unique");
                }
                Require.inRange("fault." + f.id() + ".lane", f.lane(), InjectedFault.NO_UNIT, lanes - 1);
                Require.inRange("fault." + f.id() + ".signal", f.signal(), InjectedFault.ALL_SIGNALS,
                    signals.size() - 1);
            }
            return new RunDescriptor(this);
        }
    }
}
