package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.results.RecordIntegrity;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replayed trace gives the same files as the live run, byte for byte; a truncated one replays what it has. */
class TraceReplayTest {
    private static final long FRAMES = 1500;

    @TempDir
    Path tmp;

    private static Map<String, Object> expectations() {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("max_agreement_violations", 0);
        e.put("fault_detected_within_s", Map.of("F1", 0.05));
        e.put("min_availability", 0.99);
        return e;
    }

    @Test
    void replayedSummaryAndCsvAreByteIdenticalToLive() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(FRAMES);
        final double[] tolerance = {0.5, 2.0};
        final Path live = Files.createDirectories(tmp.resolve("live"));
        final Path trace = tmp.resolve("trace");
        final RunMetrics metrics = new RunMetrics(run, tolerance, RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
        final PlotWriter plots = new PlotWriter(run);
        try (FrameCsvWriter csv = FrameCsvWriter.open(run, live.resolve(TraceReplay.FRAMES_CSV));
             TraceRecorder recorder = TraceRecorder.open(trace, run, tolerance)) {
            LiveRun.feed(run, 11L, FRAMES, metrics, csv, plots, recorder);
            recorder.finish();
        }
        final List<String> files = new ArrayList<>();
        files.add(TraceReplay.FRAMES_CSV);
        for (final Path p : plots.write(live, metrics)) {
            files.add(p.getFileName().toString());
        }
        files.add(TraceReplay.SUMMARY_JSON);
        final ExpectationReport report = ExpectationCheck.evaluate(expectations(), metrics);
        SummaryJsonWriter.write(live.resolve(TraceReplay.SUMMARY_JSON), metrics, report, files);

        final Path replayed = tmp.resolve("replayed");
        final ReplayResult result = TraceReplay.replay(trace, replayed, expectations());

        assertEquals(new TraceSummary(FRAMES, 4, false), result.trace());
        assertEquals(files, result.files());
        assertEquals(metrics.exclusions(), result.metrics().exclusions());
        assertTrue(metrics.exclusions() > 0 && metrics.hypothesisExceeded(), "the run exercises exclusions");
        assertArrayEquals(Files.readAllBytes(live.resolve(TraceReplay.SUMMARY_JSON)),
            Files.readAllBytes(replayed.resolve(TraceReplay.SUMMARY_JSON)), "summary.json");
        assertArrayEquals(Files.readAllBytes(live.resolve(TraceReplay.FRAMES_CSV)),
            Files.readAllBytes(replayed.resolve(TraceReplay.FRAMES_CSV)), "frames.csv");
        assertEquals(report.passed(), result.report().passed());
        assertFalse(result.text().startsWith("trace truncated"), result.text());
        assertFalse(Files.exists(replayed.resolve(TraceReplay.FRAMES_CSV + ".partial")));
    }

    @Test
    void aTruncatedTraceReplaysWhatItHasAndSaysSo() throws Exception {
        final RunDescriptor run = LiveRun.descriptor(FRAMES);
        final Path trace = tmp.resolve("trace");
        final RunMetrics live = new RunMetrics(run);
        try (TraceRecorder recorder = TraceRecorder.open(trace, run)) {
            // The run stops after 400 frames: no finish(), as when an exception leaves the try block.
            LiveRun.feed(run, 3L, 400, live, recorder);
        }
        final ReplayResult result = TraceReplay.replay(trace, tmp.resolve("out"), Map.of());
        assertEquals(new TraceSummary(400, 4, true), result.trace());
        assertEquals(400, result.metrics().framesRun());
        assertEquals(live.framesRun(), result.metrics().framesRun());
        assertEquals(live.detectionFrame(0), result.metrics().detectionFrame(0));
        assertTrue(result.text().startsWith("trace " + trace + ": truncated: no end-of-run document; replayed the "
            + "400 frames"), result.text());
        final String json = Files.readString(tmp.resolve("out").resolve(TraceReplay.SUMMARY_JSON));
        assertEquals(SummaryJsonWriter.toJson(live, ExpectationCheck.evaluate(Map.of(), live), result.files(),
            new RecordIntegrity(true, 0, -1, -1)), json);
        assertTrue(json.contains("\"record_integrity\": {\n    \"truncated\": true,"), json);
    }

    @Test
    void aTraceIsNeverWrittenIntoAnOccupiedDirectory() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("other.txt"), "x");
        final java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
            () -> TraceRecorder.open(dir, LiveRun.descriptor(10)));
        assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
