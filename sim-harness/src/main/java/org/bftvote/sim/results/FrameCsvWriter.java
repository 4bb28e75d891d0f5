package org.bftvote.sim.results;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bftvote.sim.run.FrameObserver;
import org.bftvote.sim.run.FrameSample;
import org.bftvote.sim.run.OutputStatusCode;
import org.bftvote.sim.run.RunDescriptor;
import org.bftvote.sim.run.SignalInfo;

/**
 * Writes one CSV row per frame, streaming (nothing is kept), with {@code \n} line ends and
 * {@link Double#toString(double)} numbers, so the same run gives the same bytes. Columns, in order ({@code <s>} is a
 * signal name, {@code <l>} a lane index, {@code <o>} a message outcome):
 * <ol>
 *   <li>{@code frame}, {@code t} (seconds);</li>
 *   <li>per signal: {@code <s>.truth}; per lane {@code <s>.sensor.L<l>}; per lane {@code <s>.sensor_flags.L<l>}
 *       ({@code vf} valid and fresh, {@code v-} valid but stale, {@code -f} invalid, {@code --} invalid and stale);
 *       per lane {@code <s>.out.L<l>} (raw voted value, {@code NaN} when none); per lane {@code <s>.status.L<l>}
 *       ({@link OutputStatusCode} name); per lane {@code <s>.health.L<l>} (one character per channel, channel 0
 *       first: {@code H} considered healthy, {@code -} not); {@code <s>.oracle_faulty} (per channel: {@code F}
 *       faulty, {@code -} not);</li>
 *   <li>per lane {@code L<l>.excluded_lanes} (per lane: {@code X} excluded by lane l, {@code -} not);</li>
 *   <li>{@code oracle_healthy_lanes} (per lane: {@code H} healthy, {@code F} faulty), {@code hypothesis_exceeded}
 *       ({@code 0}/{@code 1});</li>
 *   <li>per outcome {@code msg.<o>}: messages with that outcome in the frame.</li>
 * </ol>
 * Exclusion events are not in this file (see the summary JSON). A write failure throws
 * {@link UncheckedIOException}. Not thread safe.
 */
public final class FrameCsvWriter implements FrameObserver, Closeable {
    private final Writer out;
    private final int lanes;
    private final int signals;
    private final int outcomes;

    /**
     * Writes the header at once.
     *
     * @param descriptor the run
     * @param out        where to write; this writer closes it
     * @throws UncheckedIOException if the header cannot be written
     */
    public FrameCsvWriter(final RunDescriptor descriptor, final Writer out) {
        this.out = out;
        this.lanes = descriptor.lanes();
        this.signals = descriptor.signalCount();
        this.outcomes = descriptor.messageOutcomes().size();
        writeRow(header(descriptor));
    }

    /**
     * @param descriptor the run
     * @param file       the CSV file to create or replace (UTF-8)
     * @return a writer streaming into {@code file}
     * @throws IOException if the file cannot be opened
     */
    public static FrameCsvWriter open(final RunDescriptor descriptor, final Path file) throws IOException {
        final BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new FrameCsvWriter(descriptor, w);
        } catch (final UncheckedIOException e) {
            w.close();
            throw e.getCause();
        }
    }

    /**
     * @param descriptor the run
     * @return the column names in order
     */
    public static List<String> header(final RunDescriptor descriptor) {
        final List<String> h = new ArrayList<>();
        h.add("frame");
        h.add("t");
        final int n = descriptor.lanes();
        for (final SignalInfo s : descriptor.signals()) {
            final String p = s.name();
            h.add(p + ".truth");
            perLane(h, p + ".sensor.L", n);
            perLane(h, p + ".sensor_flags.L", n);
            perLane(h, p + ".out.L", n);
            perLane(h, p + ".status.L", n);
            perLane(h, p + ".health.L", n);
            h.add(p + ".oracle_faulty");
        }
        for (int l = 0; l < n; l++) {
            h.add("L" + l + ".excluded_lanes");
        }
        h.add("oracle_healthy_lanes");
        h.add("hypothesis_exceeded");
        for (final String o : descriptor.messageOutcomes()) {
            h.add("msg." + o);
        }
        return h;
    }

    private static void perLane(final List<String> h, final String prefix, final int lanes) {
        for (int l = 0; l < lanes; l++) {
            h.add(prefix + l);
        }
    }

    /** Exclusions are reported in the summary, not per frame: ignored here. */
    @Override
    public void onExclusion(final long frame, final int observingLane, final int signal, final int channel,
        final String reason) {
        // Nothing: the CSV carries the health masks, which show every exclusion's effect frame by frame.
    }

    @Override
    public void onFrame(final FrameSample f) {
        try {
            out.write(Long.toString(f.frame()));
            cell(Numbers.exact(f.timeS()));
            for (int s = 0; s < signals; s++) {
                cell(Numbers.exact(f.truth(s)));
                for (int l = 0; l < lanes; l++) {
                    cell(Numbers.exact(f.sensor(l, s)));
                }
                for (int l = 0; l < lanes; l++) {
                    cell((f.sensorValid(l, s) ? "v" : "-") + (f.sensorFresh(l, s) ? "f" : "-"));
                }
                for (int l = 0; l < lanes; l++) {
                    cell(Numbers.exact(f.output(l, s)));
                }
                for (int l = 0; l < lanes; l++) {
                    cell(OutputStatusCode.fromCode(f.status(l, s)).name());
                }
                for (int l = 0; l < lanes; l++) {
                    cell(Masks.text(f.healthMask(l, s), lanes, 'H', '-'));
                }
                cell(Masks.text(f.oracleFaultyChannels(s), lanes, 'F', '-'));
            }
            for (int l = 0; l < lanes; l++) {
                cell(Masks.text(f.excludedLanes(l), lanes, 'X', '-'));
            }
            cell(Masks.text(f.oracleHealthyLanes(), lanes, 'H', 'F'));
            cell(f.hypothesisExceeded() ? "1" : "0");
            for (int o = 0; o < outcomes; o++) {
                cell(Long.toString(f.messages(o)));
            }
            out.write('\n');
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(final String text) throws IOException {
        out.write(',');
        out.write(text);
    }

    private void writeRow(final List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(cells.get(i)));
            }
            out.write('\n');
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting, needed only for names that contain a comma, a quote or a line break. */
    static String quote(final String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
