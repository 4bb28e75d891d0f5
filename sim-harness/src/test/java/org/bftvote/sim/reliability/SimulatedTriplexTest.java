package org.bftvote.sim.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.emulation.RandomStreams;
import org.bftvote.sim.emulation.SimRandom;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The estimators on the simulator, on a triplex whose answer is known in closed form: one signal read by three
 * sensors whose only failure is a hard-over at 1e-3 per hour, ideal buses, a mid-value voter that isolates the first
 * failure and a fail-safe duplex that cannot vote after the second. The signal is lost exactly when two of the three
 * have failed within the flight, so P(loss of signal) = P(2 of 3 failed within t).
 */
class SimulatedTriplexTest {
    private static final double RATE = 1.0e-3;
    private static final double WARMUP = 1.0;
    private static final double SETTLE = 2.0;

    @TempDir
    Path temp;

    private static Scenario flight;
    private static FailureCatalog catalog;

    @BeforeAll
    static void load() throws Exception {
        flight = PlatformFlight.of(ProfileCatalog.load(profiles()).platform("triplex-test"));
        catalog = FailureCatalog.of(flight.platform());
    }

    static Path profiles() {
        return RepoFiles.root().resolve("sim-harness/src/test/resources/reliability-profiles");
    }

    private static SimulatorOracle oracle(final FailureCatalog c) {
        return new SimulatorOracle(flight, c, WARMUP, SETTLE, 1.0);
    }

    @Test
    void importanceSamplingOnTheSimulatorLandsWithinItsInterval() throws Exception {
        final double exact = Triplex.exact(1.0, RATE, RATE, RATE);
        final ImportanceResult r = new ImportanceSampling(catalog, oracle(catalog), 1.0, 3, 0.5, 11, 2)
            .run(90, i -> { });
        final Estimate e = r.estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(e.lower() <= exact && exact <= e.upper(), "exact " + exact + " outside " + e);
        assertTrue(e.relativeHalfWidth() < 0.05, e.toString());
        assertEquals(0, r.stratum(Condition.LOSS_OF_SIGNAL, 1).hits(), "one hard-over alone never loses the signal");
        assertTrue(r.cutSets(Condition.LOSS_OF_SIGNAL).get(0).getKey().matches(
            "[ABC]\\.position:hard_over \\+ [ABC]\\.position:hard_over"),
                r.cutSets(Condition.LOSS_OF_SIGNAL).toString());
    }

    @Test
    void stratifiedByClassOnTheSimulatorItLandsWithinItsInterval() throws Exception {
        final double exact = Triplex.exact(1.0, RATE, RATE, RATE);
        final ImportanceResult r = new ImportanceSampling(catalog, oracle(catalog), 1.0, 3, 0.5, 11, 2,
            List.of(Condition.values()), Stratification.CLASSES).run(90, i -> { });
        final Estimate e = r.estimate(Condition.LOSS_OF_SIGNAL);
        // Pairs are exact here (every pair loses the signal, each class's weight is its probability), so all the
        // spread is the triples' (forced transitions, ~1e-9 of the 3e-6): three standard errors, not the 95 % interval
        // whose width is some 1e-13, since a miss one time in twenty would say nothing about the classes.
        assertEquals(exact, e.value(), 3.0 * e.standardError(), e.toString());
        assertTrue(e.relativeHalfWidth() < 0.05, e.toString());
        assertEquals(0, r.stratum(Condition.LOSS_OF_SIGNAL, 1).hits(), "one hard-over alone never loses the signal");
        assertEquals(r.stratum(Condition.LOSS_OF_SIGNAL, 2).samples(), r.stratum(Condition.LOSS_OF_SIGNAL, 2).hits(),
            "every pair of hard-overs loses the signal");
    }

