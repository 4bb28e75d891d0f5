package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lane or relay process outlives its rig: a rig (its own JVM, as {@code bftvote-sim hil ... --lanes-over
 * processes} runs) interrupted like Ctrl-C does ({@code SIGINT}) ends every process it started through its shutdown
 * hook, and one killed outright ({@code SIGKILL}, no hook runs) leaves its lanes and relay to end by themselves when
 * the pipe the rig held as their standard input closes. Processes are found by the session marker on their command
 * line.
 */
class RigCleanupTest {
    @TempDir
    Path temp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void ctrlCOfTheRigEndsEveryLaneAndTheRelay() throws Exception {
        final String id = "cleanup-int-" + UUID.randomUUID();
        final Process rig = startRig(id);
        awaitProcesses(id, rig);
        signal(rig.pid(), "INT");
        assertTrue(rig.waitFor(60, TimeUnit.SECONDS), "the rig ends on SIGINT");
        awaitNoStrays(id, 10);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aRigKilledOutrightLeavesNoLaneRunning() throws Exception {
        final String id = "cleanup-kill-" + UUID.randomUUID();
        final Process rig = startRig(id);
        awaitProcesses(id, rig);
        rig.destroyForcibly();
        assertTrue(rig.waitFor(30, TimeUnit.SECONDS), "the rig is gone");
        awaitNoStrays(id, 10);
    }

    /** Starts a rig JVM running a long session (its lanes would run for minutes). */
    private Process startRig(final String id) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")), "org.bftvote.sim.cli.BftvoteSim", "hil",
            RigProcessTest.scenarioFile("rig-quad-nominal").toString(), "--lanes-over", "processes",
            "--frame-rate", "100", "--session-id", id, "--out", temp.resolve("out").toString(),
            "--profiles", RepoFiles.profiles().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(temp.resolve("rig.log").toFile()).start();
    }

    /** Waits until the rig has started its four lanes and its relay. */
    private static void awaitProcesses(final String id, final Process rig) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (LaneProcesses.strays(id).size() < 5) {
            if (!rig.isAlive() || System.nanoTime() > deadline) {
                fail("the rig did not start its lanes and relay (alive: " + rig.isAlive() + ", found "
                    + LaneProcesses.strays(id).size() + ")");
            }
            Thread.sleep(200);
        }
    }

    private static void awaitNoStrays(final String id, final int seconds) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!LaneProcesses.strays(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        final List<Long> left = LaneProcesses.strays(id);
        for (final long pid : left) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertEquals(List.of(), left, "processes of the session still running");
    }

    private static void signal(final long pid, final String signal) throws Exception {
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
    }
}
