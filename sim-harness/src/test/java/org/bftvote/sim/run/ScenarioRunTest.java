package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.results.FaultOutcome;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * Every shipped scenario runs to the end through {@code bftvote-sim run} and meets its expectations; the
 * simulation's own guarantees hold in every one of them; runs are reproducible.
 */
class ScenarioRunTest {
    private static final List<String> SCENARIOS = List.of("aoa-bias-triplex", "nominal-triplex", "hard-over",
        "two-frozen-same-value", "intermittent-spikes", "two-faced-lane-quad", "burst-loss-one-bus",
        "two-sequential-faults-quad-to-duplex", "beyond-fault-hypothesis", "sensor-bus-corruption-triplex",
        "sts124-double-fault-quad", "lane-reboot-quad", "lane-stall-quad", "all-lanes-upset");
    /** Scenarios whose faults stay within the platform's hypothesis in every frame. */
    private static final List<String> WITHIN_HYPOTHESIS = List.of("aoa-bias-triplex", "hard-over",
        "two-faced-lane-quad", "burst-loss-one-bus", "two-sequential-faults-quad-to-duplex", "lane-reboot-quad",
        "lane-stall-quad");
    /** Scenarios in which a lane computer stops and comes back: it syncs, divergence within the hypothesis. */
    private static final List<String> LANE_COMES_BACK = List.of("lane-reboot-quad", "lane-stall-quad");
    /** Frames of the allocation proof, as for every hot-path class of the project. */
    private static final int PROOF_ATTEMPTS = 3;
    private static final int PROOF_FRAMES = 1_000_000;
    private static final int WARM_UP_FRAMES = 100_000;
    private static final int WINDOW_FRAMES = 20_000;
    private static final int MAX_QUIET_WINDOWS = 20;

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Result cli(final String... args) {
        return cli(true, args);
    }

    static Result cli(final boolean locations, final String... args) {
        final CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final List<String> all = new ArrayList<>(List.of(args));
        if (locations) {
            all.add("--profiles");
            all.add(RepoFiles.profiles().toString());
            all.add("--scenarios");
            all.add(RepoFiles.root().resolve("sim-harness/scenarios").toString());
        }
        return new Result(commandLine.execute(all.toArray(new String[0])), out.toString(), err.toString());
    }

    static Stream<String> scenarios() {
        return SCENARIOS.stream();
    }

    static Scenario load(final String name) throws Exception {
        return new ScenarioLoader(ProfileCatalog.load(RepoFiles.profiles()))
            .load(RepoFiles.root().resolve("sim-harness/scenarios/" + name + ".yaml"));
    }

    @Tag("SIM-2")
    @ParameterizedTest
    @MethodSource("scenarios")
    void shippedScenarioMeetsItsExpectations(final String name) throws Exception {
        final Path dir = temp.resolve(name);
        final Result r = cli("run", name, "--out", dir.toString());
        assertEquals(0, r.exitCode(), name + ":\n" + r.out() + r.err());
        assertTrue(r.out().contains("expectations: PASSED"), r.out());
        assertTrue(r.out().endsWith("summary: " + dir.resolve("summary.json") + System.lineSeparator()), r.out());
        assertTrue(Files.size(dir.resolve("frames.csv")) > 0);
        assertTrue(Files.size(dir.resolve("summary.json")) > 0);
        assertTrue(Files.exists(dir.resolve("signal-pitch_rate.png")));
        assertTrue(Files.exists(dir.resolve("health-pitch_rate.png")));
    }

