package org.bftvote.sim.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationReport;
import org.bftvote.sim.results.FrameCsvWriter;
import org.bftvote.sim.results.HumanSummary;
import org.bftvote.sim.results.PlotWriter;
import org.bftvote.sim.results.RecordIntegrity;
import org.bftvote.sim.results.RunMetrics;
import org.bftvote.sim.results.SummaryJsonWriter;
import org.bftvote.sim.run.RunDescriptor;

/**
 * Re-analyses a recorded run without simulating it again: feeds a trace to the results consumers exactly as a live
 * run feeds them (per exclusion and per frame: {@link RunMetrics}, then {@link FrameCsvWriter}, then
 * {@link PlotWriter}) and writes the same files: {@value #FRAMES_CSV}, the plots ({@code signal-<s>.png},
 * {@code health-<s>.png} per signal, in signal order) and {@value #SUMMARY_JSON}, which lists them in that order.
 * Metrics use the validity tolerances recorded in the trace's header and the default exclusion capacity, so a
 * summary written live with the same settings and file list is byte-identical to the replayed one.
 *
 * <p>A bad trace writes nothing (the CSV is streamed to a temporary file that is only renamed once the whole trace
 * has been read and checked). A truncated trace is replayed up to its last complete document, a damaged one around
 * its damaged documents; either way {@code summary.json} says so in {@code record_integrity} and the human summary
 * starts with a notice.
 */
public final class TraceReplay {
    /** The per-frame CSV's file name. */
    public static final String FRAMES_CSV = "frames.csv";
    /** The summary's file name. */
    public static final String SUMMARY_JSON = "summary.json";

    private TraceReplay() {
    }

    /**
     * Replays a trace into {@code outDir}.
     *
     * @param trace        the trace directory
     * @param outDir       where the files go (created if missing; files of the same names are replaced)
     * @param expectations expectations as {@link ExpectationCheck#evaluate} takes them; empty for none
     * @return counts, metrics, verdict, files and the human summary
     * @throws TraceException if the trace is not a readable trace (nothing is written then)
     * @throws IOException    if an output file cannot be written
     */
    public static ReplayResult replay(final Path trace, final Path outDir, final Map<String, ?> expectations)
        throws TraceException, IOException {
        try (TraceReader reader = TraceReader.open(trace)) {
            final TraceHeader header = reader.header();
            final RunDescriptor run = header.descriptor();
            final RunMetrics metrics = new RunMetrics(run, header.validityTolerance(),
                RunMetrics.DEFAULT_EXCLUSION_CAPACITY);
            final PlotWriter plots = new PlotWriter(run);
            Files.createDirectories(outDir);
            final Path csvFile = outDir.resolve(FRAMES_CSV);
            final Path partial = outDir.resolve(FRAMES_CSV + ".partial");
            final TraceSummary summary;
            try (FrameCsvWriter csv = FrameCsvWriter.open(run, partial)) {
                summary = reader.read(metrics, csv, plots);
            } catch (final TraceException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, csvFile, StandardCopyOption.REPLACE_EXISTING);
            final List<String> files = new ArrayList<>();
            files.add(FRAMES_CSV);
            for (final Path plot : plots.write(outDir, metrics)) {
                files.add(plot.getFileName().toString());
            }
            files.add(SUMMARY_JSON);
            final ExpectationReport report = ExpectationCheck.evaluate(expectations, metrics);
            SummaryJsonWriter.write(outDir.resolve(SUMMARY_JSON), metrics, report, files, integrity(summary));
            final String notice = summary.complete() ? "" : summary.notice(trace) + "\n";
            return new ReplayResult(summary, metrics, report, files,
                notice + HumanSummary.text(metrics, report, files));
        }
    }

    /**
     * @param summary what a read of a trace found
     * @return the same for the summary file
     */
    public static RecordIntegrity integrity(final TraceSummary summary) {
        return new RecordIntegrity(summary.truncated(), summary.damagedDocuments(), summary.firstDamagedDocument(),
            summary.lastFrameBeforeDamage());
    }
}
