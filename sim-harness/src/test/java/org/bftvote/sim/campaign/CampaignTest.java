package org.bftvote.sim.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code bftvote-sim campaign}: deterministic for the same scenario, base seed and runs; each CSV row and the
 * aggregate agree with the runs' own {@code summary.json}; the exit code follows the runs' verdicts.
 */
class CampaignTest {
    private static final int RUNS = 5;

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

    private Result campaign(final Path dir, final long seed) {
        // hard-over's fault at 10 s, 12 s runs: detected in every run; random sensor faults at a large scale so
        // the runs differ from one another.
        return cli("campaign", "hard-over", "--runs", Integer.toString(RUNS), "--seed", Long.toString(seed),
            "--duration", "12", "--random-faults-scale", "20000", "--out", dir.toString());
    }

    @Test
    void sameSeedSameBytesAndRowsMatchTheRunsSummaries() throws Exception {
        final Path a = temp.resolve("a");
        final Path b = temp.resolve("b");
        final Result first = campaign(a, 11);
        final Result second = campaign(b, 11);
        assertEquals(first.exitCode(), second.exitCode(), first.err());
        assertArrayEquals(Files.readAllBytes(a.resolve("campaign.csv")), Files.readAllBytes(b.resolve("campaign.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("campaign.json")),
            Files.readAllBytes(b.resolve("campaign.json")));
        assertTrue(first.out().contains("campaign hard-over on triplex-777-pfc: 5 runs, base seed 11"), first.out());

        final long[] seeds = CampaignSeeds.derive(11, RUNS);
        final List<String> lines = Files.readAllLines(a.resolve("campaign.csv"));
        assertEquals(RUNS + 1, lines.size());
        final List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        long agreementTotal = 0;
        long falseTotal = 0;
        double availabilityMin = 1.0;
        int failing = 0;
        for (int i = 0; i < RUNS; i++) {
            final String[] row = lines.get(i + 1).split(",", -1);
            assertEquals(Long.toString(seeds[i]), row[header.indexOf("seed")]);
            final String summary = Files.readString(a.resolve("runs").resolve(Campaign.runDirectory(i, seeds[i]))
                .resolve("summary.json"));
            assertTrue(summary.contains("\"seed\": " + seeds[i]), summary);
            final long agreement = number(summary, "\"agreement\": \\{\\s*\"violation_frames\": (\\d+)");
            final long validity = number(summary, "\"validity\": \\{\\s*\"violation_frames\": (\\d+)");
            final long falseExclusions = number(summary, "\"false\": (\\d+)");
            assertEquals(Long.toString(agreement), row[header.indexOf("agreement_violation_frames")]);
            assertEquals(Long.toString(validity), row[header.indexOf("validity_violation_frames")]);
            assertEquals(Long.toString(falseExclusions), row[header.indexOf("false_exclusions")]);
            final double pitchAvailability = Double.parseDouble(row[header.indexOf("pitch_rate.availability")]);
            assertTrue(summary.contains("\"availability\": " + pitchAvailability), summary);
            assertEquals(summary.contains("\"passed\": true,\n    \"results\"") ? "pass" : "fail",
                row[header.indexOf("expectations")]);
            assertEquals("pass".equals(row[header.indexOf("expectations")]),
                row[header.indexOf("failed_expectations")].isEmpty(), lines.get(i + 1));
            assertEquals("detected", row[header.indexOf("gyro-c-hard-over.status")]);
            agreementTotal += agreement;
            falseTotal += falseExclusions;
            availabilityMin = Math.min(availabilityMin, Double.parseDouble(row[header.indexOf("availability_min")]));
            failing += "fail".equals(row[header.indexOf("expectations")]) ? 1 : 0;
        }
        final String json = Files.readString(a.resolve("campaign.json"));
        assertTrue(json.contains("\"runs\": " + RUNS + ","), json);
        assertTrue(json.contains("\"agreement_violation_frames\": " + agreementTotal + ","), json);
        assertTrue(json.contains("\"false_exclusions\": " + falseTotal + ","), json);
        assertTrue(json.contains("\"min\": " + availabilityMin + ","), json);
        assertTrue(json.contains("\"runs_failing_expectations\": " + failing + ","), json);
        assertTrue(json.contains("\"runs_agreement_lost_within_hypothesis\": 0,"), json);
        assertTrue(json.contains("\"runs_detected\": " + RUNS + ","), json);
        // hard-over is detected after the 5-frame persistence in every run: 0.05 s at 100 Hz
        assertTrue(json.contains("\"median\": 0.05,"), json);
        assertEquals(failing == 0 ? 0 : 1, first.exitCode(), first.out());
    }

    @Test
    void anotherBaseSeedGivesOtherRuns() throws Exception {
        final Path a = temp.resolve("a");
        final Path b = temp.resolve("b");
        campaign(a, 11);
        campaign(b, 12);
        assertNotEquals(Files.readString(a.resolve("campaign.csv")), Files.readString(b.resolve("campaign.csv")));
    }

    @Test
    void seedsAreAFixedPrefixSequence() {
        final long[] five = CampaignSeeds.derive(42, 5);
        final long[] three = CampaignSeeds.derive(42, 3);
        assertArrayEquals(three, Arrays.copyOf(five, 3));
        for (final long s : five) {
            assertTrue(s >= 0, Long.toString(s));
        }
        assertEquals(new java.util.SplittableRandom(42).nextLong() & Long.MAX_VALUE, five[0]);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0L, 1L, 42L, -7L, Long.MIN_VALUE, Long.MAX_VALUE})
    void aRunsSeedComputedDirectlyIsTheSplittableRandomSequence(final long base) {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(base);
        for (long i = 0; i < 10_000; i++) {
            assertEquals(random.nextLong() & Long.MAX_VALUE, CampaignSeeds.seed(base, i), "base " + base + " run " + i);
        }
    }

    @Test
    void badRunsCountIsAUsageError() {
        final Result r = cli("campaign", "hard-over", "--runs", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--runs must be >= 1"), r.err());
    }

    private static long number(final String json, final String regex) {
        final Matcher m = Pattern.compile(regex).matcher(json);
        assertTrue(m.find(), regex + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
