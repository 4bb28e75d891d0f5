package org.bftvote.examples.quad;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.agreement.HypothesisFlags;
import org.bftvote.agreement.PipelineListener;
import org.bftvote.channel.ExclusionReason;

/**
 * What a lane's pipeline tells its host, one line per transition. The pipeline calls it from
 * {@code completeFrame()} only when something changes; this example keeps the lines in a list, where a flight
 * computer would write them to its own pre-allocated fault log.
 */
public final class LaneEvents implements PipelineListener {
    private final List<String> lines = new ArrayList<>();

    // tag::listener[]
    @Override
    public void onLaneExcluded(final long frame, final int lane) {
        lines.add("frame " + frame + ": lane " + lane + " excluded");
    }

    @Override
    public void onChannelFailed(final int signal, final long frame, final int channel, final ExclusionReason reason) {
        lines.add("frame " + frame + ": signal " + signal + ", lane " + channel + "'s sensor failed: " + reason);
    }

    @Override
    public void onHypothesisExceeded(final long frame, final int flags) {
        lines.add("frame " + frame + ": fault hypothesis exceeded: " + HypothesisFlags.describe(flags));
    }
    // end::listener[]

    @Override
    public void onLaneReadmitted(final long frame, final int lane) {
        lines.add("frame " + frame + ": lane " + lane + " readmitted");
    }

    @Override
    public void onHypothesisRestored(final long frame) {
        lines.add("frame " + frame + ": fault hypothesis holds again");
    }

    @Override
    public void onSyncingStarted(final long frame) {
        lines.add("frame " + frame + ": taking the agreed state (outputs SYNCING)");
    }

    @Override
    public void onSyncingEnded(final long frame) {
        lines.add("frame " + frame + ": in step with the others again");
    }

    /** @return the lines so far, oldest first */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
