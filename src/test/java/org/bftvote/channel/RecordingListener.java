package org.bftvote.channel;

import java.util.ArrayList;
import java.util.List;

/** Test listener keeping every event as a line of text, for exact assertions on transitions. */
final class RecordingListener implements ChannelEventListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onChannelFailed(final int signal, final long frame, final int channel, final ExclusionReason reason) {
        events.add("failed " + signal + " " + frame + " ch" + channel + " " + reason);
    }

    @Override
    public void onChannelReintegrated(final int signal, final long frame, final int channel) {
        events.add("reintegrated " + signal + " " + frame + " ch" + channel);
    }

    @Override
    public void onRedundancyChanged(
        final int signal, final long frame, final RedundancyLevel from, final RedundancyLevel to) {
        events.add("level " + signal + " " + frame + " " + from + "->" + to);
    }

    @Override
    public void onOutputStatusChanged(
        final int signal, final long frame, final OutputStatus from, final OutputStatus to) {
        events.add("status " + signal + " " + frame + " " + from + "->" + to);
    }

    List<String> starting(final String prefix) {
        final List<String> out = new ArrayList<>();
        for (final String e : events) {
            if (e.startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }
}
