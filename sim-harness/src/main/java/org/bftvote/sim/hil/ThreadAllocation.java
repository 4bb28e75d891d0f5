package org.bftvote.sim.hil;

import java.lang.management.ManagementFactory;

/** Bytes the current thread has allocated, from the JVM's per-thread counter (-1 where the JVM does not count). */
final class ThreadAllocation {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadAllocation() {
    }

    static long currentThreadBytes() {
        if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
            && sun.isThreadAllocatedMemoryEnabled()) {
            return sun.getCurrentThreadAllocatedBytes();
        }
        return -1L;
    }
}
