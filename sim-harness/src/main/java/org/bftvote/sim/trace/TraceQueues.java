package org.bftvote.sim.trace;

import java.nio.file.Path;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Opens the Chronicle queue behind a trace, always with the same settings: one roll cycle for the whole trace
 * (the queue's clock is pinned at 0, so the file name, {@code 19700101-F.cq4}, does not depend on the wall clock
 * and a long run never rolls over midnight) and Chronicle's usage analytics off.
 */
final class TraceQueues {
    static {
        // Chronicle reads these when its classes load: a trace never phones home, prints a banner, polls the disk
        // from a background thread or logs its timings below warnings (command output stays ours).
        setIfAbsent("chronicle.analytics.disable", "true");
        setIfAbsent("chronicle.announcer.disable", "true");
        setIfAbsent("chronicle.disk.monitor.disable", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.net.openhft", "warn");
    }

    private TraceQueues() {
    }

    private static void setIfAbsent(final String key, final String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * @param dir      the trace directory (created when writing)
     * @param readOnly whether to open it for reading only
     * @return the open queue; the caller closes it
     */
    static SingleChronicleQueue open(final Path dir, final boolean readOnly) {
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY)
            .timeProvider(new SetTimeProvider(0L))
            .readOnly(readOnly)
            .build();
    }
}
