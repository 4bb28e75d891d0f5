package org.bftvote.testsupport;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates, through
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (which itself allocates nothing on JDK 17).
 *
 * <p>Use: warm the code path, then {@code long bytes = AllocationMeter.measure(() -> loop)} and assert it is 0.
 */
public final class AllocationMeter {
    /** Frames every allocation proof runs after warming up. */
    public static final int PROOF_FRAMES = 1_000_000;

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
     * then a third time while measuring.
     *
     * @param loop the work, typically a million frames
     * @return bytes allocated by this thread during the measured run
     */
    public static long measure(final Loop loop) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("thread allocation measurement is not available on this JVM");
        }
        loop.run();
        loop.run();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        loop.run();
        final long after = THREADS.getCurrentThreadAllocatedBytes();
        return after - before;
    }
}
