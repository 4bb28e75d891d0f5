package org.bftvote.sim.revote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.recording.RecordedFrames;

/**
 * The per-frame CSV and the event log of a re-voted recording, written as {@code run} writes its CSV: {@code \n}
 * line ends, numbers with {@link Double#toString(double)} (exact round trip), so the same input gives the same
 * bytes.
 *
 * <pre>
 * frames.csv  frame, t_s, per signal s and channel c: s.C&lt;c&gt; (value), s.flags.C&lt;c&gt; (vf valid+fresh,
 *             v- valid stale, -f invalid, --), s.age_s.C&lt;c&gt; (seconds since that sample), then s.out, s.status,
 *             s.health (one character per channel: H used, R rejected by a check this frame, X declared failed,
 *             - not voted); with a PX4 comparison also s.px4_out, s.px4_selected
 * events.csv  t_s, frame, signal, channel (empty for the whole signal), event, reason, value, reference, threshold,
 *             margin
 * </pre>
 */
public final class RecordingFiles {
    /** The per-frame CSV's name. */
    public static final String FRAMES_CSV = "frames.csv";
    /** The event log's name. */
    public static final String EVENTS_CSV = "events.csv";

    private RecordingFiles() {
    }

    /**
     * @param file the CSV to write
     * @param run  a run that kept its frames
     * @param px4  the PX4 selection over the same frames, or {@code null}
     * @throws IOException if it cannot be written
     */
    public static void frames(final Path file, final RevoteRun run, final Px4Selection px4) throws IOException {
        final RecordedFrames rec = run.recording();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(rec, px4 != null));
            final StringBuilder line = new StringBuilder(512);
            for (int f = 0; f < rec.frames(); f++) {
                line.setLength(0);
                line.append(f).append(',').append(rec.timeS(f));
                for (int s = 0; s < rec.signals(); s++) {
                    signalCells(line, run, s, f);
                    if (px4 != null) {
                        line.append(',').append(px4.output(s, f)).append(',').append(px4.selected(s, f));
                    }
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static String header(final RecordedFrames rec, final boolean px4) {
        final StringBuilder h = new StringBuilder("frame,t_s");
        for (int s = 0; s < rec.signals(); s++) {
            final String n = rec.name(s);
            for (int c = 0; c < rec.channels(s); c++) {
                h.append(',').append(n).append(".C").append(c).append(',').append(n).append(".flags.C").append(c)
                    .append(',').append(n).append(".age_s.C").append(c);
            }
            h.append(',').append(n).append(".out,").append(n).append(".status,").append(n).append(".health");
            if (px4) {
                h.append(',').append(n).append(".px4_out,").append(n).append(".px4_selected");
            }
        }
        return h.append('\n').toString();
    }

    private static void signalCells(final StringBuilder line, final RevoteRun run, final int s, final int f) {
        final RecordedFrames rec = run.recording();
        final int channels = rec.channels(s);
        final double[] values = rec.values(s);
        final long valid = rec.validMask(s, f);
        final long fresh = rec.freshMask(s, f);
        for (int c = 0; c < channels; c++) {
            final long bit = 1L << c;
            line.append(',').append(values[f * channels + c]).append(',')
                .append((valid & bit) != 0 ? 'v' : '-').append((fresh & bit) != 0 ? 'f' : '-')
                .append(',').append(rec.ageS(s, f, c));
        }
        line.append(',').append(run.output(s, f)).append(',').append(run.status(s, f).name()).append(',');
        final long failed = run.failed(s, f);
        final long rejected = run.rejected(s, f);
        final OutputStatus status = run.status(s, f);
        for (int c = 0; c < channels; c++) {
            final long bit = 1L << c;
            line.append((failed & bit) != 0 ? 'X' : (rejected & bit) != 0 ? 'R'
                : status == OutputStatus.INVALID ? '-' : 'H');
        }
    }

    /**
     * @param file the event log to write
     * @param run  the run
     * @throws IOException if it cannot be written
     */
    public static void events(final Path file, final RevoteRun run) throws IOException {
        final RecordedFrames rec = run.recording();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t_s,frame,signal,channel,event,reason,value,reference,threshold,margin\n");
            for (final RevoteEvent e : run.events()) {
                final boolean channel = e.channel() >= 0;
                w.write(e.timeS() + "," + e.frame() + "," + rec.name(e.signal()) + ","
                    + (channel ? Integer.toString(e.channel()) : "") + "," + e.event() + "," + e.reason() + ","
                    + cell(e.value()) + "," + cell(e.reference()) + ","
                    + (channel ? Double.toString(run.config(e.signal()).miscompareThreshold()) : "") + ","
                    + cell(e.margin()) + "\n");
            }
        }
    }

    private static String cell(final double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
