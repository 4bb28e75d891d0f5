package org.bftvote.sim.emulation;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread around a warmed loop (the harness's copy of the core test meter). */
final class Allocations {
    /** Frames each allocation proof runs. */
    static final int PROOF_FRAMES = 1_000_000;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** Runs the loop twice to warm it, then measures a third run. */
    static long measure(final Runnable loop) {
        loop.run();
        loop.run();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        loop.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Seeds for seeded cases, fixed so CI is reproducible. */
    static long[] seeds(final int count) {
        final java.util.SplittableRandom root = new java.util.SplittableRandom(0x5EED_E4A1L);
        final long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = root.nextLong();
        }
        return seeds;
    }
}
