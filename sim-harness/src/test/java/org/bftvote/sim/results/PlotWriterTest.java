package org.bftvote.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotWriterTest {
    /** Writes the plots of the faulty synthetic run; set {@code -Dbftvote.plotSample=DIR} to keep a sample. */
    private static List<Path> plot(final Path dir, final int maxPoints) throws IOException {
        final RunDescriptor d = SyntheticRun.faultyDescriptor();
        final RunMetrics metrics = new RunMetrics(d);
        final PlotWriter plots = new PlotWriter(d, maxPoints, 1400, 700);
        SyntheticRun.feedFaulty(d, 7, metrics, plots);
        return plots.write(dir, metrics);
    }

    @Test
    void writesDecodablePngsOfTheRequestedSize(@TempDir final Path tmp) throws IOException {
        final String keep = System.getProperty("bftvote.plotSample");
        final Path dir = keep == null ? tmp : Files.createDirectories(Path.of(keep));
        final List<Path> files = plot(dir, PlotWriter.DEFAULT_MAX_POINTS);
        assertEquals(List.of(dir.resolve("signal-pitch_rate.png"), dir.resolve("health-pitch_rate.png"),
            dir.resolve("signal-altitude.png"), dir.resolve("health-altitude.png")), files);
        for (final Path f : files) {
            assertTrue(Files.size(f) > 20_000, f + " is " + Files.size(f) + " bytes");
            final BufferedImage image = ImageIO.read(f.toFile());
            assertEquals(1400, image.getWidth(), f.toString());
            assertTrue(image.getHeight() >= 700, f.toString());
        }
        assertEquals(700, ImageIO.read(files.get(0).toFile()).getHeight());
    }

    @Test
    void aSmallPointCapStillPlots(@TempDir final Path tmp) throws IOException {
        for (final Path f : plot(tmp, 64)) {
            assertEquals(1400, ImageIO.read(f.toFile()).getWidth());
        }
    }

    @Test
    void minMaxDecimationKeepsSpikesWithinTheCap() {
        final MinMaxSeries series = new MinMaxSeries(100, 1000);
        for (long f = 0; f < 100_000; f++) {
            series.add(f, f == 54_321 ? 1000.0 : f == 77_777 ? -1000.0 : Math.sin(f * 0.01));
            if (f == 500) {
                series.add(501, Double.NaN);  // skipped
            }
        }
        series.flush();
        assertTrue(series.size() <= 100, "points " + series.size());
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        long previous = -1;
        for (int i = 0; i < series.size(); i++) {
            max = Math.max(max, series.value(i));
            min = Math.min(min, series.value(i));
            assertTrue(series.frame(i) > previous, "frames increase");
            previous = series.frame(i);
        }
        assertEquals(1000.0, max);
        assertEquals(-1000.0, min);
    }

    @Test
    void stateTimelineKeepsTheWorstStateWithinTheCap() {
        final StateTimeline row = new StateTimeline(16, 16);
        for (long f = 0; f < 1000; f++) {
            row.add(f, f == 700 ? 5 : 1);
        }
        assertTrue(row.buckets() <= 16);
        int fives = 0;
        for (long k = 0; k < row.buckets(); k++) {
            fives += row.state(k) == 5 ? 1 : 0;
            assertTrue(row.state(k) >= 1, "every bucket seen");
        }
        assertEquals(1, fives);
        assertEquals(5, row.state(700 / row.bucketFrames()));
    }

    @Test
    void everyOutputStatusHasAStateOfItsOwnInTheHealthTimeline() {
        final Set<String> legends = new HashSet<>();
        for (final OutputStatusCode status : OutputStatusCode.values()) {
            assertEquals("output " + status.name(), PlotWriter.statusLegend(status.code()));
            legends.add(PlotWriter.statusLegend(status.code()));
        }
        assertEquals(OutputStatusCode.values().length, legends.size());
    }

    @Test
    void aRunThatDivergesIsPlottedWithItsEpisodes(@TempDir final Path tmp) throws IOException {
        final RunDescriptor d = SyntheticRun.builder(300).recoveryBoundFrames(20).build();
        final RunMetrics metrics = new RunMetrics(d);
        final PlotWriter plots = new PlotWriter(d);
        final FrameSample s = new FrameSample(d);
        for (long f = 0; f < 300; f++) {
            SyntheticRun.nominal(s, f);
            for (int l = 0; l < SyntheticRun.LANES; l++) {
                final int status = f >= 100 && f < 110 ? OutputStatusCode.DIVERGED.code()
                    : f >= 110 && f < 120 && l == 2 ? OutputStatusCode.SYNCING.code() : OutputStatusCode.NORMAL.code();
                final double off = f >= 100 && f < 110 && l == 1 ? 1.0 : 0.0;
                s.output(l, 0, s.output(l, 0) + off, status, SyntheticRun.ALL);
                s.output(l, 1, s.output(l, 1), status, SyntheticRun.ALL);
            }
            metrics.onFrame(s);
            plots.onFrame(s);
        }
        assertEquals(1, metrics.divergenceEpisodes());
        for (final Path f : plots.write(tmp, metrics)) {
            assertTrue(Files.size(f) > 20_000, f + " is " + Files.size(f) + " bytes");
        }
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("pitch_rate", PlotWriter.fileName("pitch_rate"));
        assertEquals("a_b__c", PlotWriter.fileName("a/b .c"));
    }
}
