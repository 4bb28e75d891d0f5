package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error the command line gives is one line that says what is wrong, where and why, with no Java class or
 * exception name, and a refused run writes nothing. One test per way a new user was let down.
 */
class CommandErrorsTest {
    /** A Java class or exception name, e.g. MalformedInputException, java.io.IOException, NoSuchFileException. */
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Z][a-z]+(Exception|Error)\\b|java\\.[a-z]+\\.");

    @TempDir
    Path temp;

    private static void assertOneLineWithoutJavaNames(final ScenarioRunTest.Result result) {
        final String err = result.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertFalse(JAVA_NAME.matcher(err).find(), err);
    }

    @Test
    void anOutputDirectoryThatCannotBeMadeSaysWhy() throws Exception {
        final Path file = Files.writeString(temp.resolve("a-file"), "x");
        final ScenarioRunTest.Result r = ScenarioRunTest.cli("run", "hard-over", "--duration", "0.1", "--out",
            file.resolve("out").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertOneLineWithoutJavaNames(r);
        assertTrue(r.err().startsWith("error: " + file), r.err());                // the path ...
        assertTrue(r.err().strip().length() > ("error: " + file.resolve("out")).length() + 2, r.err());  // ... and why
    }

    @Test
    void aScenarioThatIsNotTextSaysSoWithoutTheDecoderName() throws Exception {
        final Path binary = temp.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x00, 0x41});
        final ScenarioRunTest.Result r = ScenarioRunTest.cli("run", binary.toString());
        assertEquals(2, r.exitCode());
        assertOneLineWithoutJavaNames(r);
        assertTrue(r.err().startsWith(binary + ": cannot read file: not UTF-8 text"), r.err());
    }

    @Test
    void aProfileFileThatCannotBeReadIsNamedWithoutALineNumber() throws Exception {
        final Path missing = temp.resolve("missing.yaml");
        final ScenarioRunTest.Result r = ScenarioRunTest.cli("profiles", "validate", missing.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertOneLineWithoutJavaNames(r);
        assertEquals(missing + ": cannot read file: no such file or directory", r.err().strip());
        final Path directory = Files.createDirectories(temp.resolve("dir.yaml"));
        final ScenarioRunTest.Result dir = ScenarioRunTest.cli("profiles", "validate", directory.toString());
        assertEquals(directory + ": cannot read file: is a directory", dir.err().strip());
    }

    @Test
    void aScenarioPathThatIsADirectoryOrMissingBlamesThePathNotTheScenariosFolder() throws Exception {
        final Path directory = Files.createDirectories(temp.resolve("dir.yaml"));
        final ScenarioRunTest.Result dir = ScenarioRunTest.cli("run", directory.toString());
        assertEquals(2, dir.exitCode());
        assertOneLineWithoutJavaNames(dir);
        assertEquals(directory + ": is a directory, not a scenario file", dir.err().strip());

        final Path missing = temp.resolve("missing.yaml");
        final ScenarioRunTest.Result none = ScenarioRunTest.cli("run", missing.toString());
        assertEquals(2, none.exitCode());
        assertEquals(missing + ": no such file", none.err().strip());
    }

    @Test
    void aBoundOfGreaterThanZeroIsNeverShownAsTheSmallestDouble() throws Exception {
        final Path profiles = copyOfProfiles();
        final Path platform = profiles.resolve("platforms/triplex-777-pfc.yaml");
        Files.writeString(platform, Files.readString(platform).replaceFirst("(?m)^frame_rate: .*$",
            "frame_rate: {value: 0, unit: Hz}"));
        final ScenarioRunTest.Result r = ScenarioRunTest.cli(false, "profiles", "validate", "--profiles",
            profiles.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("field 'frame_rate': value 0.0 Hz is out of range (expected > 0 Hz)"), r.err());
        assertFalse(r.err().contains("E-324"), r.err());
    }

    @Test
    void profilesValidateRefusesAFrameRateThatRunWouldRefuse() throws Exception {
        final Path profiles = copyOfProfiles();
        final Path platform = profiles.resolve("platforms/triplex-777-pfc.yaml");
        Files.writeString(platform, Files.readString(platform).replaceFirst("(?m)^frame_rate: .*$",
            "frame_rate: {value: 1e9, unit: Hz}"));
        final ScenarioRunTest.Result validate = ScenarioRunTest.cli(false, "profiles", "validate", "--profiles",
            profiles.toString());
        assertEquals(2, validate.exitCode());
        assertOneLineWithoutJavaNames(validate);
        assertTrue(validate.err().contains("triplex-777-pfc.yaml: field 'frame_rate': frame_rate 1000000000 Hz and "
            + "sensor '"), validate.err());
        assertFalse(validate.err().contains("updateDivider"), validate.err());
        final ScenarioRunTest.Result run = ScenarioRunTest.cli(false, "run", "hard-over", "--profiles",
            profiles.toString(), "--scenarios", RepoFiles.root().resolve("sim-harness/scenarios").toString(),
            "--out", temp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertEquals(validate.err().strip(), run.err().strip(), "validate and run refuse it alike");
    }

    @Test
    void aDurationThatWouldFillTheDiskIsRefusedWithTheEstimateAndWritesNothing() {
        final Path out = temp.resolve("out");
        final ScenarioRunTest.Result r = ScenarioRunTest.cli("run", "hard-over", "--duration=1e12", "--out",
            out.toString());
        assertEquals(2, r.exitCode());
        assertOneLineWithoutJavaNames(r);
        assertTrue(r.err().contains("frames.csv would take about"), r.err());
        assertFalse(Files.exists(out));
    }

    /** A run longer than 2^53 frames (whose frame numbers a double cannot hold exactly) is refused, not started. */
    @Test
    void aRunTooLongToNumberItsFramesIsRefusedByRunAndCampaign() {
        final String why = "--duration: 1.00e+300 s is 1.00e+302 frames at 100 Hz, more than a run can number exactly"
            + " (2^53 = 9007199254740992 frames)";
        final Path out = temp.resolve("out");
        final ScenarioRunTest.Result run = ScenarioRunTest.cli("run", "hard-over", "--duration=1e300", "--out",
            out.toString());
        assertEquals(2, run.exitCode());
        assertEquals(why + " (see 'bftvote-sim run --help')", run.err().strip());
        final ScenarioRunTest.Result campaign = ScenarioRunTest.cli("campaign", "hard-over", "--runs", "2",
            "--duration=1e300", "--out", out.toString());
        assertEquals(2, campaign.exitCode());
        assertEquals(why + " (see 'bftvote-sim campaign --help')", campaign.err().strip());
        final ScenarioRunTest.Result hil = ScenarioRunTest.cli("hil", "hard-over", "--duration=1e12",
            "--frame-rate", "10000", "--out", out.toString());
        assertEquals(2, hil.exitCode());
        assertEquals("--duration with --frame-rate: 1.00e+12 s is 1.00e+16 frames at 1.00e+04 Hz, more than a run"
            + " can number exactly (2^53 = 9007199254740992 frames) (see 'bftvote-sim hil --help')", hil.err().strip());
        final ScenarioRunTest.Result longest = ScenarioRunTest.cli("run", "hard-over", "--duration=9e13", "--out",
            out.toString());
        assertEquals(2, longest.exitCode());
        assertTrue(longest.err().contains("frames.csv would take about"), "just under the limit: " + longest.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBadArgumentIsOneLineWithAPointerToTheHelp() {
        final ScenarioRunTest.Result r = ScenarioRunTest.cli("run", "hard-over", "--duration", "-1");
        assertEquals(2, r.exitCode());
        assertEquals("--duration must be a positive number of seconds, got -1.0 (see 'bftvote-sim run --help')",
            r.err().strip());
    }

    @Test
    void eachReliabilityCountOutOfRangeIsNamedWithItsBoundAndValue() {
        final String[][] cases = {
            {"--samples", "0", "--samples must be at least 9 (3 per stratum, one stratum per fault count up to"
                + " --max-faults 3), got 0"},
            {"--max-faults", "0", "--max-faults must be at least 1, got 0"},
            {"--threads", "0", "--threads must be at least 1, got 0"},
            {"--check-samples", "9", "--check-samples must be at least 10, got 9"},
            {"--coverage-trials", "0", "--coverage-trials must be at least 1, got 0"},
        };
        for (final String[] c : cases) {
            final ScenarioRunTest.Result r = ScenarioRunTest.cli("reliability", "hard-over", c[0], c[1], "--out",
                temp.resolve("rel").toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(c[2] + " (see 'bftvote-sim reliability --help')", r.err().strip());
        }
        assertFalse(Files.exists(temp.resolve("rel")));
    }

    @Test
    void replayRefusesZeroThreadsInsteadOfQuietlyUsingOne() {
        final ScenarioRunTest.Result r = ScenarioRunTest.cli(false, "replay", temp.resolve("no-trace").toString(),
            "--threads", "0", "--sweep", "pitch_rate.threshold=1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("--threads must be >= 1, got 0 (see 'bftvote-sim replay --help')", r.err().strip());
    }

    private Path copyOfProfiles() throws Exception {
        final Path source = RepoFiles.profiles();
        final Path target = temp.resolve("hw-profiles");
        try (Stream<Path> files = Files.walk(source)) {
            for (final Path file : (Iterable<Path>) files::iterator) {
                final Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
