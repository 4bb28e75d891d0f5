package org.bftvote.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.sim.results.ExpectationsYaml;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --trace DIR} records the run, and {@code replay DIR --expect OUT/expectations.yaml} writes the same
 * {@code summary.json} and {@code frames.csv}, byte for byte.
 */
@Tag("TRC-1")
class RunTraceTest {
    @TempDir
    Path temp;

    @Test
    void replayOfARecordedRunWritesTheSameSummaryAndCsv() throws Exception {
        final Path live = temp.resolve("live");
        final Path trace = temp.resolve("trace");
        final Path replayed = temp.resolve("replayed");
        // 11 s of hard-over: the fault at 10 s is detected and excluded, so the trace carries exclusions too; the
        // expectations hold (availability is judged after start-up), and the replay's verdict must be the same.
        final ScenarioRunTest.Result run = ScenarioRunTest.cli("run", "hard-over", "--duration", "11", "--out",
            live.toString(), "--trace", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("trace:   " + trace), run.out());
        final String summary = Files.readString(live.resolve("summary.json"));
        assertTrue(summary.contains("\"status\": \"detected\""), summary);

        final ScenarioRunTest.Result replay = ScenarioRunTest.cli(false, "replay", trace.toString(), "--out",
            replayed.toString(), "--expect", live.resolve(ExpectationsYaml.FILE_NAME).toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertArrayEquals(Files.readAllBytes(live.resolve("summary.json")),
            Files.readAllBytes(replayed.resolve("summary.json")));
        assertArrayEquals(Files.readAllBytes(live.resolve("frames.csv")),
            Files.readAllBytes(replayed.resolve("frames.csv")));
    }

    @Test
    void anOccupiedTraceDirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        final Path trace = temp.resolve("trace");
        Files.createDirectories(trace);
        Files.writeString(trace.resolve("other.txt"), "x");
        final ScenarioRunTest.Result run = ScenarioRunTest.cli("run", "hard-over", "--duration", "0.5", "--out",
            temp.resolve("out").toString(), "--trace", trace.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("not empty"), run.err());
        assertFalse(Files.exists(temp.resolve("out")), "a refused run leaves no frames.csv or other file");
    }

    @Test
    void aTraceDirectoryThatCannotBeMadeFailsTheRunBeforeAnythingIsWritten() throws Exception {
        final Path file = Files.writeString(temp.resolve("a-file"), "x");
        final Path trace = file.resolve("trace");
        final ScenarioRunTest.Result run = ScenarioRunTest.cli("run", "hard-over", "--duration", "0.5", "--out",
            temp.resolve("out").toString(), "--trace", trace.toString());
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(file.toString())
            && run.err().indexOf('\n') == run.err().length() - 1, run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(temp.resolve("out")), "no header-only frames.csv, no other file");
    }
}
