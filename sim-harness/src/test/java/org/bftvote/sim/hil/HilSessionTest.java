package org.bftvote.sim.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code bftvote-sim hil}: a short loopback session with four OM(1) lanes each behind its own UDP socket completes
 * every frame and, when every message met its deadline, with the lanes bit-identical in every frame (and equal to
 * the in-memory simulation's); it reports latency percentiles and deadline misses (not asserted: the machine may be
 * loaded). Only 127.0.0.1 ports found
 * free by an ephemeral bind are used. The timeouts only bound a hang; the session stops itself.
 */
class HilSessionTest {
    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Result cli(final String... args) {
        final CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--profiles", RepoFiles.profiles().toString(), "--scenarios",
            RepoFiles.root().resolve("sim-harness/scenarios").toString()));
        return new Result(commandLine.execute(all.toArray(new String[0])), out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void udpLoopbackSessionOfFourOm1LanesAgreesEveryFrame() throws Exception {
        final int base = freePortBase(4);
        final Path dir = temp.resolve("hil");
        // quad OM(1) platform; 1.25 s of simulated time = 100 frames, paced at 50 Hz: 2 s of wall clock. The
        // scenario's two-faced fault starts at 5 s, beyond the session.
        final Result r = cli("hil", "two-faced-lane-quad", "--duration", "1.25", "--lanes-over", "udp",
            "--port-base", Integer.toString(base), "--frame-rate", "50", "--out", dir.toString());
        final String json = Files.readString(dir.resolve("hil.json"));
        assertTrue(json.contains("\"transport\": \"udp\""), json);
        assertTrue(json.contains("\"address\": \"127.0.0.1\""), json);
        assertTrue(json.contains("\"planned\": 100,\n    \"run\": 100,"), json);
        assertTrue(json.contains("\"frames_compared\": 100,"), json);
        assertTrue(json.contains("\"frames\": 400,"), json);                    // 4 lanes x 100 frames recorded
        assertTrue(json.contains("\"p99_9\": "), json);
        assertTrue(json.contains("\"rounds\": 2,"), json);
        // A stall of the machine beyond the round deadlines makes messages missing, which is a real timing fault
        // and may leave the lanes disagreeing (counted and reported). With every message in time they must agree.
        final boolean allInTime = json.contains("\"deadline_misses\": 0,\n  \"round_deadline_expiries\": 0,");
        final boolean allAgree = json.contains("\"frames_lanes_agree\": 100,");
        assertEquals(allAgree ? 0 : 1, r.exitCode(), r.out() + r.err());
        if (allInTime) {
            assertTrue(allAgree, r.out());
            assertTrue(json.contains("\"frames_matching_simulation\": 100"), json);
            assertTrue(r.out().contains("lanes bit-identical in 100 of 100 frames"), r.out());
        }
        System.out.print(r.out());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void inMemoryRealTimeSessionReportsLatency() throws Exception {
        final Path dir = temp.resolve("mem");
        final Result r = cli("hil", "hard-over", "--duration", "0.5", "--realtime", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        final String json = Files.readString(dir.resolve("hil.json"));
        assertTrue(json.contains("\"transport\": \"memory\""), json);
        assertTrue(json.contains("\"frames_compared\": 50,\n    \"frames_lanes_agree\": 50,"), json);
        assertTrue(r.out().contains("latency:  p50 "), r.out());
    }

    @Test
    void onlyProcessesAndUdpAreTransports() {
        final Result r = cli("hil", "hard-over", "--lanes-over", "tcp");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--lanes-over must be processes or udp, got tcp"), r.err());
    }

    /** A base port whose next {@code count} ports on 127.0.0.1 are free now (found from an ephemeral bind). */
    private static int freePortBase(final int count) throws IOException {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            final int base;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                base = probe.getLocalPort();
            }
            if (base + count - 1 > 65_535) {
                continue;
            }
            final List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    held.add(new DatagramSocket(new InetSocketAddress(loopback, base + i)));
                }
                return base;
            } catch (final IOException taken) {
                // try another base
            } finally {
                for (final DatagramSocket s : held) {
                    s.close();
                }
            }
        }
        fail("no " + count + " consecutive free UDP ports on 127.0.0.1");
        return -1;
    }
}
