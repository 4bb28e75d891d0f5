package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.results.ExpectationCheck;
import org.bftvote.sim.results.ExpectationsYaml;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.OverlayPlot;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.trace.ReplayResult;
import org.bftvote.sim.trace.TraceException;
import org.bftvote.sim.trace.TraceReader;
import org.bftvote.sim.trace.TraceReplay;
import org.bftvote.sim.revote.ChannelsConfig;
import org.bftvote.sim.revote.TraceDiff;
import org.bftvote.sim.revote.Sweep;
import org.bftvote.sim.revote.SweepHeatmap;
import org.bftvote.sim.revote.SweepSpec;
import org.bftvote.sim.revote.TraceRevote;
import org.bftvote.sim.revote.TraceSweep;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim replay TRACE_DIR [--out DIR] [--expect FILE]}: re-analyses a recorded run ({@link TraceReplay})
 * and prints its human summary; with {@code --config}/{@code --against} re-runs its lanes ({@link TraceRevote}), with
 * {@code --sweep} at every point of a grid ({@link TraceSweep}). Exit codes as for {@code run}: 0 every expectation
 * met (or none given), 1 one was not, 2 a bad trace or expectations file (one message naming the trace, document and
 * field; no stack trace), expectations that do not fit the trace's run (a signal or fault id it lacks, a value of
 * the wrong type: one message naming the file and field, with the valid names), {@code --expect} with
 * {@code --config} or {@code --against}, a damaged trace (every intact frame replayed, the first damaged document
 * named), or an output directory holding older files without {@code --force}; 3 an output file could not be
 * written.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-analyses a recorded trace (see 'run --trace') without simulating again.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE_DIR", description = "A trace directory written by a run.")
    private Path trace;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("replay-out");

    @Option(names = "--force", description = "Clear the output directory first when it holds older files "
        + "(without it such a directory is refused).")
    private boolean force;

    @Option(names = "--config", paramLabel = "CHANNELS.yaml",
        description = "Re-run the recorded lanes (agreement, diagnosis, votes) with these channel settings over the "
            + "recorded ones, from the messages they received (traces recorded with format 2).")
    private Path config;

    @Option(names = "--against", paramLabel = "BASE.yaml",
        description = "Also re-run with these settings and report what changes (first differing frame, diff.csv, "
            + "overlay-<signal>.png).")
    private Path against;

    @Option(names = "--sweep", paramLabel = "GRID",
        description = "Re-run the lanes at every point of a grid such as 'threshold=0.5:2:0.5,persistence=5,10' "
            + "(over --config's settings): sweep.csv and a heatmap sweep.png instead of the per-frame files.")
    private String sweep;

    @Option(names = "--threads", paramLabel = "N", description = "Sweep threads (default: the processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--expect", paramLabel = "FILE",
        description = "YAML mapping of expectations to check the replayed run against (max_agreement_violations, "
            + "min_availability, fault_detected_within_s, ...; top level or under 'expectations').")
    private Path expect;

    /** Creates the command; picocli sets its arguments. */
    public ReplayCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        final Map<String, ?> expectations;
        try {
            expectations = expect == null ? Map.of() : ExpectationsYaml.read(expect);
        } catch (final IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (sweep != null) {
            return sweep(stdout, stderr);
        }
        if (config != null || against != null) {
            if (expect != null) {
                final String other = config != null ? "--config" : "--against";
                stderr.println("--expect: cannot be combined with " + other + " (expectations are checked against"
                    + " the recorded run; replay without " + other + " to check them)");
                stderr.flush();
                return ExitCodes.BAD_INPUT;
            }
            return revote(stdout, stderr);
        }
        final ReplayResult result;
        try {
            final String misfit = expectations.isEmpty() ? null : misfit(expectations);
            if (misfit != null) {
                stderr.println(expect + ": " + misfit);
                stderr.flush();
                return ExitCodes.BAD_INPUT;
            }
            OutputFolder.prepare(out, force);
            result = TraceReplay.replay(trace, out, expectations);
        } catch (final TraceException | OutputFolder.RefusedException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        Provenance.builder("replay").arguments(spec.commandLine().getParseResult().originalArgs())
            .input("trace", trace).build().write(out);
        if (!result.trace().complete()) {
            stderr.println("warning: " + result.trace().notice(trace));
            stderr.flush();
        }
        stdout.print(result.text());
        stdout.flush();
        return result.trace().damaged() ? ExitCodes.BAD_INPUT : result.report().exitCode();
    }

    /** Why the expectations cannot be checked against the trace's run (a signal or fault it lacks), or null. */
    private String misfit(final Map<String, ?> expectations) throws TraceException {
        try (TraceReader reader = TraceReader.open(trace)) {
            return ExpectationCheck.misfit(expectations, reader.header().descriptor());
        }
    }

    private int sweep(final PrintWriter stdout, final PrintWriter stderr) throws IOException {
        if (against != null || expect != null) {
            stderr.println("--sweep: cannot be combined with " + (against != null ? "--against" : "--expect")
                + " (a sweep writes a table of every point, not one run)");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            final SweepSpec grid = SweepSpec.parse(sweep);
            final ChannelsConfig base = config == null ? ChannelsConfig.EMPTY : ChannelsConfig.read(config);
            OutputFolder.prepare(out, force);
            final List<Sweep.Row> rows = TraceSweep.run(trace, base, grid, threads);
            final Provenance.Builder p = Provenance.builder("replay")
                .arguments(spec.commandLine().getParseResult().originalArgs()).input("trace", trace);
            if (config != null) {
                p.input("config", config);
            }
            p.build().write(out);
            Sweep.write(out.resolve(Sweep.TABLE), grid, rows);
            final StringBuilder text = new StringBuilder("sweep of " + trace + " over " + rows.size() + " points\n")
                .append(Sweep.header(grid));
            rows.forEach(r -> text.append(Sweep.line(r)));
            text.append("files:   ").append(out).append(" (").append(Sweep.TABLE);
            if (SweepHeatmap.write(out.resolve(Sweep.HEATMAP), grid, rows)) {
                text.append(", ").append(Sweep.HEATMAP);
            }
            stdout.print(text.append(", ").append(Provenance.FILE_NAME).append(")\n"));
            stdout.flush();
            return ExitCodes.OK;
        } catch (final InvalidConfigException e) {
            stderr.println("configuration: " + e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        } catch (final TraceException | ProfileException | OutputFolder.RefusedException
            | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
    }

    private int revote(final PrintWriter stdout, final PrintWriter stderr) throws IOException {
        try {
            final TraceRevote.Result result = TraceRevote.revote(trace, config == null ? ChannelsConfig.EMPTY
                : ChannelsConfig.read(config), OutputFolder.prepare(out, force), true);
            final Provenance.Builder p = Provenance.builder("replay")
                .arguments(spec.commandLine().getParseResult().originalArgs()).input("trace", trace);
            if (config != null) {
                p.input("config", config);
            }
            String diff = "";
            if (against != null) {
                p.input("against", against);
                final TraceRevote.Result base = TraceRevote.revote(trace, ChannelsConfig.read(against), null, true);
                final TraceDiff d = TraceDiff.of(base, result);
                d.write(out.resolve("diff.csv"));
                final StringBuilder written = new StringBuilder("diff.csv");
                for (final Path f : OverlayPlot.write(out, base.plots(), result.plots(), d.firstDifferentFrame())) {
                    written.append(", ").append(f.getFileName());
                }
                diff = "against " + against + ":\n" + d.text() + "  written: " + written + "\n";
            }
            p.build().write(out);
            stdout.print(result.text() + diff);
            stdout.flush();
            return ExitCodes.OK;
        } catch (final TraceException | ProfileException | OutputFolder.RefusedException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        } catch (final InvalidConfigException e) {
            stderr.println("configuration: " + e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