    @Test
    void plainMonteCarloAndImportanceSamplingAgreeAtInflatedRates() throws Exception {
        final double scale = 400.0;
        final double exact = Triplex.exact(1.0, RATE * scale, RATE * scale, RATE * scale);
        final FailureCatalog inflated = catalog.scaled(scale);
        final Estimate mc = PlainMonteCarlo.run(inflated, oracle(inflated), 1.0, 300, 5, 2, i -> { })
            .estimate(Condition.LOSS_OF_SIGNAL);
        final Estimate is = new ImportanceSampling(inflated, oracle(inflated), 1.0, 3, 0.5, 5, 2).run(90, i -> { })
            .estimate(Condition.LOSS_OF_SIGNAL);
        assertTrue(mc.lower() <= exact && exact <= mc.upper(), exact + " outside " + mc);
        assertTrue(is.lower() <= exact && exact <= is.upper(), exact + " outside " + is);
        assertTrue(mc.overlaps(is), mc + " vs " + is);
    }

    @Test
    void watchingOneConditionEndsWindowsEarlierAndChangesNoneOfItsOutcomes() throws Exception {
        // The early stop is unbiased only if every sample's indicator, first frame and cut set stay as they were.
        final SimulatorOracle all = oracle(catalog);
        final SimulatorOracle one = new SimulatorOracle(flight, catalog, WARMUP, SETTLE, 1.0,
            List.of(Condition.LOSS_OF_SIGNAL));
        final ForcedTransitions transitions = new ForcedTransitions(catalog, 1.0, 0.5);
        int shorter = 0;
        int shown = 0;
        for (int i = 0; i < 24; i++) {
            final SimRandom random = new RandomStreams(13).stream("early-stop." + i);
            final FaultSequence sequence = transitions.draw(1 + i % 3, random).sequence();
            final long seed = random.nextLong();
            final Outcome full = all.judge(sequence, seed);
            final Outcome early = one.judge(sequence, seed);
            final Condition c = Condition.LOSS_OF_SIGNAL;
            assertEquals(full.firstFrame(c), early.firstFrame(c), "sample " + i);
            assertEquals(full.signals(c), early.signals(c), "sample " + i);
            assertEquals(full.cutSet(c), early.cutSet(c), "sample " + i);
            assertTrue(early.frames() <= full.frames(), "sample " + i);
            shorter += early.frames() < full.frames() ? 1 : 0;
            shown += full.occurred(c) ? 1 : 0;
        }
        assertTrue(shown >= 8 && shorter >= shown, shown + " shown, " + shorter + " shorter");
    }

    @Test
    void oneConditionAskedForIsTheOnlyOneReported() throws Exception {
        final String out = run(temp.resolve("one-condition"), "2", "--condition", "loss_of_signal");
        assertTrue(out.contains("loss_of_signal ") && !out.contains("unsafe_output")
            && !out.contains("loss_of_agreement"), out);
        final String json = Files.readString(temp.resolve("one-condition").resolve(ReliabilityReport.JSON));
        assertTrue(json.contains("\"conditions\"") && !json.contains("unsafe_output"), json);
        final CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter stderr = new StringWriter();
        commandLine.setErr(new PrintWriter(stderr, true));
        assertEquals(2, commandLine.execute("reliability", "triplex-test", "--profiles", profiles().toString(),
            "--condition", "unsafe"));
        assertTrue(stderr.toString().contains("--condition must be loss_of_agreement, unsafe_output or "
            + "loss_of_signal, got 'unsafe'"), stderr.toString());
    }

    @Test
    void theMarkovModelWithSimulatorCoverageIsTheClosedForm() throws Exception {
        final List<CoverageModel.SignalCoverage> coverage = new CoverageModel(catalog, oracle(catalog), 3, 1, 7, 2)
            .measure(8, i -> { });
        final CoverageModel.SignalCoverage loss = coverage.stream()
            .filter(c -> c.condition() == Condition.LOSS_OF_SIGNAL).findFirst().orElseThrow();
        assertEquals(0, loss.hits()[0][0] + loss.hits()[0][1] + loss.hits()[0][2], "first failures are covered");
        for (int first = 0; first < 3; first++) {
            for (int second = 0; second < 3; second++) {
                if (first != second) {
                    assertEquals(loss.trials()[1 << first][second], loss.hits()[1 << first][second],
                        "a second failure loses the signal: " + first + " then " + second);
                }
            }
        }
        final double exact = Triplex.exact(1.0, RATE, RATE, RATE);
        assertEquals(exact, loss.model(0.95, 0).probability(1.0), exact * 1e-6);
    }

