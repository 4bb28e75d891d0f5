package org.bftvote.sim.hil;

/**
 * The rig's view of the lanes' time, shared by its threads: the offset of the lanes' synchronised clock from the
 * rig's raw clock ({@link System#nanoTime()}), as the rig measures it, and the session's schedule once the rig has
 * chosen it. Written by the rig's main thread, read by the relay; each field is one volatile reference or long.
 */
final class RigTimeline {
    private volatile long offsetNs;
    private volatile LaneSchedule schedule;

    /** @param offset the lanes' clock minus the rig's raw clock, ns */
    void offset(final long offset) {
        this.offsetNs = offset;
    }

    long offsetNs() {
        return offsetNs;
    }

    void schedule(final LaneSchedule newSchedule) {
        this.schedule = newSchedule;
    }

    LaneSchedule schedule() {
        return schedule;
    }

    /** @return the lanes' clock at raw time {@code raw} */
    long laneTime(final long raw) {
        return raw + offsetNs;
    }

    /** @return the raw time at which the lanes' clock reads {@code laneTime} */
    long rawAt(final long laneTime) {
        return laneTime - offsetNs;
    }

    /** @return the session frame running at raw time {@code raw}, or -1 before the session or after it */
    long frameAt(final long raw) {
        final LaneSchedule s = schedule;
        if (s == null) {
            return -1L;
        }
        final long f = Math.floorDiv(laneTime(raw) - s.t0(), s.period());
        return f >= 0 && f < s.frames() ? f : -1L;
    }
}
