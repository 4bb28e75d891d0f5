package org.bftvote.sim.results;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while running a loop, from
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (which allocates nothing on JDK 17).
 */
final class AllocationProbe {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationProbe() {
    }

    /** Work to measure. */
    @FunctionalInterface
    interface Loop {
        /** Runs the work. */
        void run();
    }

    /**
     * Runs the loop twice to warm it, then once while measuring.
     *
     * @param loop the work
     * @return bytes allocated by this thread in the measured run
     */
    static long measure(final Loop loop) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("thread allocation measurement is not available on this JVM");
        }
        loop.run();
        loop.run();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        loop.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
