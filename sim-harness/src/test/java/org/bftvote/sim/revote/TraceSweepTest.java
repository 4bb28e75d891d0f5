package org.bftvote.sim.revote;

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
import org.bftvote.sim.execution.SimulationRunner;
import org.bftvote.sim.profile.RepoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay TRACE --sweep}: every row equals a single re-run with that point's settings written by hand as a
 * configuration file, and the table and heatmap are byte-identical whatever the thread count.
 */
class TraceSweepTest {
    private static final String GRID = "pitch_rate.persistence=3,5,12,pitch_rate.threshold=1,4";

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path trace;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(final String... args) {
        final picocli.CommandLine commandLine = BftvoteSim.commandLine(new SimulationRunner());
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final List<String> all = new ArrayList<>(List.of(args));
        if ("run".equals(args[0])) {
            all.addAll(List.of("--profiles", RepoFiles.profiles().toString(), "--scenarios",
                RepoFiles.scenarios().toString()));
        }
        return new Result(commandLine.execute(all.toArray(new String[0])), out.toString(), err.toString());
    }

    @BeforeAll
    static void record() {
        trace = shared.resolve("trace");
        final Result r = cli("run", "hard-over", "--duration", "10.5", "--out", shared.resolve("live").toString(),
            "--trace", trace.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void everyRowEqualsASingleReRunWithThatPointsSettings() throws Exception {
        final Path out = tmp.resolve("sweep");
        final Result r = cli("replay", trace.toString(), "--sweep", GRID, "--threads", "2", "--out",
            out.toString());
        assertEquals(0, r.exitCode(), r.err());
        final List<String> lines = Files.readAllLines(out.resolve(Sweep.TABLE));
        assertEquals("point,pitch_rate.persistence,pitch_rate.threshold,detected,known_faults,worst_latency_s,"
            + "false_exclusions,output_error_rms,output_error_max,availability_min", lines.get(0));
        assertEquals(7, lines.size(), "a header and 3 x 2 points");
        final SweepSpec spec = SweepSpec.parse(GRID);
        final int[] persistence = {3, 5, 12};
        final int[] threshold = {1, 4};
        for (int p = 0; p < 6; p++) {
            final Path config = Files.writeString(tmp.resolve("point" + p + ".yaml"), "kind: channels\nsignals:\n"
                + "  pitch_rate: {miscompare_threshold: " + threshold[p % 2] + ", persistence: {consecutive: "
                + persistence[p / 2] + "}}\n");
            final TraceRevote.Result single = TraceRevote.revote(trace, ChannelsConfig.read(config),
                null);
            assertEquals(Sweep.line(TraceSweep.row(spec, p, single.metrics())).strip(), lines.get(p + 1),
                "point " + p);
        }
        // the hard-over gyro is excluded after the persistence's frames at 100 Hz, whatever the threshold
        assertTrue(lines.get(1).startsWith("0,3.0,1.0,1,1,0.03,0,"), lines.get(1));
        assertTrue(lines.get(6).startsWith("5,12.0,4.0,1,1,0.12,0,"), lines.get(6));
        assertTrue(Files.size(out.resolve(Sweep.HEATMAP)) > 0);
        assertTrue(Files.exists(out.resolve("provenance.json")));
    }

    @Test
    void theThreadCountDoesNotChangeTheOutputFiles() throws Exception {
        final Path one = tmp.resolve("one");
        final Path two = tmp.resolve("two");
        assertEquals(0, cli("replay", trace.toString(), "--sweep", GRID, "--threads", "1", "--out", one.toString())
            .exitCode());
        assertEquals(0, cli("replay", trace.toString(), "--sweep", GRID, "--threads", "2", "--out", two.toString())
            .exitCode());
        assertArrayEquals(Files.readAllBytes(one.resolve(Sweep.TABLE)), Files.readAllBytes(two.resolve(Sweep.TABLE)));
        assertArrayEquals(Files.readAllBytes(one.resolve(Sweep.HEATMAP)),
            Files.readAllBytes(two.resolve(Sweep.HEATMAP)));
    }

    @Test
    void badSweepsGetOneLine() throws Exception {
        final Result grid = cli("replay", trace.toString(), "--sweep", "wobble=1,2", "--out",
            tmp.resolve("a").toString());
        assertEquals(2, grid.exitCode());
        assertEquals(1, grid.err().strip().lines().count(), grid.err());
        assertTrue(grid.err().contains("--sweep: unknown parameter 'wobble'"), grid.err());
        final Result against = cli("replay", trace.toString(), "--sweep", GRID, "--against", trace.toString(),
            "--out", tmp.resolve("b").toString());
        assertEquals(2, against.exitCode());
        assertEquals("--sweep: cannot be combined with --against (a sweep writes a table of every point, not one "
            + "run)", against.err().strip());
        final Result refused = cli("replay", trace.toString(), "--sweep", "pitch_rate.persistence=0", "--out",
            tmp.resolve("c").toString());
        assertEquals(2, refused.exitCode(), refused.out());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("signals.pitch_rate.persistence.consecutive.frames = 0 breaks 1 <= "),
            refused.err());
    }
}
