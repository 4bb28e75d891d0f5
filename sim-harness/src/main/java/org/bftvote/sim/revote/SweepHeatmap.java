package org.bftvote.sim.revote;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

/**
 * The sweep's heatmap, one PNG with three panels over the grid of the first two parameters (the first across, the
 * second down; a one-parameter sweep is one row): the worst detection latency (hatched grey where a known fault was
 * not detected), false exclusions and the worst RMS output error against the healthy median. Each cell carries its
 * number; the colour runs from white (the panel's lowest) to dark blue (its highest). With more than two
 * parameters only the table is written.
 */
public final class SweepHeatmap {
    private static final int CELL_W = 64;
    private static final int CELL_H = 26;
    private static final int MARGIN = 70;
    private static final int TITLE = 40;

    private SweepHeatmap() {
    }

    /**
     * @param file where to write the PNG
     * @param spec the grid (one or two parameters)
     * @param rows its rows, in point order
     * @return whether a heatmap was written (false for more than two parameters)
     * @throws IOException if it cannot be written
     */
    public static boolean write(final Path file, final SweepSpec spec, final List<Sweep.Row> rows)
        throws IOException {
        if (spec.parameters().size() > 2) {
            return false;
        }
        final List<Double> xs = spec.parameters().get(0).values();
        final List<Double> ys = spec.parameters().size() == 2 ? spec.parameters().get(1).values() : List.of(0.0);
        final int panelW = MARGIN + CELL_W * xs.size() + 20;
        final int height = TITLE + MARGIN + CELL_H * ys.size() + 30;
        final BufferedImage image = new BufferedImage(3 * panelW, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        panel(g, 0, spec, xs, ys, rows, "worst detection latency [s]", Sweep.Row::worstLatencyS);
        panel(g, panelW, spec, xs, ys, rows, "false exclusions", r -> r.falseExclusions());
        panel(g, 2 * panelW, spec, xs, ys, rows, "worst output error RMS", Sweep.Row::errorRms);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return true;
    }

    private static void panel(final Graphics2D g, final int left, final SweepSpec spec, final List<Double> xs,
        final List<Double> ys, final List<Sweep.Row> rows, final String title, final ToDoubleFunction<Sweep.Row> f) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final Sweep.Row r : rows) {
            final double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left + 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(spec.parameters().get(0).label() + " →", left + MARGIN, TITLE + 14);
        if (spec.parameters().size() == 2) {
            g.drawString(spec.parameters().get(1).label() + " ↓", left + 4, TITLE + 34);
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < xs.size(); i++) {
            g.drawString(number(xs.get(i)), left + MARGIN + i * CELL_W + 4, TITLE + MARGIN - 6);
        }
        for (int j = 0; j < ys.size(); j++) {
            if (spec.parameters().size() == 2) {
                g.setColor(Color.BLACK);
                g.drawString(number(ys.get(j)), left + 4, TITLE + MARGIN + j * CELL_H + 17);
            }
            for (int i = 0; i < xs.size(); i++) {
                cell(g, left + MARGIN + i * CELL_W, TITLE + MARGIN + j * CELL_H,
                    f.applyAsDouble(rows.get(i * ys.size() + j)), lo, hi);
            }
        }
    }

    private static void cell(final Graphics2D g, final int x, final int y, final double v, final double lo,
        final double hi) {
        if (Double.isFinite(v)) {
            final double t = hi > lo ? (v - lo) / (hi - lo) : 0.0;
            g.setColor(new Color((int) (255 - 215 * t), (int) (255 - 175 * t), (int) (255 - 95 * t)));
        } else {
            g.setColor(new Color(200, 200, 200));
        }
        g.fillRect(x, y, CELL_W - 1, CELL_H - 1);
        g.setColor(Double.isFinite(v) && hi > lo && (v - lo) / (hi - lo) > 0.6 ? Color.WHITE : Color.BLACK);
        g.drawString(Double.isFinite(v) ? number(v) : "none", x + 4, y + 17);
    }

    private static String number(final double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v)
            : String.format(Locale.ROOT, "%.3g", v);
    }
}
