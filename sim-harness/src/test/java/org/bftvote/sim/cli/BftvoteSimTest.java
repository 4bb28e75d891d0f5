package org.bftvote.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.execution.RunOutcome;
import org.bftvote.sim.execution.RunRequest;
import org.bftvote.sim.execution.ScenarioRunner;
import org.bftvote.sim.profile.RepoFiles;
import org.bftvote.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The command line, run in-process with captured output.
 */
class BftvoteSimTest {
    @TempDir
    Path dir;

    /** Output of one execution. */
    private record Result(int exitCode, String out, String err) {
    }

    private static Result execute(final ScenarioRunner runner, final String... args) {
        final CommandLine commandLine = BftvoteSim.commandLine(runner);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static Result execute(final String... args) {
        final List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help") && !all.contains("--version") && all.size() > 1) {
            all.add("--profiles");
            all.add(RepoFiles.profiles().toString());
            all.add("--scenarios");
            all.add(RepoFiles.scenarios().toString());
        }
        return execute(new UnwiredScenarioRunner(), all.toArray(new String[0]));
    }

    private static void assertNoStackTrace(final Result result) {
        assertFalse(result.err().contains("\tat ") || result.err().contains("Exception"), result.err());
    }

    @Test
    void profilesListShowsEveryKind() {
        final Result result = execute("profiles", "list");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("bus       afdx "), result.out());
        assertTrue(result.out().contains("sensor    mems-rate-gyro "), result.out());
        assertTrue(result.out().contains("platform  triplex-777-pfc "), result.out());
        assertEquals("", result.err());
    }

    @Test
    void profilesValidateAllIsQuietAndSucceeds() {
        final Result result = execute("profiles", "validate");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("8 bus, 6 sensor and 2 platform profile(s) valid"), result.out());
    }

    @Test
    void profilesValidateNamedFiles() {
        final Result result = execute("profiles", "validate",
            RepoFiles.profiles().resolve("buses/afdx.yaml").toString(),
            RepoFiles.profiles().resolve("platforms/quad-fcc-afdx.yaml").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("(bus)") && result.out().contains("(platform)"), result.out());
    }

    @Test
    void profilesValidateBadFileExitsTwoWithMessageAndNoStackTrace() throws Exception {
        final Path bad = dir.resolve("afdx.yaml");
        Files.copy(RepoFiles.profiles().resolve("buses/afdx.yaml"), bad);
        final int line = RepoFiles.replace(bad, "probability: 1.0e-6", "probability: 7");
        final Result result = execute("profiles", "validate", bad.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(":" + line + ": field 'loss.probability': value 7.0 is out of range"),
            result.err());
        assertNoStackTrace(result);
    }

    @Test
    void brokenProfilesDirectoryMakesListExitTwo() throws Exception {
        RepoFiles.copyTree(RepoFiles.profiles(), dir);
        RepoFiles.replace(dir.resolve("sensors/aoa-vane.yaml"), "output_unit: deg", "output_unit: furlong");
        final Result result = execute(new UnwiredScenarioRunner(), "profiles", "list", "--profiles", dir.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("aoa-vane.yaml:") && result.err().contains("unit 'furlong'"), result.err());
        assertTrue(result.out().contains("mems-rate-gyro"), "valid profiles are still listed");
        assertNoStackTrace(result);
    }

    @Test
    void scenariosListMarksTheDefault() {
        final Result result = execute("scenarios", "list");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("nominal-triplex"), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.contains("aoa-bias-triplex") && l.contains("(default)")),
            result.out());
        assertTrue(result.out().contains("two-faced-lane-quad"), result.out());
    }

    @Test
    void scenariosValidateAll() {
        final Result result = execute("scenarios", "validate");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(14, result.out().lines().filter(l -> l.startsWith("ok: ")).count(), result.out());
    }

    @Test
    void helpOnEveryCommand() {
        for (final String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
            new String[] {"profiles", "--help"}, new String[] {"profiles", "list", "--help"},
            new String[] {"profiles", "validate", "--help"}, new String[] {"scenarios", "list", "--help"})) {
            final Result result = execute(new UnwiredScenarioRunner(), args);
            assertEquals(0, result.exitCode(), String.join(" ", args));
            assertTrue(result.out().startsWith("Usage: bftvote-sim"), result.out());
        }
        final Result top = execute(new UnwiredScenarioRunner(), "--help");
        assertTrue(top.out().contains("Exit codes:"), top.out());
    }

    @Test
    void versionIsPrinted() {
        final Result result = execute(new UnwiredScenarioRunner(), "--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("bftvote-sim "), result.out());
        assertTrue(result.out().contains("bftvote-core " + org.bftvote.Bftvote.version()), result.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, execute(new UnwiredScenarioRunner(), "--no-such-option").exitCode());
        assertEquals(2, execute(new UnwiredScenarioRunner(), "profiles").exitCode());
        assertEquals(2, execute("run", "--seed", "abc").exitCode());
        final Result negative = execute("run", "--duration", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--duration must be a positive number"), negative.err());
    }

    @Test
    void rigProcessesRefuseTheSameConnectionValuesWithTheSameMessage() {
        final String scenario = RepoFiles.scenarios().resolve("nominal-triplex.yaml").toString();
        final String[][] commands = {
            {"lane", "--platform", "triplex-777-pfc", "--index", "0", "--bus-port", "5000", "--link-ports", "1,2,3"},
            {"relay", "--scenario", scenario, "--seed", "1", "--duration", "1"},
        };
        for (final String[] command : commands) {
            final List<String> base = List.of(command);
            final Result port = execute(with(base, "--rig", "0"));
            assertEquals(2, port.exitCode(), port.err());
            assertTrue(port.err().contains("--rig must be a port in 1..65535, got 0"), port.err());
            final Result priority = execute(with(base, "--rig", "4000", "--rt-priority", "100"));
            assertEquals(2, priority.exitCode(), priority.err());
            assertTrue(priority.err().contains("--rt-priority must be in 0..99, got 100"), priority.err());
            assertNoStackTrace(priority);
        }
    }

    private static String[] with(final List<String> base, final String... more) {
        final List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void runWithoutScenarioRunsTheDefault() {
        final List<Scenario> seen = new ArrayList<>();
        final Result result = execute(request -> {
            seen.add(request.scenario());
            return RunOutcome.PASSED;
        }, "run", "--profiles", RepoFiles.profiles().toString(), "--scenarios", RepoFiles.scenarios().toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("aoa-bias-triplex", seen.get(0).name());
    }

    @Test
    void runAppliesSeedDurationAndOutput() {
        final List<RunRequest> seen = new ArrayList<>();
        final Result result = execute(request -> {
            seen.add(request);
            return RunOutcome.EXPECTATIONS_NOT_MET;
        }, "run", "hard-over", "--seed", "42", "--duration", "3.5", "--out", dir.toString(), "--profiles",
            RepoFiles.profiles().toString(), "--scenarios", RepoFiles.scenarios().toString());
        assertEquals(1, result.exitCode(), "expectations not met is exit code 1");
        assertEquals(42L, seen.get(0).scenario().seed());
        assertEquals(3.5, seen.get(0).scenario().durationSeconds());
        assertEquals(dir, seen.get(0).outputDir());
    }

    @Test
    void runByPath() {
        final Result result = execute("run", RepoFiles.scenarios().resolve("burst-loss-one-bus.yaml").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("scenario 'burst-loss-one-bus' is valid"), result.out());
        assertTrue(result.out().contains("not wired"), result.out());
    }

    @Test
    void runOfABadScenarioExitsTwoWithTheMessage() throws Exception {
        final Path bad = dir.resolve("hard-over.yaml");
        Files.copy(RepoFiles.scenarios().resolve("hard-over.yaml"), bad);
        final int line = RepoFiles.replace(bad, "mode: hard_over", "mode: hard_under");
        final Result result = execute("run", bad.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(":" + line + ": field 'faults[0].mode': 'hard_under' is not allowed"),
            result.err());
        assertNoStackTrace(result);
    }

    @Test
    void reliabilityOfAnUnknownScenarioOrPlatformNamesBoth() {
        final Result result = execute("reliability", "no-such-thing");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("'no-such-thing' is neither a scenario nor a platform (platforms: "),
            result.err());
        assertTrue(result.err().contains("triplex-777-pfc") && result.err().contains("hard-over"), result.err());
        assertNoStackTrace(result);
    }

    @Test
    void runOfAnUnknownScenarioExitsTwo() {
        final Result result = execute("run", "no-such-scenario");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("no-such-scenario: no such file, nor a scenario of that name in "),
            result.err());
        assertNoStackTrace(result);
    }

    @Test
    void runnerFailureIsExitThreeWithoutStackTrace() {
        final Result result = execute(request -> {
            throw new java.io.IOException("disk full");
        }, "run", "--profiles", RepoFiles.profiles().toString(), "--scenarios", RepoFiles.scenarios().toString());
        assertEquals(3, result.exitCode());
        assertEquals("error: disk full", result.err().trim());
    }
}
