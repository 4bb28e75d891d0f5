package org.bftvote.sim.reliability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The convergence plot: for each condition, the running estimate per flight hour (line) and its 95 % interval
 * (band) against the importance samples used, one panel per condition, the sample axis logarithmic. A panel whose
 * estimate is 0 throughout shows an empty band. Headless JFreeChart.
 */
final class ConvergencePlot {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1000;

    private ConvergencePlot() {
    }

    /**
     * @param file         the PNG to write
     * @param title        the chart's title
     * @param conditions   the conditions, one panel each
     * @param rows         per condition (in that order), rows {samples, estimate, lower, upper} per flight
     * @param missionHours divides every value (per flight hour)
     * @throws IOException if the file cannot be written
     */
    static void write(final Path file, final String title, final List<Condition> conditions,
        final List<List<double[]>> rows, final double missionHours) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        final LogAxis samples = new LogAxis("importance samples used");
        samples.setSmallestValue(1.0);
        final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(samples);
        plot.setGap(12.0);
        for (int i = 0; i < conditions.size(); i++) {
            final Condition c = conditions.get(i);
            final YIntervalSeries series = new YIntervalSeries(c.key());
            for (final double[] r : rows.get(i)) {
                series.add(r[0], r[1] / missionHours, r[2] / missionHours, r[3] / missionHours);
            }
            final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            data.addSeries(series);
            final DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setSeriesPaint(0, new Color(0x1f, 0x5f, 0xbf));
            renderer.setSeriesFillPaint(0, new Color(0x9f, 0xbf, 0xef));
            renderer.setSeriesStroke(0, new BasicStroke(2.0f));
            final NumberAxis value = new NumberAxis(c.key() + " per flight hour");
            value.setAutoRangeIncludesZero(true);
            plot.add(new XYPlot(data, null, value, renderer), 1);
        }
        final JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
