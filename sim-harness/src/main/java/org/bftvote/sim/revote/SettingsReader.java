package org.bftvote.sim.revote;

import java.util.List;

import org.bftvote.sim.yaml.ProfileException;
import org.bftvote.sim.yaml.YMap;
import org.bftvote.sim.yaml.YNode;

/** Reads one signal's entry of a {@link ChannelsConfig} file, every field optional, each one checked. */
final class SettingsReader {
    private static final List<String> VOTERS = List.of("mid_value_select", "median", "fault_tolerant_midpoint",
        "fault_tolerant_mean", "interval_fusion");
    private static final int MAX_FRAMES = 1_000_000;

    private SettingsReader() {
    }

    static SignalSettings read(final YMap m) throws ProfileException {
        String voter = null;
        if (m.has("voter")) {
            final YNode v = m.required("voter");
            voter = v.asString();
            if (!VOTERS.contains(voter)) {
                throw v.error("'" + voter + "' is not a voter (one of: " + String.join(", ", VOTERS) + ")");
            }
        }
        Double min = null;
        Double max = null;
        if (m.has("range")) {
            final YNode r = m.required("range");
            final List<YNode> bounds = r.asList();
            if (bounds.size() != 2) {
                throw r.error("expected [min, max]");
            }
            min = bounds.get(0).asNumber();
            max = bounds.get(1).asNumber();
            if (!(min < max)) {
                throw r.error("expected min < max, got [" + min + ", " + max + "]");
            }
        }
        final Double rate = m.has("rate_limit") ? m.number("rate_limit", 0.0, Double.MAX_VALUE) : null;
        final Integer stale = m.has("stale_limit") ? m.integer("stale_limit", 0, MAX_FRAMES) : null;
        final Integer frozen = m.has("frozen_frames") ? m.integer("frozen_frames", 0, MAX_FRAMES) : null;
        final Double threshold = m.has("miscompare_threshold")
            ? m.number("miscompare_threshold", 0.0, Double.MAX_VALUE) : null;
        final Integer hold = m.has("status_hold") ? m.integer("status_hold", 0, MAX_FRAMES) : null;
        final SignalSettings partial = new SignalSettings(voter, min, max, rate, stale, frozen, threshold, null, null,
            null, null, null, null, null, null, null, hold);
        final SignalSettings withPersistence = m.has("persistence") ? partial.over(persistence(m)) : partial;
        final SignalSettings withDuplex = m.has("duplex") ? withPersistence.over(duplex(m)) : withPersistence;
        final SignalSettings done = m.has("reintegration") ? withDuplex.over(reintegration(m)) : withDuplex;
        m.finish();
        return done;
    }

    private static SignalSettings persistence(final YMap parent) throws ProfileException {
        final YMap p = parent.required("persistence").asMap();
        final SignalSettings s;
        if (p.has("consecutive")) {
            s = new SignalSettings(null, null, null, null, null, null, null, "consecutive",
                p.integer("consecutive", 1, MAX_FRAMES), null, null, null, null, null, null, null, null);
        } else if (p.has("leaky")) {
            final YMap l = p.required("leaky").asMap();
            s = new SignalSettings(null, null, null, null, null, null, null, "leaky", l.integer("up", 1, MAX_FRAMES),
                l.integer("down", 0, MAX_FRAMES), l.integer("trip", 1, MAX_FRAMES), null, null, null, null, null, null);
            l.finish();
        } else {
            throw p.node().error("expected {consecutive: N} or {leaky: {up: U, down: D, trip: T}}");
        }
        p.finish();
        return s;
    }

    private static SignalSettings duplex(final YMap parent) throws ProfileException {
        final YMap d = parent.required("duplex").asMap();
        final SignalSettings s;
        if (d.has("hold_last_good")) {
            s = new SignalSettings(null, null, null, null, null, null, null, null, null, null, null, "hold_last_good",
                d.integer("hold_last_good", 0, MAX_FRAMES), null, null, null, null);
        } else if (d.has("select_by_priority")) {
            final List<YNode> order = d.required("select_by_priority").asList();
            final int[] priority = new int[order.size()];
            for (int i = 0; i < priority.length; i++) {
                priority[i] = (int) order.get(i).asLong();
            }
            s = new SignalSettings(null, null, null, null, null, null, null, null, null, null, null,
                "select_by_priority", null, priority, null, null, null);
        } else {
            throw d.node().error("expected {hold_last_good: N} or {select_by_priority: [0, 1, 2]}");
        }
        d.finish();
        return s;
    }

    private static SignalSettings reintegration(final YMap parent) throws ProfileException {
        final YNode node = parent.required("reintegration");
        if (node.isScalar()) {
            if (!"latch".equals(node.asString())) {
                throw node.error("expected latch or {after_good_frames: N, max: M}");
            }
            return new SignalSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, null, null);
        }
        final YMap r = node.asMap();
        final SignalSettings s = new SignalSettings(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, r.integer("after_good_frames", 1, MAX_FRAMES),
            r.has("max") ? r.integer("max", 0, MAX_FRAMES) : 3, null);
        r.finish();
        return s;
    }
}