    @Test
    void theCommandWritesTheSameFilesOnOneOrTwoThreads() throws Exception {
        final String one = run(temp.resolve("one"), "1");
        final String two = run(temp.resolve("two"), "2");
        for (final String f : List.of(ReliabilityReport.JSON, ReliabilityReport.CUT_SETS,
            ReliabilityReport.CONVERGENCE)) {
            assertArrayEquals(Files.readAllBytes(temp.resolve("one").resolve(f)),
                Files.readAllBytes(temp.resolve("two").resolve(f)), f);
        }
        assertTrue(Files.size(temp.resolve("one").resolve(ReliabilityReport.PLOT)) > 10_000);
        assertTrue(one.contains("loss_of_signal") && one.contains("position:hard_over + "), one);
        assertTrue(two.contains("took "), two);
    }

    @Test
    void theChecksAgreeAndSayWhere() throws Exception {
        final String out = run(temp.resolve("checked"), "2", "--check", "--check-samples", "200",
            "--coverage-trials", "6");
        final List<String> rows = Files.readAllLines(temp.resolve("checked").resolve(ReliabilityReport.CHECKS));
        assertEquals(1 + 3 + 3, rows.size(), rows.toString());
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.endsWith(",true")), rows.toString());
        assertTrue(out.contains("checks: all agree within their intervals"), out);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("plain_monte_carlo,loss_of_signal,,0.0")), rows.toString());
    }

    @Test
    void zeroBackgroundHoursSaysTheBusesAloneWereNotEstimatedInsteadOfAnInfiniteBound() throws Exception {
        final Path dir = temp.resolve("no-background");
        final String out = runWithBackground(dir, "1", "0", "--condition", "loss_of_signal");
        assertTrue(out.matches("(?s).*\n  buses alone +not estimated \\(--background-hours 0\\): the figure above"
            + " leaves out the buses' effect alone\n.*"), out);
        assertTrue(!out.contains("Infinity") && !out.contains("sum of both"), out);
        final String json = Files.readString(dir.resolve(ReliabilityReport.JSON));
        assertTrue(json.contains("\"buses_alone\": null") && json.contains("\"sum_with_buses_alone\": null"), json);
        assertTrue(run(temp.resolve("background"), "1", "--condition", "loss_of_signal")
            .contains("  sum of both"),
            "with fault-free hours the sum is shown");
    }

    @Test
    void theChecksAgreeStratifiedByClassAndTheFilesSaySo() throws Exception {
        final String out = run(temp.resolve("classes"), "2", "--stratify", "classes", "--check", "--check-samples",
            "200", "--coverage-trials", "6");
        final List<String> rows = Files.readAllLines(temp.resolve("classes").resolve(ReliabilityReport.CHECKS));
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.endsWith(",true")), rows.toString());
        assertTrue(out.contains("strata by fault class") && out.contains("checks: all agree within their intervals"),
            out);
        final String json = Files.readString(temp.resolve("classes").resolve(ReliabilityReport.JSON));
        assertTrue(json.contains("\"stratification\": \"classes\"") && json.contains("\"classes\": [")
            && json.contains("two sensors of position, rarer mode sensor hard_over"), json);
        final CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter stderr = new StringWriter();
        commandLine.setErr(new PrintWriter(stderr, true));
        assertEquals(2, commandLine.execute("reliability", "triplex-test", "--profiles", profiles().toString(),
            "--stratify", "modes"));
        assertTrue(stderr.toString().contains("--stratify must be count or classes, got 'modes'"), stderr.toString());
    }

    private String run(final Path out, final String threads, final String... more) {
        return runWithBackground(out, threads, "0.01", more);
    }

    private String runWithBackground(final Path out, final String threads, final String backgroundHours,
        final String... more) {
        final CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter stdout = new StringWriter();
        final StringWriter stderr = new StringWriter();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        final List<String> args = new ArrayList<>(List.of("reliability", "triplex-test", "--profiles",
            profiles().toString(), "--samples", "60", "--warmup", "1", "--settle", "2", "--background-hours",
            backgroundHours, "--threads", threads, "--out", out.toString()));
        args.addAll(List.of(more));
        final int code = commandLine.execute(args.toArray(new String[0]));
        assertEquals(0, code, stderr.toString());
        return stdout.toString();
    }
}
