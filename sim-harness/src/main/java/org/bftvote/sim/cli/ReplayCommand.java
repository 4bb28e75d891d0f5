package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bftvote.sim.results.ExpectationsYaml;
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
 * not, 2 a bad trace or expectations file (one message naming the trace, document and field; no stack trace),
 * 3 an output file could not be written.
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
            result = TraceReplay.replay(trace, out, expectations);
        } catch (final TraceException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (result.trace().truncated()) {
            stderr.println("warning: trace " + trace + " is truncated (the run stopped before its end)");
            stderr.flush();
        }
        stdout.print(result.text());
        stdout.flush();
        return result.report().exitCode();
    }
}
