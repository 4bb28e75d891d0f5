package org.bftvote.sim.revote;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.channel.OutputStatus;
import org.bftvote.sim.recording.RecordedFrames;

/**
 * What changes when the same recording is voted with another configuration: the first frame in which any signal's
 * output, status or failed channels differ, and a table of the decisions that changed (each channel's exclusion,
 * frames per status, each known fault's detection, false exclusions, the output against the healthy median).
 * Both runs must have kept their frames.
 *
 * @param firstDifferentFrame the first frame that differs, or -1 when the runs decide alike throughout
 * @param firstDifferentSignal the signal it differs in, or -1
 * @param rows                the changed decisions, signal by signal
 */
public record ConfigDiff(int firstDifferentFrame, int firstDifferentSignal, List<Row> rows) {
    /** The file of the table. */
    public static final String FILE_NAME = "diff.csv";

    /**
     * One changed decision.
     *
     * @param signal    the signal's name
     * @param decision  what (for example {@code channel 1 excluded}, {@code frames NORMAL})
     * @param base      under the base configuration
     * @param candidate under the configuration tried
     */
    public record Row(String signal, String decision, String base, String candidate) {
    }

    /**
     * @param base      the run with the base configuration
     * @param candidate the run with the configuration tried
     * @return what differs
     */
    public static ConfigDiff of(final RevoteRun base, final RevoteRun candidate) {
        final RecordedFrames rec = base.recording();
        int first = -1;
        int firstSignal = -1;
        for (int f = 0; f < rec.frames() && first < 0; f++) {
            for (int s = 0; s < rec.signals() && first < 0; s++) {
                if (base.status(s, f) != candidate.status(s, f) || base.failed(s, f) != candidate.failed(s, f)
                    || Double.doubleToLongBits(base.output(s, f)) != Double.doubleToLongBits(candidate.output(s, f))) {
                    first = f;
                    firstSignal = s;
                }
            }
        }
        final List<Row> rows = new ArrayList<>();
        for (int s = 0; s < rec.signals(); s++) {
            rows(rec, base.outcomes().get(s), candidate.outcomes().get(s), rows);
        }
        return new ConfigDiff(first, firstSignal, rows);
    }

    private static void rows(final RecordedFrames rec, final SignalOutcome a, final SignalOutcome b,
        final List<Row> rows) {
        final String n = a.name();
        for (int c = 0; c < a.channels(); c++) {
            add(rows, n, "channel " + c + " excluded", exclusion(rec, a, c), exclusion(rec, b, c));
        }
        for (final OutputStatus status : OutputStatus.values()) {
            add(rows, n, "frames " + status, Long.toString(a.statusFrames(status)),
                Long.toString(b.statusFrames(status)));
        }
        for (int i = 0; i < a.detections().size(); i++) {
            final SignalOutcome.Detection da = a.detections().get(i);
            final SignalOutcome.Detection db = b.detections().get(i);
            add(rows, n, "known fault channel " + da.channel() + " detection latency", latency(da), latency(db));
        }
        add(rows, n, "false exclusions", Integer.toString(a.falseExclusions()), Integer.toString(b.falseExclusions()));
        add(rows, n, "output error vs healthy median, max", Double.toString(a.errorMax()),
            Double.toString(b.errorMax()));
    }

    private static void add(final List<Row> rows, final String signal, final String decision, final String base,
        final String candidate) {
        if (!base.equals(candidate)) {
            rows.add(new Row(signal, decision, base, candidate));
        }
    }

    private static String exclusion(final RecordedFrames rec, final SignalOutcome o, final int c) {
        final int f = o.firstExclusion(c);
        return f == SignalOutcome.NEVER ? "never" : String.format(Locale.ROOT, "at %.3f s (frame %d, %s)",
            rec.timeS(f), f, o.exclusionReason(c));
    }

    private static String latency(final SignalOutcome.Detection d) {
        return d.detectionFrame() == SignalOutcome.NEVER ? "undetected"
            : String.format(Locale.ROOT, "%.3f s", d.latencyS());
    }

    /**
     * @param rec the recording
     * @return the diff for people, one line per changed decision
     */
    public String text(final RecordedFrames rec) {
        final StringBuilder sb = new StringBuilder();
        if (firstDifferentFrame < 0) {
            return sb.append("the two configurations decide alike in every frame\n").toString();
        }
        sb.append(String.format(Locale.ROOT, "first frame that differs: %d (%.3f s, signal %s)%n", firstDifferentFrame,
            rec.timeS(firstDifferentFrame), rec.name(firstDifferentSignal)));
        for (final Row r : rows) {
            sb.append("  ").append(r.signal()).append(": ").append(r.decision()).append(": ").append(r.base())
                .append(" -> ").append(r.candidate()).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param file where to write the table
     * @throws IOException if it cannot be written
     */
    public void write(final Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("signal,decision,base,candidate\n");
            for (final Row r : rows) {
                w.write(quote(r.signal()) + "," + quote(r.decision()) + "," + quote(r.base()) + ","
                    + quote(r.candidate()) + "\n");
            }
        }
    }

    private static String quote(final String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
