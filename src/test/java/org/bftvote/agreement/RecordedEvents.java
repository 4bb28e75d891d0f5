package org.bftvote.agreement;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.channel.ExclusionReason;
import org.bftvote.channel.OutputStatus;
import org.bftvote.channel.RedundancyLevel;

/**
 * A listener that records every pipeline and channel event as a line of text, for tests (allocates). One home for
 * the lines' wording, which the tests compare against: "{frame} excluded {lane}", "{frame} syncing",
 * "{frame} signal {k} channel {c} failed {reason}", and so on.
 */
final class RecordedEvents implements PipelineListener {
    /** The events heard, in order. */
    final List<String> lines = new ArrayList<>();

    /**
     * @param kinds words that mark the kinds of line wanted (such as {@code " adopted "}, {@code " syncing"})
     * @return the lines that contain any of them, in order
     */
    List<String> only(final String... kinds) {
        return lines.stream().filter(line -> List.of(kinds).stream().anyMatch(line::contains)).toList();
    }

    @Override
    public void onLaneExcluded(final long frame, final int lane) {
        lines.add(frame + " excluded " + lane);
    }

    @Override
    public void onLaneReadmitted(final long frame, final int lane) {
        lines.add(frame + " readmitted " + lane);
    }

    @Override
    public void onChannelFailed(final int signal, final long frame, final int channel, final ExclusionReason reason) {
        lines.add(frame + " signal " + signal + " channel " + channel + " failed " + reason);
    }

    @Override
    public void onRedundancyChanged(final int signal, final long frame, final RedundancyLevel from,
                                    final RedundancyLevel to) {
        lines.add(frame + " signal " + signal + " redundancy " + from + " -> " + to);
    }

    @Override
    public void onOutputStatusChanged(final int signal, final long frame, final OutputStatus from,
                                      final OutputStatus to) {
        lines.add(frame + " signal " + signal + " status " + from + " -> " + to);
    }

    @Override
    public void onHypothesisExceeded(final long frame, final int flags) {
        lines.add(frame + " exceeded " + HypothesisFlags.describe(flags));
    }

    @Override
    public void onHypothesisRestored(final long frame) {
        lines.add(frame + " restored");
    }

    @Override
    public void onSyncingStarted(final long frame) {
        lines.add(frame + " syncing");
    }

    @Override
    public void onSyncingEnded(final long frame) {
        lines.add(frame + " synced");
    }

    @Override
    public void onStateAdopted(final long frame, final int block) {
        lines.add(frame + " adopted " + block);
    }
}
