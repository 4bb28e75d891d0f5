package org.bftvote.sim.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The terminal bar shows done/total, rate and time left; plain lines name the expectations that failed. */
class ProgressTest {
    private static CampaignRun run(final long index, final List<String> failed) {
        return new CampaignRun(index, 99, 0, 0, 0, 0, new double[] {1.0}, new double[] {0.0}, new double[] {0.0},
            List.of(), false, false, failed);
    }

    @Test
    void barShowsRateAndEta() {
        assertEquals("[#########.....................] 30/100  3.00 runs/s  ETA 23s",
            ProgressBar.line(30, 100, 30, 10_000_000_000L));
        assertEquals("[###############...............] 50/100  1.00 runs/s  ETA 50s",
            ProgressBar.line(50, 100, 10, 10_000_000_000L));
        assertEquals("7m05s", ProgressBar.duration(425));
        assertEquals("3h12m", ProgressBar.duration(3 * 3600 + 12 * 60 + 9));
        assertTrue(ProgressBar.line(0, 10, 0, 0).endsWith("ETA --"));
    }

    @Test
    void barRedrawsInPlaceAndPrintsFailuresOnTheirOwnLine() {
        final StringWriter text = new StringWriter();
        final long[] now = {0};
        final ProgressBar bar = new ProgressBar(new PrintWriter(text, true), () -> now[0]);
        bar.started(3, 0, 2);
        now[0] += ProgressBar.REDRAW_NANOS;
        bar.finished(run(0, List.of()));
        bar.finished(run(1, List.of("max_validity_violation_frames: 4 (expected 0)")));
        now[0] += ProgressBar.REDRAW_NANOS;
        bar.finished(run(2, List.of()));
        bar.done();
        final String out = text.toString();
        assertTrue(out.contains("\rrun 1 (2 of 3 done, seed 99): expectations NOT met: "
            + "max_validity_violation_frames: 4 (expected 0)\n"), out);
        assertTrue(out.contains("] 3/3 "), out);
        assertTrue(out.endsWith("\n"), out);
    }

    @Test
    void linesNameTheFailedExpectations() {
        assertEquals("run 4 (2 of 9 done, seed 99): expectations NOT met: a: 1 (expected 0); b: x (expected y)",
            ProgressLines.line(run(4, List.of("a: 1 (expected 0)", "b: x (expected y)")), 2, 9));
        assertEquals("run 4 (2 of 9 done, seed 99): expectations met", ProgressLines.line(run(4, List.of()), 2, 9));
    }
}
