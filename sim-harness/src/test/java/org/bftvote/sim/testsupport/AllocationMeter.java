package org.bftvote.sim.testsupport;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates, through
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (which itself allocates nothing on JDK 17):
 * the harness's allocation proofs, with the same rule as the library's.
 *
 * <p>Use: {@code long bytes = AllocationMeter.measure(() -> loop)} and assert it is 0.
 */
public final class AllocationMeter {
    /** Frames every allocation proof runs after warming up. */
    public static final int PROOF_FRAMES = 1_000_000;
    /** Measured runs at most; see {@link #measure}. */
    public static final int MEASURED_RUNS = 3;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** A loop to measure; takes nothing and returns nothing so the lambda itself is captured once. */
    @FunctionalInterface
    public interface Loop {
        /** Runs the measured work. */
        void run();
    }

    /**
     * Runs {@code loop} twice to warm it (so the JIT has compiled it and one-off class initialisation is done),
     * then measures it; if that run allocated anything it is measured again, up to {@value #MEASURED_RUNS} runs in
     * all, and the last figure is returned.
     *
     * <p>Why more than one measured run: when HotSpot compiles or recompiles a method late (the compiler queue is
     * busy on a loaded machine) a few kilobytes are charged to the measured thread once — seen as 2,152 bytes in one
     * run of a million frames that measured 0 in every other. A real per-frame allocation cannot hide behind this:
     * over a million frames it allocates at least a million objects in every run, so no run measures 0.
     *
     * @param loop the work, typically {@value #PROOF_FRAMES} frames
     * @return bytes allocated by this thread during the last measured run
     */
    public static long measure(final Loop loop) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("thread allocation measurement is not available on this JVM");
        }
        loop.run();
        loop.run();
        long bytes = 0;
        for (int run = 0; run < MEASURED_RUNS; run++) {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            loop.run();
            bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (bytes == 0) {
                break;
            }
        }
        return bytes;
    }
}
