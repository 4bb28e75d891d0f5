package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bftvote.sim.results.ExpectationsYaml;
import org.bftvote.sim.results.OutputFolder;
import org.bftvote.sim.results.Provenance;
import org.bftvote.sim.trace.ReplayResult;
import org.bftvote.sim.trace.TraceException;
import org.bftvote.sim.trace.TraceReplay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim replay TRACE_DIR [--out DIR] [--expect FILE]}: re-analyses a recorded run ({@link TraceReplay})
 * and prints its human summary. Exit codes as for {@code run}: 0 every expectation met (or none given), 1 one was
 * not, 2 a bad trace or expectations file (one message naming the trace, document and field; no stack trace), a
 * damaged trace (every intact frame replayed, the first damaged document named), or an output directory holding
 * older files without {@code --force}; 3 an output file could not be written.
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
        final ReplayResult result;
        try {
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
}
