package org.bftvote.sim.revote;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.recording.RecordedFrames;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Two PNGs per signal of a re-voted recording (JFreeChart, headless, 1400 × 700): {@code signal-<s>.png} with every
 * channel's value, the voted output (dashed black), PX4's selection when compared (orange) and a red line at each
 * channel's exclusion, labelled with channel, reason and time; {@code health-<s>.png}, a timeline with one row for
 * the output status and one per channel (green used, gold rejected by a check that frame, red declared failed).
 * Long recordings are drawn from per-bucket minimum and maximum (at most {@value #BUCKETS} buckets), so spikes stay.
 */
public final class RecordingPlots {
    private static final int BUCKETS = 4000;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 700;
    private static final Color[] CHANNEL_COLOURS = {new Color(31, 119, 180), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(23, 190, 207), new Color(127, 127, 127)};
    private static final Color[] STATUS_COLOURS = {new Color(0, 100, 0), new Color(218, 165, 32),
        new Color(128, 0, 128), Color.DARK_GRAY};

    private RecordingPlots() {
    }

    /**
     * @param dir the output folder
     * @param run a run that kept its frames
     * @param px4 PX4's selection, or {@code null}
     * @return the files written, in signal order, signal plot before health plot
     * @throws IOException if one cannot be written
     */
    public static List<Path> write(final Path dir, final RevoteRun run, final Px4Selection px4) throws IOException {
        final List<Path> files = new ArrayList<>();
        final RecordedFrames rec = run.recording();
        for (int s = 0; s < rec.signals(); s++) {
            final String safe = fileName(rec.name(s));
            final Path signal = dir.resolve("signal-" + safe + ".png");
            ChartUtils.saveChartAsPNG(signal.toFile(), signalChart(run, s, px4), WIDTH, HEIGHT);
            files.add(signal);
            final Path health = dir.resolve("health-" + safe + ".png");
            ChartUtils.saveChartAsPNG(health.toFile(), healthChart(run, s), WIDTH, 120 + 28 * (rec.channels(s) + 1));
            files.add(health);
        }
        return files;
    }

    /**
     * Overlay plots of the signals whose decisions differ between two configurations: the channels (thin), the base
     * configuration's output (dashed black) and the candidate's (solid red), each run's exclusions, and a dotted dark
     * red line at the first frame the runs differ in (labelled with its frame, time and signal).
     *
     * @param dir       the output folder
     * @param base      the base run (frames kept)
     * @param candidate the candidate run (frames kept)
     * @param diff      their differences
     * @return the files written, {@code overlay-<s>.png}, in signal order
     * @throws IOException if one cannot be written
     */
    public static List<Path> overlays(final Path dir, final RevoteRun base, final RevoteRun candidate,
        final ConfigDiff diff) throws IOException {
        final List<Path> files = new ArrayList<>();
        final RecordedFrames rec = base.recording();
        for (int s = 0; s < rec.signals(); s++) {
            final String name = rec.name(s);
            if (s != diff.firstDifferentSignal() && diff.rows().stream().noneMatch(r -> r.signal().equals(name))) {
                continue;
            }
            final JFreeChart chart = signalChart(base, s, null);
            final XYPlot plot = chart.getXYPlot();
            final XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
            final int index = data.getSeriesCount();
            final int signal = s;
            data.addSeries(series("output with the configuration tried", rec, f -> candidate.output(signal, f)));
            final XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            renderer.setSeriesPaint(index, Color.RED);
            renderer.setSeriesStroke(index, new BasicStroke(1.5f));
            final SignalOutcome o = candidate.outcomes().get(s);
            for (int c = 0; c < rec.channels(s); c++) {
                if (o.firstExclusion(c) != SignalOutcome.NEVER) {
                    final double t = rec.timeS(o.firstExclusion(c));
                    final ValueMarker m = marker(t, "tried: channel " + c + " excluded at "
                        + String.format(java.util.Locale.ROOT, "%.2f s", t));
                    m.setPaint(new Color(200, 0, 0, 120));
                    m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    plot.addDomainMarker(m);
                }
            }
            if (diff.firstDifferentFrame() >= 0) {
                plot.addDomainMarker(firstDifference(rec, diff), org.jfree.chart.ui.Layer.FOREGROUND);
            }
            chart.setTitle(name + ": base configuration (dashed) against the one tried (red)");
            final Path file = dir.resolve("overlay-" + fileName(name) + ".png");
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            files.add(file);
        }
        return files;
    }

    /** A dark red line at the first frame the two runs differ in, labelled with that frame and its signal. */
    private static ValueMarker firstDifference(final RecordedFrames rec, final ConfigDiff diff) {
        final double t = rec.timeS(diff.firstDifferentFrame());
        final ValueMarker m = marker(t, String.format(java.util.Locale.ROOT, "first difference: frame %d (%.3f s, %s)",
            diff.firstDifferentFrame(), t, rec.name(diff.firstDifferentSignal())));
        m.setPaint(new Color(120, 0, 0));
        m.setStroke(new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f},
            0f));
        m.setLabelPaint(new Color(120, 0, 0));
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(40, 4, 2, 4));
        return m;
    }

    /**
     * @param signal a signal name
     * @return the name with everything but letters, digits, {@code _} and {@code -} replaced by {@code _}
     */
    public static String fileName(final String signal) {
        return signal.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static JFreeChart signalChart(final RevoteRun run, final int s, final Px4Selection px4) {
        final RecordedFrames rec = run.recording();
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        final int channels = rec.channels(s);
        final double[] values = rec.values(s);
        for (int c = 0; c < channels; c++) {
            final int channel = c;
            data.addSeries(series("channel " + c, rec, f -> values[f * channels + channel]));
            renderer.setSeriesPaint(c, CHANNEL_COLOURS[c % CHANNEL_COLOURS.length]);
            renderer.setSeriesStroke(c, new BasicStroke(1.0f));
        }
        data.addSeries(series("bftvote output", rec, f -> run.output(s, f)));
        renderer.setSeriesPaint(channels, Color.BLACK);
        renderer.setSeriesStroke(channels, new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f));
        if (px4 != null) {
            data.addSeries(series("PX4 selection", rec, f -> px4.output(s, f)));
            renderer.setSeriesPaint(channels + 1, new Color(255, 127, 14));
            renderer.setSeriesStroke(channels + 1, new BasicStroke(1.5f));
        }
        final NumberAxis value = new NumberAxis(rec.unit(s).isEmpty() ? rec.name(s)
            : rec.name(s) + " [" + rec.unit(s) + "]");
        value.setAutoRangeIncludesZero(false);
        final XYPlot plot = new XYPlot(data, new NumberAxis("time [s]"), value, renderer);
        final SignalOutcome o = run.outcomes().get(s);
        for (int c = 0; c < channels; c++) {
            if (o.firstExclusion(c) != SignalOutcome.NEVER) {
                final double t = rec.timeS(o.firstExclusion(c));
                plot.addDomainMarker(marker(t, "channel " + c + " excluded (" + o.exclusionReason(c) + ") at "
                    + String.format(java.util.Locale.ROOT, "%.2f s", t)));
            }
        }
        return chart(rec.name(s) + ": channels, voted output" + (px4 != null ? ", PX4 selection" : ""), plot);
    }

    private static ValueMarker marker(final double t, final String label) {
        final ValueMarker m = new ValueMarker(t, Color.RED, new BasicStroke(1.5f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private static XYSeries series(final String name, final RecordedFrames rec,
        final java.util.function.IntToDoubleFunction value) {
        final XYSeries series = new XYSeries(name, false, true);
        final int frames = rec.frames();
        final int bucket = Math.max(1, (frames + BUCKETS - 1) / BUCKETS);
        for (int start = 0; start < frames; start += bucket) {
            int lo = -1;
            int hi = -1;
            for (int f = start; f < Math.min(frames, start + bucket); f++) {
                final double v = value.applyAsDouble(f);
                if (Double.isFinite(v)) {
                    lo = lo < 0 || v < value.applyAsDouble(lo) ? f : lo;
                    hi = hi < 0 || v > value.applyAsDouble(hi) ? f : hi;
                }
            }
            if (lo >= 0) {
                series.add(rec.timeS(Math.min(lo, hi)), value.applyAsDouble(Math.min(lo, hi)));
                if (hi != lo) {
                    series.add(rec.timeS(Math.max(lo, hi)), value.applyAsDouble(Math.max(lo, hi)));
                }
            }
        }
        return series;
    }

    private static JFreeChart healthChart(final RevoteRun run, final int s) {
        final RecordedFrames rec = run.recording();
        final int channels = rec.channels(s);
        final String[] rows = new String[channels + 1];
        rows[0] = "output status";
        for (int c = 0; c < channels; c++) {
            rows[c + 1] = "channel " + c;
        }
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        final Color[] states = {STATUS_COLOURS[0], STATUS_COLOURS[1], STATUS_COLOURS[2], STATUS_COLOURS[3],
            new Color(144, 238, 144), new Color(255, 215, 0), Color.RED};
        final String[] stateNames = {"NORMAL", "DEGRADED", "NO_MAJORITY", "INVALID", "used", "rejected this frame",
            "declared failed"};
        final XYSeries[] bySeries = new XYSeries[states.length];
        for (int k = 0; k < states.length; k++) {
            bySeries[k] = new XYSeries(stateNames[k], false, true);
        }
        final int step = Math.max(1, rec.frames() / BUCKETS);
        for (int f = 0; f < rec.frames(); f += step) {
            bySeries[worstStatus(run, s, f, step)].add(rec.timeS(f), 0);
            for (int c = 0; c < channels; c++) {
                bySeries[4 + worstChannel(run, s, c, f, step)].add(rec.timeS(f), c + 1);
            }
        }
        for (int k = 0; k < states.length; k++) {
            data.addSeries(bySeries[k]);
            renderer.setSeriesPaint(k, states[k]);
            renderer.setSeriesShape(k, new java.awt.Rectangle(-2, -8, 4, 16));
        }
        final XYPlot plot = new XYPlot(data, new NumberAxis("time [s]"), new SymbolAxis(null, rows), renderer);
        return chart(rec.name(s) + ": output status and channel health", plot);
    }

    private static int worstStatus(final RevoteRun run, final int s, final int from, final int step) {
        int worst = 0;
        for (int f = from; f < Math.min(run.recording().frames(), from + step); f++) {
            worst = Math.max(worst, run.status(s, f).ordinal());
        }
        return Math.min(worst, 3); // statuses past INVALID drawn as INVALID
    }

    private static int worstChannel(final RevoteRun run, final int s, final int c, final int from, final int step) {
        int worst = 0;
        for (int f = from; f < Math.min(run.recording().frames(), from + step); f++) {
            final long bit = 1L << c;
            worst = Math.max(worst, (run.failed(s, f) & bit) != 0 ? 2 : (run.rejected(s, f) & bit) != 0 ? 1 : 0);
        }
        return worst;
    }

    private static JFreeChart chart(final String title, final XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    }
}