    /**
     * In every shipped scenario: within the hypothesis, healthy lanes disagree only while they recover from frames
     * beyond it (or while a lane that came back takes the agreed state), never longer than the lanes' recovery bound,
     * and never without a flag: no frame of undetected divergence in any of them.
     */
    @Tag("SIM-2")
    @Tag("RCV-1")
    @Tag("RCV-2")
    @ParameterizedTest
    @MethodSource("scenarios")
    void agreementHoldsWheneverTheHypothesisHolds(final String name) throws Exception {
        final RunMetrics metrics = run(load(name));
        assertEquals(0, metrics.undetectedDivergenceFrames(), name + ": healthy lanes differed and no lane flagged it");
        assertTrue(metrics.maxRecoveryFrames() <= metrics.descriptor().recoveryBoundFrames(),
            name + ": healthy lanes apart for " + metrics.maxRecoveryFrames() + " frames within the hypothesis, bound "
                + metrics.descriptor().recoveryBoundFrames());
        if (!metrics.hypothesisExceeded() && !LANE_COMES_BACK.contains(name)) {
            assertEquals(0, metrics.agreementViolationFrames(), name + ": agreement violated within the hypothesis");
        }
        if (WITHIN_HYPOTHESIS.contains(name)) {
            assertFalse(metrics.hypothesisExceeded(), name);
            assertEquals(0, metrics.validityViolationFrames(), name + ": an output left the healthy readings");
            assertEquals(0, metrics.falseExclusions(), name + ": a healthy unit was excluded");
        }
    }

    /**
     * The STS-124 pattern through the whole harness: lane D splits 2-1-1 and is excluded, then lane C lies beyond the
     * hypothesis; every divergence is flagged by both healthy lanes within two frames, and they are bit-identical
     * again within the bound and at the end.
     */
    @Tag("RCV-3")
    @Test
    void theSts124PatternIsFlaggedAtOnceAndHealsWithinTheBound() throws Exception {
        final RunMetrics m = run(load("sts124-double-fault-quad"));
        assertTrue(m.hypothesisExceeded(), "C's lie with D out is beyond OM(1) on four lanes");
        assertTrue(m.divergenceEpisodes() > 0, "the healthy lanes diverge");
        assertEquals(m.divergenceEpisodes(), m.episodesFlaggedEverywhere(), "every episode flagged on A and B");
        assertTrue(m.maxFlagLatencyFrames() <= 2, "flagged after " + m.maxFlagLatencyFrames() + " frames");
        assertEquals(0, m.undetectedDivergenceFrames());
        assertTrue(m.maxRecoveryFrames() <= m.descriptor().recoveryBoundFrames(), m.maxRecoveryFrames() + " frames");
        assertFalse(m.divergedAtLastFrame(), "A and B identical at the end");
    }

    /** A bus fault is listed with the run's faults, as a fault with no unit to isolate. */
    @Test
    void theBusFaultIsListedWithNoUnit() throws Exception {
        final RunMetrics metrics = run(load("burst-loss-one-bus"));
        final FaultOutcome bursts = metrics.faultOutcomes().get(0);
        assertEquals("afdx-a-bursts", bursts.fault().id());
        assertEquals("bus afdx network A", bursts.fault().target());
        assertEquals(FaultOutcome.Status.NO_UNIT, bursts.status());
        assertEquals(1, metrics.faultOutcomes().size());
    }

