package org.bftvote.sim.revote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.results.Json;
import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.execution.SimulationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay TRACE --config}: the lanes re-run from the messages they received give, with the recorded
 * configuration, the recorded run bit for bit (a Byzantine lane excluded by the agreed diagnosis included), and
 * with another configuration what a fresh run with that configuration gives.
 */
class TraceRevoteTest {
    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the command line with the shipped scenarios, and the shipped profiles unless {@code --profiles} given. */
    private static Result cli(final String... args) {
        final picocli.CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final java.io.StringWriter out = new java.io.StringWriter();
        final java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        final java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        if (!"replay".equals(args[0])) {
            if (!all.contains("--profiles")) {
                all.add("--profiles");
                all.add(RepoFiles.profiles().toString());
            }
            all.add("--scenarios");
            all.add(RepoFiles.scenarios().toString());
        }
        return new Result(commandLine.execute(all.toArray(new String[0])), out.toString(), err.toString());
    }

    private static Map<?, ?> summary(final Path dir) throws Exception {
        return (Map<?, ?>) Json.parse(Files.readString(dir.resolve("summary.json")));
    }

    @Test
    void reRunningTheRecordedConfigurationReproducesTheRunBitForBit() throws Exception {
        final Path live = tmp.resolve("live");
        final Path trace = tmp.resolve("trace");
        cli("run", "two-faced-lane-quad", "--duration", "6", "--out", live.toString(), "--trace",
            trace.toString());
        final Path same = Files.writeString(tmp.resolve("same.yaml"), "kind: channels\nsignals: {}\n");
        final Path again = tmp.resolve("again");
        final Result r = cli("replay", trace.toString(), "--config",
            same.toString(), "--out", again.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(live.resolve("frames.csv")), Files.readAllBytes(again.resolve(
            "frames.csv")), "every lane's outputs, statuses, health and lane exclusions, frame by frame");
        assertEquals(summary(live).get("exclusions"), summary(again).get("exclusions"));
        assertTrue(((Map<?, ?>) summary(again).get("exclusions")).get("total") instanceof Long n && n > 0);
        assertEquals(summary(live).get("faults"), summary(again).get("faults"));
    }

    @Test
    void aWhatIfEqualsAFreshRunWithThatConfiguration() throws Exception {
        final Path trace = tmp.resolve("trace");
        cli("run", "hard-over", "--duration", "11", "--out", tmp.resolve("live").toString(),
            "--trace", trace.toString());
        final Path profiles = tmp.resolve("hw-profiles");
        RepoFiles.copyTree(RepoFiles.profiles(), profiles);
        RepoFiles.replace(profiles.resolve("platforms/triplex-777-pfc.yaml"),
            "persistence: {kind: consecutive, frames: 5}", "persistence: {kind: consecutive, frames: 12}");
        final Path fresh = tmp.resolve("fresh");
        cli("run", "hard-over", "--duration", "11", "--profiles", profiles.toString(), "--out",
            fresh.toString());
        final Path whatIf = Files.writeString(tmp.resolve("whatif.yaml"),
            "kind: channels\nsignals:\n  pitch_rate: {persistence: {consecutive: 12}}\n");
        final Path out = tmp.resolve("whatif");
        final Result r = cli("replay", trace.toString(), "--config",
            whatIf.toString(), "--against", Files.writeString(tmp.resolve("base.yaml"),
                "kind: channels\nsignals: {}\n").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(fresh.resolve("frames.csv")), Files.readAllBytes(out.resolve(
            "frames.csv")));
        assertEquals(summary(fresh).get("faults"), summary(out).get("faults"));
        // the base configuration excludes the hard-over gyro at frame 1005 (5 frames), the tried one at 1012 (12)
        assertTrue(r.out().contains("first frame that differs: 1005"), r.out());
        assertTrue(r.out().contains("lane 0 excludes pitch_rate channel 1: at 10.0500 s (frame 1005, out_of_range) "
            + "-> at 10.1200 s (frame 1012, out_of_range)"), r.out());
        assertTrue(r.out().contains("fault gyro-c-hard-over detection: 0.0500 s -> 0.1200 s"), r.out());
        assertTrue(Files.readString(out.resolve("diff.csv")).startsWith("decision,base,candidate\n"));
        // the overlay: only the signal whose outputs or health differ, a real image
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            assertEquals(java.util.List.of("overlay-pitch_rate.png"), files.map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("overlay-")).sorted().toList());
        }
        final java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.resolve("overlay-pitch_rate.png")
            .toFile());
        assertEquals(1400, image.getWidth());
    }

    @Test
    void twoEqualConfigurationsDrawNoOverlay() throws Exception {
        final Path trace = tmp.resolve("trace");
        cli("run", "hard-over", "--duration", "2", "--out", tmp.resolve("live").toString(), "--trace",
            trace.toString());
        final Path same = Files.writeString(tmp.resolve("same.yaml"), "kind: channels\nsignals: {}\n");
        final Path out = tmp.resolve("o");
        final Result r = cli("replay", trace.toString(), "--config", same.toString(), "--against", same.toString(),
            "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("the two configurations decide alike in every frame"), r.out());
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("overlay-")));
        }
    }

    @Test
    void aTraceWithoutMessagesIsReplayedButNotReRun() throws Exception {
        final Path trace = tmp.resolve("old");
        try (org.bftvote.sim.trace.TraceRecorder recorder = org.bftvote.sim.trace.TraceRecorder.open(trace,
            org.bftvote.sim.run.RunDescriptor.builder().scenario("s").platform("p").frameRateHz(10).lanes(3)
                .signal("x", "m").durationFrames(1).build())) {
            recorder.finish();
        }
        final Result r = cli("replay", trace.toString(), "--config",
            Files.writeString(tmp.resolve("c.yaml"), "kind: channels\nsignals: {}\n").toString(), "--out",
            tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("holds no recorded configuration and exchange messages"), r.err());
    }

    @Test
    void aTraceInWhichALaneComputerStoppedIsReplayedButNotReRun() throws Exception {
        final Path live = tmp.resolve("live");
        final Path trace = tmp.resolve("trace");
        assertEquals(0, cli("run", "lane-stall-quad", "--duration", "10.5", "--out", live.toString(), "--trace",
            trace.toString()).exitCode());
        final Result refused = cli("replay", trace.toString(), "--config",
            Files.writeString(tmp.resolve("c.yaml"), "kind: channels\nsignals: {}\n").toString(), "--out",
            tmp.resolve("o").toString());
        assertEquals(2, refused.exitCode());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("fault lane-c-short-stall (stall of lane C at frame 800) stops a lane's "
            + "computer, and a re-run cannot stall or restart lanes as the run did: replay the trace without "
            + "--config"), refused.err());
        final Path replayed = tmp.resolve("replayed");
        assertEquals(0, cli("replay", trace.toString(), "--out", replayed.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(live.resolve("frames.csv")), Files.readAllBytes(replayed.resolve(
            "frames.csv")), "a plain replay shows the stalled lane's frames as they were run");
    }
}
