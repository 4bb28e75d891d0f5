package org.bftvote.sim.hil;

/**
 * A session's schedule on the lanes' synchronised clock, as the rig's START datagram gives it: frame {@code f}
 * ({@code 0 <= f < frames}) starts at {@code t0 + f × period}; its round {@code r} (1-based) closes at
 * {@code frame start + r × window}; the frame's outputs are due by the next frame's start. Clock rounds run on the
 * same grid ({@code round k} starts at {@code k × period}, with t0 a multiple of the period), one per frame.
 *
 * @param t0     frame 0's start, lanes' clock, ns; a multiple of {@code period}
 * @param period frame period, ns
 * @param window round window, ns
 * @param frames frames in the session
 */
record LaneSchedule(long t0, long period, long window, long frames) {
    /** @return the clock round frame 0 runs in */
    long firstRound() {
        return Math.floorDiv(t0, period);
    }

    long frameStart(final long frame) {
        return t0 + frame * period;
    }

    long roundDeadline(final long frame, final int round) {
        return frameStart(frame) + round * window;
    }

    /** @return the frame of clock round {@code k}, or -1 outside the session */
    long frameOf(final long k) {
        final long f = k - firstRound();
        return f >= 0 && f < frames ? f : -1L;
    }
}
