package org.bftvote.sim.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.InjectedFault;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a run (JFreeChart, headless), two per signal:
 * <ul>
 *   <li>{@code signal-<name>.png}: truth, every lane's sensor reading and every lane's voted output over time, with
 *       each fault's onset (red dashed line, labelled) and detection (green line, labelled with the latency);</li>
 *   <li>{@code health-<name>.png}: a timeline with a row for the fault hypothesis, a row saying whether the healthy
 *       lanes' outputs of the signal are bit-identical, diverged and flagged, or diverged unflagged
 *       ({@link Divergence}), one row per oracle channel state, per lane its output status (DIVERGED and SYNCING
 *       included), and per lane and channel whether the lane holds that channel healthy, excluded, or its whole
 *       lane excluded; with each fault's onset and detection, and each divergence episode's first frame, the frame
 *       every healthy lane flagged it and the frame the lanes were identical again (the first
 *       {@value #LABELLED_EPISODES} labelled).</li>
 * </ul>
 * It keeps per-frame series in memory, each decimated to at most {@code maxPoints} points (min/max per bucket, so
 * spikes stay visible) and each timeline row to at most {@code maxPoints} buckets (worst state per bucket), so the
 * footprint is bounded whatever the run length. This is output, not the frame path: it does allocate.
 * Not thread safe.
 */
public final class PlotWriter implements FrameObserver {
    /** Sensor readings farther than this many truth-and-output spans from them are left off the value axis. */
    private static final double SENSOR_SCALE = 100.0;
    /** Onsets in this first share of the run get their label right of the line (no room on its left). */
    private static final double EARLY_ONSET_SHARE = 0.4;

    /** Default cap on points per series. */
    public static final int DEFAULT_MAX_POINTS = 20_000;
    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 1400;
    /** Default image height in pixels (timelines grow with their rows). */
    public static final int DEFAULT_HEIGHT = 700;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color[] LANE_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};

    /** Timeline states; the order is severity within a row (a bucket keeps the highest) and the legend's order. */
    private static final String[] STATE_NAMES = {"channel held healthy", "channel excluded", "lane excluded",
        "output NORMAL", "output DEGRADED", "output NO_MAJORITY", "output INVALID", "output SYNCING",
        "output DIVERGED", "healthy / within hypothesis", "faulty (oracle)", "hypothesis exceeded",
        "healthy lanes identical", "no healthy lane", "healthy lanes diverged, flagged",
        "healthy lanes diverged, UNFLAGGED"};
    private static final Color[] STATE_COLOURS = {new Color(0xb7e4c7), new Color(0xf4a261), new Color(0x9d0208),
        new Color(0x2d6a4f), new Color(0xe9c46a), new Color(0x7b2cbf), new Color(0x343a40), new Color(0x4cc9f0),
        new Color(0xff006e), new Color(0xdee2e6), new Color(0xe63946), new Color(0x000000), new Color(0xcfe1f2),
        new Color(0x8d99ae), new Color(0xffb703), new Color(0xd00000)};
    private static final int CHANNEL_HEALTHY = 0;
    private static final int CHANNEL_EXCLUDED = 1;
    private static final int LANE_EXCLUDED = 2;
    private static final int OUTPUT_NORMAL = 3;
    private static final int OUTPUT_DEGRADED = 4;
    private static final int OUTPUT_NO_MAJORITY = 5;
    private static final int OUTPUT_INVALID = 6;
    private static final int OUTPUT_SYNCING = 7;
    private static final int OUTPUT_DIVERGED = 8;
    private static final int ORACLE_HEALTHY = 9;
    private static final int ORACLE_FAULTY = 10;
    private static final int HYPOTHESIS_EXCEEDED = 11;
    private static final int LANES_IDENTICAL = 12;
    private static final int NO_HEALTHY_LANE = 13;
    private static final int LANES_DIVERGED_FLAGGED = 14;
    private static final int LANES_DIVERGED_UNFLAGGED = 15;
    /** Narrowest bar of the health timeline, as a share of the run (3 pixels of the default width). */
    private static final double MIN_BAR_SHARE = 0.002;
    /** Divergence episodes whose markers carry a label (the later ones only get their lines). */
    private static final int LABELLED_EPISODES = 3;
    private static final Color DIVERGED_COLOUR = new Color(0xff006e);
    private static final Color FLAGGED_COLOUR = new Color(0xb07d00);
    private static final Color IDENTICAL_COLOUR = new Color(0x1d4e89);

    private final RunDescriptor descriptor;
    private final int lanes;
    private final int width;
    private final int height;
    private final MinMaxSeries[] truth;
    private final MinMaxSeries[][] sensor;
    private final MinMaxSeries[][] output;
    private final StateTimeline[][] status;
    private final StateTimeline[][][] channel;
    private final StateTimeline[][] oracle;
    private final StateTimeline[] agreement;
    private final StateTimeline hypothesis;
    private long lastFrame = -1;

    /**
     * Plots with the default cap and size.
     *
     * @param descriptor the run
     */
    public PlotWriter(final RunDescriptor descriptor) {
        this(descriptor, DEFAULT_MAX_POINTS, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param descriptor the run
     * @param maxPoints  cap on points per series and buckets per timeline row, at least 8
     * @param width      image width in pixels, at least 200
     * @param height     image height in pixels, at least 200
     */
    public PlotWriter(final RunDescriptor descriptor, final int maxPoints, final int width, final int height) {
        org.bftvote.Require.inRange("plot.max_points", maxPoints, 8, 10_000_000);
        this.width = org.bftvote.Require.inRange("plot.width", width, 200, 20_000);
        this.height = org.bftvote.Require.inRange("plot.height", height, 200, 20_000);
        this.descriptor = descriptor;
        this.lanes = descriptor.lanes();
        final int signals = descriptor.signalCount();
        final long planned = descriptor.durationFrames();
        truth = new MinMaxSeries[signals];
        sensor = new MinMaxSeries[signals][lanes];
        output = new MinMaxSeries[signals][lanes];
        status = new StateTimeline[signals][lanes];
        channel = new StateTimeline[signals][lanes][lanes];
        oracle = new StateTimeline[signals][lanes];
        agreement = new StateTimeline[signals];
        for (int s = 0; s < signals; s++) {
            truth[s] = new MinMaxSeries(maxPoints, planned);
            agreement[s] = new StateTimeline(maxPoints, planned);
            for (int l = 0; l < lanes; l++) {
                sensor[s][l] = new MinMaxSeries(maxPoints, planned);
                output[s][l] = new MinMaxSeries(maxPoints, planned);
                status[s][l] = new StateTimeline(maxPoints, planned);
                oracle[s][l] = new StateTimeline(maxPoints, planned);
                for (int c = 0; c < lanes; c++) {
                    channel[s][l][c] = new StateTimeline(maxPoints, planned);
                }
            }
        }
        hypothesis = new StateTimeline(maxPoints, planned);
    }

    /** Exclusions show in the health timeline through the masks; detections come from the metrics. */
    @Override
    public void onExclusion(final long frame, final int observingLane, final int signal, final int channelIndex,
        final String reason) {
        // Nothing to keep: the next frame's health mask carries the exclusion.
    }

    @Override
    public void onFrame(final FrameSample f) {
        final long frame = f.frame();
        lastFrame = frame;
        hypothesis.add(frame, f.hypothesisExceeded() ? HYPOTHESIS_EXCEEDED : ORACLE_HEALTHY);
        final long healthy = f.oracleHealthyLanes();
        for (int s = 0; s < truth.length; s++) {
            truth[s].add(frame, f.truth(s));
            final int divergence = Divergence.of(f, s, healthy);
            agreement[s].add(frame, healthy == 0L ? NO_HEALTHY_LANE : divergence == 0 ? LANES_IDENTICAL
                : (divergence & Divergence.UNFLAGGED) != 0 ? LANES_DIVERGED_UNFLAGGED : LANES_DIVERGED_FLAGGED);
            for (int l = 0; l < lanes; l++) {
                if (f.sensorValid(l, s)) {
                    sensor[s][l].add(frame, f.sensor(l, s));
                }
                final int code = f.status(l, s);
                if (OutputStatusCode.isValid(code)) {
                    output[s][l].add(frame, f.output(l, s));
                }
                status[s][l].add(frame, statusState(code));
                oracle[s][l].add(frame, f.oracleUnitHealthy(s, l) ? ORACLE_HEALTHY : ORACLE_FAULTY);
                final long health = f.healthMask(l, s);
                final long excluded = f.excludedLanes(l);
                for (int c = 0; c < lanes; c++) {
                    final long bit = 1L << c;
                    channel[s][l][c].add(frame, (excluded & bit) != 0 ? LANE_EXCLUDED
                        : (health & bit) != 0 ? CHANNEL_HEALTHY : CHANNEL_EXCLUDED);
                }
            }
        }
    }

    /** @return the run plotted */
    RunDescriptor descriptor() {
        return descriptor;
    }

    /** @return the lanes, which are also the channels of every signal */
    int lanes() {
        return lanes;
    }

    /** @return the last frame seen, -1 before the first */
    long lastFrame() {
        return lastFrame;
    }

    /** @return the output of lane {@code l} for signal {@code s}, its open bucket flushed */
    MinMaxSeries output(final int s, final int l) {
        output[s][l].flush();
        return output[s][l];
    }

    /** @return the output status row of lane {@code l} for signal {@code s} */
    StateTimeline status(final int s, final int l) {
        return status[s][l];
    }

    /** @return the row of channel {@code c} of signal {@code s} as lane {@code l} holds it */
    StateTimeline channel(final int s, final int l, final int c) {
        return channel[s][l][c];
    }

    /** @return the lane colour of lane {@code l} */
    static Color laneColour(final int l) {
        return LANE_COLOURS[l % LANE_COLOURS.length];
    }

    /**
     * @param code an output status code
     * @return the legend name of the timeline state it is drawn as
     */
    static String statusLegend(final int code) {
        return STATE_NAMES[statusState(code)];
    }

    private static int statusState(final int code) {
        return switch (OutputStatusCode.fromCode(code)) {
            case NORMAL -> OUTPUT_NORMAL;
            case DEGRADED -> OUTPUT_DEGRADED;
            case NO_MAJORITY -> OUTPUT_NO_MAJORITY;
            case INVALID -> OUTPUT_INVALID;
            case SYNCING -> OUTPUT_SYNCING;
            case DIVERGED -> OUTPUT_DIVERGED;
        };
    }

    /**
     * Writes both plots for every signal into {@code dir}.
     *
     * @param dir     existing directory
     * @param metrics the run's metrics (for fault detections)
     * @return the files written, in signal order
     * @throws IOException if a file cannot be written
     */
    public List<Path> write(final Path dir, final RunMetrics metrics) throws IOException {
        final List<Path> written = new ArrayList<>();
        final List<FaultOutcome> faults = metrics.faultOutcomes();
        for (int s = 0; s < truth.length; s++) {
            final String name = fileName(descriptor.signals().get(s).name());
            final Path signalFile = dir.resolve("signal-" + name + ".png");
            ChartUtils.saveChartAsPNG(signalFile.toFile(), signalChart(s, faults), width, height);
            written.add(signalFile);
            final Path healthFile = dir.resolve("health-" + name + ".png");
            final int rows = lanes + lanes * (1 + lanes) + 2;
            ChartUtils.saveChartAsPNG(healthFile.toFile(), healthChart(s, faults, metrics), width,
                Math.max(height, 170 + rows * 22));
            written.add(healthFile);
        }
        return written;
    }

    /**
     * @param signal a signal name
     * @return the name with every character outside {@code [A-Za-z0-9_-]} replaced by {@code _}
     */
    static String fileName(final String signal) {
        return signal.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private JFreeChart signalChart(final int s, final List<FaultOutcome> faults) {
        final SignalInfo info = descriptor.signals().get(s);
        final XYSeriesCollection data = new XYSeriesCollection();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        data.addSeries(toSeries("truth", truth[s]));
        renderer.setSeriesPaint(series, Color.BLACK);
        renderer.setSeriesStroke(series++, new BasicStroke(2.5f));
        for (int l = 0; l < lanes; l++) {
            data.addSeries(toSeries("sensor L" + l, sensor[s][l]));
            final Color c = LANE_COLOURS[l % LANE_COLOURS.length];
            renderer.setSeriesPaint(series, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            renderer.setSeriesStroke(series++, new BasicStroke(1.0f));
        }
        for (int l = 0; l < lanes; l++) {
            data.addSeries(toSeries("output L" + l, output[s][l]));
            renderer.setSeriesPaint(series, LANE_COLOURS[l % LANE_COLOURS.length].darker());
            renderer.setSeriesStroke(series++, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                1.0f, new float[] {6.0f, 3.0f}, l * 2.0f));
        }
        final NumberAxis time = new NumberAxis("time [s]");
        final NumberAxis value = new NumberAxis(info.label());
        value.setAutoRangeIncludesZero(false);
        final XYPlot plot = new XYPlot(data, time, value, renderer);
        stylePlot(plot);
        limitValueAxis(s, value, info.label());
        addFaultMarkers(plot, s, faults, true);
        return chart(descriptor.scenario() + " (seed " + descriptor.seed() + "): " + info.name()
            + " - truth, sensors, voted outputs", plot);
    }

    /**
     * Keeps the value axis on a scale a person can read: it covers truth, outputs and every sensor reading within
     * {@link #SENSOR_SCALE} spans of them (a hard-over to the range limit stays in view), but not a wild reading such
     * as a corrupted sample decoded to 1e159, which would flatten everything else; the axis label then says so.
     */
    private void limitValueAxis(final int s, final NumberAxis value, final String label) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        final List<MinMaxSeries> reference = new ArrayList<>();
        reference.add(truth[s]);
        for (int l = 0; l < lanes; l++) {
            reference.add(output[s][l]);
        }
        for (final MinMaxSeries series : reference) {
            for (int i = 0; i < series.size(); i++) {
                final double v = series.value(i);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return;
        }
        final double span = Math.max(hi - lo, Math.max(1e-9, 1e-6 * Math.max(Math.abs(lo), Math.abs(hi))));
        final double keepLo = lo - SENSOR_SCALE * span;
        final double keepHi = hi + SENSOR_SCALE * span;
        boolean clipped = false;
        for (int l = 0; l < lanes; l++) {
            final MinMaxSeries series = sensor[s][l];
            for (int i = 0; i < series.size(); i++) {
                final double v = series.value(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (v < keepLo || v > keepHi) {
                    clipped = true;
                } else {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (clipped) {
            final double margin = 0.05 * Math.max(hi - lo, span);
            value.setRange(lo - margin, hi + margin);
            value.setLabel(label + " (sensor readings off this scale not drawn)");
        }
    }

    /**
     * The kept points as a series; where frames are missing (an output that was not valid, a lane that was down)
     * a gap breaks the line instead of a straight segment across it.
     */
    XYSeries toSeries(final String key, final MinMaxSeries points) {
        points.flush();
        final XYSeries series = new XYSeries(key, false, true);
        final long gap = 2 * points.bucketFrames();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0 && points.frame(i) - points.frame(i - 1) > gap) {
                series.add(descriptor.timeOf(points.frame(i - 1) + 1), null, false);
            }
            series.add(descriptor.timeOf(points.frame(i)), points.value(i), false);
        }
        return series;
    }

    private JFreeChart healthChart(final int s, final List<FaultOutcome> faults, final RunMetrics metrics) {
        final List<String> labels = new ArrayList<>();
        final List<StateTimeline> rows = new ArrayList<>();
        labels.add("hypothesis");
        rows.add(hypothesis);
        labels.add("healthy lanes");
        rows.add(agreement[s]);
        for (int c = 0; c < lanes; c++) {
            labels.add("oracle ch" + c);
            rows.add(oracle[s][c]);
        }
        for (int l = 0; l < lanes; l++) {
            labels.add("L" + l + " output");
            rows.add(status[s][l]);
            for (int c = 0; c < lanes; c++) {
                labels.add("L" + l + " holds ch" + c);
                rows.add(channel[s][l][c]);
            }
        }
        final XYPlot plot = timelinePlot(labels, rows, new NumberAxis("time [s]"));
        stylePlot(plot);
        addFaultMarkers(plot, s, faults, false);
        addEpisodeMarkers(plot, metrics);
        return chart(descriptor.scenario() + " (seed " + descriptor.seed() + "): " + descriptor.signals().get(s)
            .name() + " - channel health as each lane holds it, output status, oracle, divergence", plot);
    }

    /**
     * A plot of state timelines, one row per timeline, the first at the top: each run of equal state one bar in its
     * state's colour. Shared by the health chart and the two-run overlay, so both draw states alike.
     *
     * @param labels    each row's label, top to bottom
     * @param rows      the timelines, in the same order
     * @param timeAxis  the time axis ({@code null} when the plot joins a combined plot that has one)
     * @return the plot
     */
    XYPlot timelinePlot(final List<String> labels, final List<StateTimeline> rows, final NumberAxis timeAxis) {
        final XYIntervalSeries[] bySeries = new XYIntervalSeries[STATE_NAMES.length];
        for (int k = 0; k < bySeries.length; k++) {
            bySeries[k] = new XYIntervalSeries(STATE_NAMES[k], false, true);
        }
        final int n = rows.size();
        for (int r = 0; r < n; r++) {
            addRuns(bySeries, rows.get(r), n - 1 - r);
        }
        final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        final XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        int series = 0;
        for (int k = 0; k < bySeries.length; k++) {
            if (bySeries[k].getItemCount() > 0) {
                data.addSeries(bySeries[k]);
                renderer.setSeriesPaint(series++, STATE_COLOURS[k]);
            }
        }
        final List<String> bottomUp = new ArrayList<>(labels);
        java.util.Collections.reverse(bottomUp);
        final SymbolAxis rowAxis = new SymbolAxis(null, bottomUp.toArray(new String[0]));
        rowAxis.setGridBandsVisible(false);
        rowAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return new XYPlot(data, timeAxis, rowAxis, renderer);
    }

    /**
     * Per divergence episode: its first frame (dashed), the frame every healthy lane flagged it and the frame the
     * healthy lanes were identical again; the first {@link #LABELLED_EPISODES} labelled, below the fault labels.
     */
    private void addEpisodeMarkers(final XYPlot plot, final RunMetrics metrics) {
        final int kept = metrics.episodesKept();
        for (int e = 0; e < kept; e++) {
            final long first = metrics.episodeFirstFrame(e);
            final boolean labelled = e < LABELLED_EPISODES;
            final String name = "divergence " + (e + 1);
            episodeMarker(plot, first, DIVERGED_COLOUR, true, labelled ? name : null, e);
            final long flagged = metrics.episodeFlaggedFrame(e);
            if (flagged >= 0) {
                episodeMarker(plot, flagged, FLAGGED_COLOUR, false, labelled ? name + " flagged everywhere +"
                    + (flagged - first) + " frames" : null, e);
            }
            final long again = metrics.episodeIdenticalAgainFrame(e);
            if (again >= 0) {
                episodeMarker(plot, again, IDENTICAL_COLOUR, false, labelled ? name + " identical again +"
                    + (again - first) + " frames" : null, e);
            }
        }
    }

    private void episodeMarker(final XYPlot plot, final long frame, final Color colour, final boolean dashed,
        final String text, final int episode) {
        final ValueMarker marker = new ValueMarker(descriptor.timeOf(frame), colour, dashed
            ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1.0f, new float[] {3.0f, 3.0f}, 0.0f)
            : new BasicStroke(1.2f));
        if (text != null) {
            marker.setLabel(text);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelPaint(colour);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            final int line = 3 * episode + (dashed ? 0 : colour == FLAGGED_COLOUR ? 1 : 2);
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 4, 6 + 15 * line, 4));
            marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        }
        plot.addDomainMarker(marker, Layer.FOREGROUND);
    }

    /** Adds one bar per run of equal state in a row; x in seconds, y the row's index. */
    private void addRuns(final XYIntervalSeries[] bySeries, final StateTimeline row, final int y) {
        final long b = row.bucketFrames();
        // A run of a few frames in a long run would be narrower than a pixel: draw it at least MIN_BAR_SHARE of the
        // time axis wide, so that a frame of divergence or of an exceeded hypothesis shows (later states draw over).
        final double minimumBar = MIN_BAR_SHARE * descriptor.timeOf(lastFrame + 1);
        final long end = lastFrame + 1;
        long k = 0;
        while (k < row.buckets()) {
            final int state = row.state(k);
            long j = k + 1;
            while (j < row.buckets() && row.state(j) == state) {
                j++;
            }
            if (state >= 0) {
                final double t0 = descriptor.timeOf(k * b);
                final double t1 = Math.max(descriptor.timeOf(Math.min(j * b, end)), t0 + minimumBar);
                bySeries[state].add((t0 + t1) / 2, t0, t1, y, y - 0.38, y + 0.38);
            }
            k = j;
        }
    }

    private void addFaultMarkers(final XYPlot plot, final int s, final List<FaultOutcome> faults,
        final boolean labelled) {
        int index = 0;
        for (final FaultOutcome o : faults) {
            final InjectedFault f = o.fault();
            if (f.signal() != InjectedFault.ALL_SIGNALS && f.signal() != s) {
                continue;
            }
            final double onset = descriptor.timeOf(f.onsetFrame());
            final ValueMarker start = new ValueMarker(onset, new Color(0xd00000), new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1.0f, new float[] {6.0f, 4.0f}, 0.0f));
            final ValueMarker found = o.detected() ? new ValueMarker(descriptor.timeOf(o.detectionFrame()),
                new Color(0x007f3f), new BasicStroke(1.5f)) : null;
            if (labelled) {
                // The onset's label sits left of its line, unless the line is in the first part of the run, where
                // the text would run off the plot; the detection label is lower, so the two never overlap.
                final boolean leftOfLine = onset > EARLY_ONSET_SHARE * descriptor.timeOf(lastFrame + 1);
                label(start, f.id() + " onset: " + f.kind() + " (" + f.target() + ")"
                    + (o.status() == FaultOutcome.Status.UNDETECTED ? ", undetected" : ""), index, leftOfLine, false);
                if (found != null) {
                    label(found, f.id() + " detected +" + Numbers.text(o.latencySeconds()) + " s", index, false, true);
                }
            }
            plot.addDomainMarker(start, Layer.FOREGROUND);
            if (found != null) {
                plot.addDomainMarker(found, Layer.FOREGROUND);
            }
            index++;
        }
    }

    /**
     * Onset labels go left of their line and detection labels right, staggered down so they do not overlap.
     *
     * @param left  whether the text goes left of the line (else right)
     * @param lower whether it goes one line lower (a detection label, below its fault's onset label)
     */
    private static void label(final ValueMarker marker, final String text, final int index, final boolean left,
        final boolean lower) {
        marker.setLabel(text);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        marker.setLabelPaint(marker.getPaint());
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8 + 36 * index + (lower ? 18 : 0), 4, 2, 4));
        marker.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    }

    private void stylePlot(final XYPlot plot) {
        // Later series (the outputs) drawn over earlier ones (truth, sensors); time axis exactly the run.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.getDomainAxis().setRange(0.0, Math.max(descriptor.timeOf(lastFrame + 1), 1e-9));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xcccccc));
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        plot.getDomainAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        plot.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }

    static JFreeChart chart(final String title, final org.jfree.chart.plot.Plot plot) {
        final JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }
}
