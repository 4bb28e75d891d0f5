package org.bftvote.sim.hil;

import java.util.concurrent.locks.LockSupport;

/**
 * The session's schedule on the wall clock ({@link System#nanoTime()}): frame {@code f} starts at
 * {@code start + f × period}; its round {@code r} (1-based) closes at {@code frame start + r × roundBudget}, the
 * rounds sharing {@value #ROUND_SHARE_PERCENT} % of the period so the lanes have the rest to decide and vote before
 * the frame's deadline (the next frame's start).
 */
final class WallClock {
    /** Share of the frame period given to the exchange rounds, percent. */
    static final int ROUND_SHARE_PERCENT = 70;

    private final long startNs;
    private final long periodNs;
    private final long roundBudgetNs;

    WallClock(final long startNs, final double frameRateHz, final int rounds) {
        this.startNs = startNs;
        this.periodNs = Math.round(1e9 / frameRateHz);
        this.roundBudgetNs = periodNs * ROUND_SHARE_PERCENT / 100 / Math.max(1, rounds);
    }

    long periodNs() {
        return periodNs;
    }

    long roundBudgetNs() {
        return roundBudgetNs;
    }

    long frameStart(final long frame) {
        return startNs + frame * periodNs;
    }

    long roundDeadline(final long frame, final int round) {
        return frameStart(frame) + round * roundBudgetNs;
    }

    long frameDeadline(final long frame) {
        return frameStart(frame + 1);
    }

    /** Sleeps until {@code deadlineNs} (returns at once when it has passed). */
    static void sleepUntil(final long deadlineNs) {
        for (long left = deadlineNs - System.nanoTime(); left > 0; left = deadlineNs - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
