package org.bftvote.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bftvote.sim.cli.BftvoteSim;
import org.bftvote.sim.cli.ExitCodes;
import org.bftvote.sim.results.Json;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code replay} on the command line: a damaged trace replays its intact frames, names the first damaged document
 * in the summary and on standard error and exits 2; an output folder holding older files is refused unless
 * {@code --force}, which clears it; every replay folder holds its provenance.
 */
@Tag("TRC-2")
class ReplayIntegrityTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result replay(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = BftvoteSim.commandLine(request -> {
            throw new AssertionError("not run");
        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path trace(final String name, final long frames, final long marked) throws Exception {
        final RunDescriptor run = LiveRun.descriptor(frames);
        final Path dir = tmp.resolve(name);
        final FrameSample sample = new FrameSample(run);
        try (TraceRecorder recorder = TraceRecorder.open(dir, run)) {
            for (long f = 0; f < frames; f++) {
                LiveRun.fill(sample, new java.util.SplittableRandom(f), f, new long[] {15, 15, 15, 15});
                if (f == marked) {
                    sample.truth(1, Double.longBitsToDouble(0x4123_4567_89AB_CDEFL));
                }
                recorder.onFrame(sample);
            }
            recorder.finish();
        }
        return dir;
    }

    private static void flipMarker(final Path dir) throws Exception {
        final Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + 8 <= bytes.length; i++) {
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (bytes[i + k] & 0xFF);
            }
            if (v == 0x4123_4567_89AB_CDEFL) {
                bytes[i] ^= 1;
                Files.write(file, bytes);
                return;
            }
        }
        throw new AssertionError("marker not found; native order " + ByteOrder.nativeOrder());
    }

    @Test
    void aDamagedTraceReplaysItsIntactFramesAndNamesTheFirstDamage() throws Exception {
        final Path trace = trace("damaged", 300, 120);
        flipMarker(trace);
        final Path out = tmp.resolve("out");
        final Result r = replay("replay", trace.toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("the first is document 121 (after frame 119)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        final Map<?, ?> summary = (Map<?, ?>) Json.parse(Files.readString(out.resolve("summary.json")));
        assertEquals(299L, ((Map<?, ?>) summary.get("frames")).get("run"));
        final Map<?, ?> integrity = (Map<?, ?>) summary.get("record_integrity");
        assertEquals(Map.of("truncated", false, "damaged_documents", 1L, "first_damaged_document", 121L,
            "last_frame_before_damage", 119L), integrity);
        assertTrue(Files.exists(out.resolve(Provenance.FILE_NAME)));
    }

    @Test
    void anOccupiedOutputFolderIsRefusedUnlessForced() throws Exception {
        final Path trace = trace("good", 50, -1);
        final Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("signal-old.png"), "stale");
        final Result refused = replay("replay", trace.toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        assertEquals("output " + out + ": holds 1 older file (signal-old.png); add --force to clear it first, or "
            + "choose another folder with --out\n", refused.err());
        assertTrue(Files.exists(out.resolve("signal-old.png")), "nothing is touched when refused");
        final Result forced = replay("replay", trace.toString(), "--out", out.toString(), "--force");
        assertEquals(ExitCodes.OK, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("signal-old.png")), "the stale plot is gone");
        assertTrue(Files.exists(out.resolve("summary.json")));
        final Map<?, ?> provenance = (Map<?, ?>) Json.parse(Files.readString(out.resolve(Provenance.FILE_NAME)));
        assertEquals("replay", provenance.get("command"));
        final Map<?, ?> input = (Map<?, ?>) ((java.util.List<?>) provenance.get("inputs")).get(0);
        assertEquals(Provenance.sha256(trace), input.get("sha256"));
    }
}
