package org.bftvote.sim.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread under the real-time FIFO scheduling policy (Linux {@code SCHED_FIFO}), as a rig's lane
 * processes and relay are run on a dedicated machine: then a lane is not kept waiting by the other work of the host.
 * Uses {@code chrt -f -p PRIORITY TID} on the thread's own id ({@code /proc/thread-self}); needs the privilege to
 * (root, or {@code CAP_SYS_NICE}). The threads so promoted sleep between frames and busy-wait at most a fraction of
 * a millisecond, and the kernel's real-time throttling still leaves the rest of the machine a share of each core.
 */
final class Realtime {
    private Realtime() {
    }

    /**
     * Asks the kernel to wake the calling thread within a microsecond of the time it parks until, instead of the
     * default 50 µs timer slack ({@code /proc/thread-self/timerslack_ns}, Linux 4.6 and later; nothing elsewhere).
     *
     * @return whether it took
     */
    static boolean tightenTimerSlack() {
        try {
            Files.writeString(Path.of("/proc/thread-self/timerslack_ns"), "1000");
            return true;
        } catch (final IOException | RuntimeException e) {
            return false;
        }
    }

    /** Puts the calling thread back under the normal time-sharing policy (no effect if it was not promoted). */
    static void demoteCurrentThread() {
        run("-o", "0");
    }

    /**
     * @param priority 1 to 99; 0 does nothing
     * @return whether the thread now runs under SCHED_FIFO at that priority (false: not on Linux, or not allowed)
     */
    static boolean promoteCurrentThread(final int priority) {
        return priority > 0 && run("-f", Integer.toString(priority));
    }

    private static boolean run(final String policy, final String priority) {
        try {
            final Path self = Path.of("/proc/thread-self").toRealPath();
            final String tid = self.getFileName().toString();
            if (!Files.isDirectory(self) || !tid.chars().allMatch(Character::isDigit)) {
                return false;
            }
            final Process chrt = new ProcessBuilder("chrt", policy, "-p", priority, tid)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return chrt.waitFor(5, TimeUnit.SECONDS) && chrt.exitValue() == 0;
        } catch (final IOException | RuntimeException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
