package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane the rig does not start ({@code --external-lane 3}) takes part when it follows the documented ports: here a
 * {@code bftvote-sim lane} process started by the test itself, as a board would be, on port {@code P + 3}, sending to
 * its bus port {@code P + n + 1 + 3}, with the rig on {@code P + n}. The rig waits for its HELLO, synchronises it with
 * the others, sends it its sensor samples and judges its outputs like any lane's.
 */
class RigExternalLaneTest {
    @TempDir
    Path temp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aLaneStartedOutsideTheRigOnTheDocumentedPortsTakesPart() throws Exception {
        final Scenario loaded = new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles()))
            .load(RigProcessTest.scenarioFile("rig-quad-nominal"));
        final Scenario scenario = loaded.withRun(loaded.seed(), 500 / loaded.platform().frameRate());
        final int n = 4;
        final int base = freePortBase(2 * n + 1);
        final String id = "test-" + UUID.randomUUID();
        final Process board = startLane(base, n, 3, id);
        try {
            final RigSettings settings = new RigSettings(RepoFiles.profiles(), temp.resolve("out"), 100.0, base,
                Set.of(3), 5_000, 50, List.of(), 0, 0, RigSettings.LANE_JAVA_OPTIONS, id, RigProcessTest.RT_PRIORITY,
                null);
            final StringWriter text = new StringWriter();
            final ProcessRun.Result result = ProcessRun.execute(scenario, settings, List.of(),
                new PrintWriter(text, true));
            System.out.println(text);
            final ProcessOutcome o = result.outcome();
            assertEquals(500, o.framesFinalized);
            assertEquals(base + n, o.controlPort);
            assertEquals(base + n + 1 + 3, o.busPorts[3]);
            assertEquals(0, ProcessReport.withinHypothesis(result.metrics()));
            assertTrue(o.latency[3].count() >= 450, "the external lane's outputs were judged: " + o.latency[3].count());
            assertTrue(board.waitFor(30, TimeUnit.SECONDS), "the external lane ended after the session");
            assertEquals(0, board.exitValue());
            assertNotNull(o.reports[3], "it reported");
        } finally {
            board.destroyForcibly();
        }
    }

    private Process startLane(final int base, final int n, final int lane, final String id) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(RigSettings.LANE_JAVA_OPTIONS);
        command.add("-D" + LaneProcesses.SESSION_PROPERTY + "=" + id);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")), "org.bftvote.sim.cli.BftvoteSim", "lane",
            "--profiles", RepoFiles.profiles().toString(), "--platform", "quad-fcc-afdx", "--index",
            Integer.toString(lane), "--port", Integer.toString(base + lane), "--rig", Integer.toString(base + n),
            "--bus-port", Integer.toString(base + n + 1 + lane), "--link-ports",
            (base + n + 1) + "," + (base + n + 2) + "," + (base + n + 3) + "," + (base + n + 4), "--frame-rate", "100",
            "--rt-priority", Integer.toString(RigProcessTest.RT_PRIORITY)));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(temp.resolve("board.log").toFile()).start();
    }

    /** A base port whose next {@code count} ports on 127.0.0.1 are free now (found from an ephemeral bind). */
    private static int freePortBase(final int count) throws IOException {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            final int base;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                base = probe.getLocalPort();
            }
            if (base + count > 65_535) {
                continue;
            }
            final List<DatagramSocket> held = new ArrayList<>();
            boolean free = true;
            try {
                for (int p = base; p < base + count && free; p++) {
                    try {
                        held.add(new DatagramSocket(new InetSocketAddress(loopback, p)));
                    } catch (final IOException busy) {
                        free = false;
                    }
                }
            } finally {
                for (final DatagramSocket s : held) {
                    s.close();
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no block of " + count + " free ports found");
    }
}
