package org.bftvote.sim.run;

import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.scenario.FaultInjection;

/**
 * The frame windows of a bus's scheduled faults, in scenario order: a fault is active from its start frame for
 * its duration (at least one frame; for ever without one). Built once; {@link #active} allocates nothing.
 */
final class FaultWindows {
    private final long[] start;
    private final long[] end;

    /**
     * @param faults      the bus's faults, in scenario order
     * @param frameRateHz frames per second
     */
    FaultWindows(final List<FaultInjection.BusFault> faults, final double frameRateHz) {
        start = new long[faults.size()];
        end = new long[faults.size()];
        for (int j = 0; j < start.length; j++) {
            final FaultInjection.BusFault f = faults.get(j);
            start[j] = Math.round(f.startSeconds() * frameRateHz);
            end[j] = Double.isFinite(f.durationSeconds())
                ? start[j] + Math.max(1L, Math.round(f.durationSeconds() * frameRateHz)) : Long.MAX_VALUE;
        }
    }

    /**
     * @param busName a bus of the platform
     * @param faults  the scenario's bus faults, in scenario order
     * @return those on that bus, in the same order
     */
    static List<FaultInjection.BusFault> onBus(final String busName, final List<FaultInjection.BusFault> faults) {
        final List<FaultInjection.BusFault> mine = new ArrayList<>();
        for (final FaultInjection.BusFault f : faults) {
            if (f.bus().equals(busName)) {
                mine.add(f);
            }
        }
        return mine;
    }

    /**
     * @param frame a frame
     * @return the index of the first fault active in that frame, or -1 if none is
     */
    int active(final long frame) {
        for (int j = 0; j < start.length; j++) {
            if (frame >= start[j] && frame < end[j]) {
                return j;
            }
        }
        return -1;
    }
}
