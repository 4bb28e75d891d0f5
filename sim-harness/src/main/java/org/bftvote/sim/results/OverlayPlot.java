package org.bftvote.sim.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.sim.run.RunDescriptor;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG per signal whose outputs or health differ between two re-runs of the same trace with two configurations
 * ({@code replay TRACE --config C --against B}): {@code overlay-<signal>.png}, the two runs on one time axis. Above,
 * every lane's voted output with the base configuration (thin, dashed) and with the configuration tried (solid);
 * below, a timeline with, per lane, its output status under each configuration, and each channel row (the channel
 * as that lane holds it: healthy, excluded, or its lane excluded) in which the two differ somewhere. A red line
 * marks the first frame in which the two runs decide differently. Both runs are drawn from {@link PlotWriter}s fed
 * the same frames, so their decimation buckets are the same and a difference in a row is a difference in the runs.
 */
public final class OverlayPlot {
    private static final int HEIGHT_PER_ROW = 20;
    private static final int OUTPUT_PLOT_HEIGHT = 480;
    /** A first-difference line past this share of the run gets its label on its left. */
    private static final double LABEL_LEFT_SHARE = 0.6;

    private OverlayPlot() {
    }

    /**
     * @param dir                 an existing folder
     * @param base                the base configuration's plots (every frame seen)
     * @param candidate           the tried configuration's plots (the same frames)
     * @param firstDifferentFrame the first frame the runs decide differently in, or -1 (no marker)
     * @return the files written, in signal order; none when the runs draw alike
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(final Path dir, final PlotWriter base, final PlotWriter candidate,
        final long firstDifferentFrame) throws IOException {
        final List<Path> files = new ArrayList<>();
        final RunDescriptor run = base.descriptor();
        for (int s = 0; s < run.signalCount(); s++) {
            final List<int[]> channelRows = differingChannelRows(base, candidate, s);
            if (channelRows.isEmpty() && !outputsDiffer(base, candidate, s)) {
                continue;
            }
            final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("time [s]"));
            plot.setGap(8.0);
            plot.add(outputs(base, candidate, s), 3);
            final int rows = 2 * base.lanes() + 2 * channelRows.size();
            plot.add(timeline(base, candidate, s, channelRows), Math.max(1, rows / 6));
            plot.getSubplots().get(0).setBackgroundPaint(Color.WHITE);
            plot.getDomainAxis().setRange(0.0, Math.max(run.timeOf(base.lastFrame() + 1), 1e-9));
            if (firstDifferentFrame >= 0) {
                marker(plot, run, firstDifferentFrame, base.lastFrame() + 1);
            }
            final String name = run.signals().get(s).name();
            final Path file = dir.resolve("overlay-" + PlotWriter.fileName(name) + ".png");
            ChartUtils.saveChartAsPNG(file.toFile(), PlotWriter.chart(run.scenario() + " (seed " + run.seed() + "): "
                + name + " - base configuration (dashed) against the one tried (solid)", plot),
                PlotWriter.DEFAULT_WIDTH, OUTPUT_PLOT_HEIGHT + 120 + rows * HEIGHT_PER_ROW);
            files.add(file);
        }
        return files;
    }

    private static XYPlot outputs(final PlotWriter base, final PlotWriter candidate, final int s) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (int l = 0; l < base.lanes(); l++) {
            data.addSeries(base.toSeries("output L" + l + " base", base.output(s, l)));
            renderer.setSeriesPaint(series, PlotWriter.laneColour(l));
            renderer.setSeriesStroke(series++, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                1.0f, new float[] {6.0f, 4.0f}, l * 2.0f));
        }
        for (int l = 0; l < base.lanes(); l++) {
            data.addSeries(candidate.toSeries("output L" + l + " tried", candidate.output(s, l)));
            renderer.setSeriesPaint(series, PlotWriter.laneColour(l).darker());
            renderer.setSeriesStroke(series++, new BasicStroke(1.8f));
        }
        final NumberAxis value = new NumberAxis(base.descriptor().signals().get(s).label());
        value.setAutoRangeIncludesZero(false);
        final XYPlot plot = new XYPlot(data, null, value, renderer);
        plot.setDomainGridlinePaint(new Color(0xcccccc));
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        return plot;
    }

    private static XYPlot timeline(final PlotWriter base, final PlotWriter candidate, final int s,
        final List<int[]> channelRows) {
        final List<String> labels = new ArrayList<>();
        final List<StateTimeline> rows = new ArrayList<>();
        for (int l = 0; l < base.lanes(); l++) {
            labels.add("L" + l + " output base");
            rows.add(base.status(s, l));
            labels.add("L" + l + " output tried");
            rows.add(candidate.status(s, l));
        }
        for (final int[] lc : channelRows) {
            labels.add("L" + lc[0] + " holds ch" + lc[1] + " base");
            rows.add(base.channel(s, lc[0], lc[1]));
            labels.add("L" + lc[0] + " holds ch" + lc[1] + " tried");
            rows.add(candidate.channel(s, lc[0], lc[1]));
        }
        final XYPlot plot = base.timelinePlot(labels, rows, null);
        plot.setBackgroundPaint(Color.WHITE);
        return plot;
    }

    /** The (lane, channel) rows of signal {@code s} whose kept states differ between the two runs. */
    private static List<int[]> differingChannelRows(final PlotWriter base, final PlotWriter candidate,
        final int s) {
        final List<int[]> rows = new ArrayList<>();
        for (int l = 0; l < base.lanes(); l++) {
            for (int c = 0; c < base.lanes(); c++) {
                if (differ(base.channel(s, l, c), candidate.channel(s, l, c))) {
                    rows.add(new int[] {l, c});
                }
            }
        }
        return rows;
    }

    private static boolean outputsDiffer(final PlotWriter base, final PlotWriter candidate, final int s) {
        for (int l = 0; l < base.lanes(); l++) {
            if (differ(base.status(s, l), candidate.status(s, l))) {
                return true;
            }
            final MinMaxSeries a = base.output(s, l);
            final MinMaxSeries b = candidate.output(s, l);
            if (a.size() != b.size()) {
                return true;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.frame(i) != b.frame(i)
                    || Double.doubleToLongBits(a.value(i)) != Double.doubleToLongBits(b.value(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean differ(final StateTimeline a, final StateTimeline b) {
        if (a.buckets() != b.buckets() || a.bucketFrames() != b.bucketFrames()) {
            return true;
        }
        for (long k = 0; k < a.buckets(); k++) {
            if (a.state(k) != b.state(k)) {
                return true;
            }
        }
        return false;
    }

    private static void marker(final CombinedDomainXYPlot plot, final RunDescriptor run, final long frame,
        final long end) {
        final double t = run.timeOf(frame);
        for (int i = 0; i < plot.getSubplots().size(); i++) {
            final ValueMarker m = new ValueMarker(t, new Color(0xd00000), new BasicStroke(1.5f));
            if (i == 0) {
                m.setLabel(String.format(Locale.ROOT, "first difference: frame %d (%.4f s)", frame, t));
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                m.setLabelPaint(new Color(0xd00000));
                m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                // right of the line, unless the line is late in the run, where the text would run off the plot
                final boolean left = t > LABEL_LEFT_SHARE * run.timeOf(end);
                m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            }
            plot.getSubplots().get(i).addDomainMarker(m, Layer.FOREGROUND);
        }
    }
}