    @Tag("SIM-1")
    @Test
    void sameSeedGivesByteIdenticalSummaryAndCsvAndAnotherSeedDiffers() throws Exception {
        final Path a = temp.resolve("a");
        final Path b = temp.resolve("b");
        final Path c = temp.resolve("c");
        // 8 s of a longer scenario: its expectations still hold (availability is judged after start-up)
        assertEquals(0, cli("run", "two-faced-lane-quad", "--duration", "8", "--out", a.toString()).exitCode());
        assertEquals(0, cli("run", "two-faced-lane-quad", "--duration", "8", "--out", b.toString()).exitCode());
        cli("run", "two-faced-lane-quad", "--duration", "8", "--seed", "99", "--out", c.toString());
        for (final String file : List.of("summary.json", "frames.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
            assertFalse(Files.readString(a.resolve(file)).equals(Files.readString(c.resolve(file))), file);
        }
    }

    @Test
    void badScenarioExitsWithTwoNamingFileLineAndField() throws Exception {
        Files.createDirectories(temp.resolve("broken"));
        final Path bad = temp.resolve("broken/hard-over.yaml");
        Files.writeString(bad, Files.readString(RepoFiles.root().resolve("sim-harness/scenarios/hard-over.yaml"))
            .replace("platform: triplex-777-pfc", "platform: triplex-999"));
        final Result r = cli("run", bad.toString(), "--out", temp.resolve("bad").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("hard-over.yaml:") && r.err().contains("field 'platform'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(temp.resolve("bad")));
    }

    @Test
    void defaultOutputDirectoryIsNamedAfterScenarioAndSeed() {
        final Path dir = Path.of("sim-out", "aoa-bias-triplex-seed5");
        final Result r = cli("run", "--seed", "5", "--duration", "1");
        try {
            assertEquals(0 == r.exitCode() || 1 == r.exitCode(), true, r.err());
            assertTrue(Files.exists(dir.resolve("summary.json")), r.out());
            assertTrue(r.out().contains("scenario aoa-bias-triplex"), r.out());
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void demoPrintsTheTriplexFrameByFrame() {
        final Result r = cli(false, "demo");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("bftvote triplex demo"), r.out());
    }

    @Test
    void aMillionWarmedFramesAllocateNothing() throws Exception {
        // Bit errors on the sensor bus throughout, so that the measured frames include samples the bus loses.
        final Simulation simulation = new Simulation(QuadEightSignals.withNoisySensorBus(1e5));
        final FrameSample sample = new FrameSample(simulation.descriptor());
        simulation.observers(List.of(new RunMetrics(simulation.descriptor())));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        // Warm-up. Besides class loading, HotSpot's C2 resolves every string constant of a class (exception and
        // report texts never run) on the thread that asks it to compile one of the class's methods: a one-off of
        // a few hundred bytes per class, whose frame depends on the compiler queue. So warm until a whole window
        // allocates nothing.
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            simulation.step(sample);
        }
        final long[] windows = new long[MAX_QUIET_WINDOWS];
        int window = 0;
        long windowBytes = 1;
        while (windowBytes != 0 && window < windows.length) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < WINDOW_FRAMES; i++) {
                simulation.step(sample);
            }
            windowBytes = threads.getCurrentThreadAllocatedBytes() - before;
            windows[window++] = windowBytes;
        }
        assertEquals(0, windowBytes, "warm-up never went quiet: " + java.util.Arrays.toString(windows));
        // A compile request that comes late (a method that only gets hot after the quiet windows, which a loaded
        // machine delays) still costs its one-off; so the proof is one of up to three millions allocating nothing.
        // Allocation by the frame path itself, however rare, shows in every one of them.
        final long[] proofs = new long[PROOF_ATTEMPTS];
        long bytes = 1;
        for (int attempt = 0; attempt < PROOF_ATTEMPTS && bytes != 0; attempt++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PROOF_FRAMES; i++) {
                simulation.step(sample);
            }
            bytes = threads.getCurrentThreadAllocatedBytes() - before;
            proofs[attempt] = bytes;
        }
        assertEquals(0, bytes,
            "bytes over each " + PROOF_FRAMES + " warmed frames: " + java.util.Arrays.toString(proofs));
    }

    static RunMetrics run(final Scenario scenario) throws Exception {
        final Simulation simulation = new Simulation(scenario);
        final RunMetrics metrics = new RunMetrics(simulation.descriptor());
        simulation.observers(List.of(metrics));
        final FrameSample sample = new FrameSample(simulation.descriptor());
        while (simulation.frame() < simulation.descriptor().durationFrames()) {
            simulation.step(sample);
        }
        return metrics;
    }

    private static void deleteTree(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final java.io.IOException e) {
            // nothing to clean
        }
        dir.toFile().delete();
        dir.getParent().toFile().delete();
    }
}
