package org.bftvote.sim.revote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bftvote.channel.ChannelConfig;
import org.bftvote.channel.ChannelOutput;
import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.recording.RecordedFrames;

/**
 * What a re-vote of a recording gave: per signal its {@link SignalOutcome}, the event log in time order, and, when
 * kept, every frame's output (value, status, failed and rejected channels) for the per-frame files and plots.
 */
public final class RevoteRun {
    private final RecordedFrames recording;
    private final ChannelConfig[] configs;
    private final SignalOutcome[] outcomes;
    private final List<RevoteEvent> events = new ArrayList<>();
    private final double[][] output;
    private final byte[][] status;
    private final long[][] failed;
    private final long[][] rejected;

    RevoteRun(final RecordedFrames recording, final ChannelConfig[] configs, final boolean keepFrames) {
        this.recording = recording;
        this.configs = configs.clone();
        final int n = recording.signals();
        this.outcomes = new SignalOutcome[n];
        for (int s = 0; s < n; s++) {
            outcomes[s] = new SignalOutcome(recording.name(s), recording.channels(s),
                configs[s].miscompareThreshold());
        }
        final int frames = keepFrames ? recording.frames() : 0;
        this.output = keepFrames ? new double[n][frames] : null;
        this.status = keepFrames ? new byte[n][frames] : null;
        this.failed = keepFrames ? new long[n][frames] : null;
        this.rejected = keepFrames ? new long[n][frames] : null;
    }

    SignalOutcome outcome(final int signal) {
        return outcomes[signal];
    }

    void keep(final int signal, final int frame, final ChannelOutput out) {
        if (output != null) {
            output[signal][frame] = out.value();
            status[signal][frame] = (byte) out.status().ordinal();
            failed[signal][frame] = out.failedMask();
            rejected[signal][frame] = out.rejectedMask();
        }
    }

    void events(final List<RevoteEvent> signalEvents) {
        events.addAll(signalEvents);
    }

    void sortEvents() {
        events.sort(Comparator.comparingInt(RevoteEvent::frame).thenComparingInt(RevoteEvent::signal));
    }

    /** @return the recording re-voted */
    public RecordedFrames recording() {
        return recording;
    }

    /**
     * @param signal signal index
     * @return the library configuration it was voted with
     */
    public ChannelConfig config(final int signal) {
        return configs[signal];
    }

    /** @return per signal, what the re-vote gave */
    public List<SignalOutcome> outcomes() {
        return List.of(outcomes);
    }

    /** @return the event log, in frame order, signals in order within a frame */
    public List<RevoteEvent> events() {
        return List.copyOf(events);
    }

    /** @return whether every frame's output was kept */
    public boolean keptFrames() {
        return output != null;
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return the voted value
     */
    public double output(final int signal, final int frame) {
        return output[signal][frame];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return the output status
     */
    public OutputStatus status(final int signal, final int frame) {
        return OutputStatus.values()[status[signal][frame]];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return channels declared failed
     */
    public long failed(final int signal, final int frame) {
        return failed[signal][frame];
    }

    /**
     * @param signal signal index
     * @param frame  frame index
     * @return channels rejected by an input check in this frame
     */
    public long rejected(final int signal, final int frame) {
        return rejected[signal][frame];
    }
}
