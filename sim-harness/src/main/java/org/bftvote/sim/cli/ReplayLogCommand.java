package org.bftvote.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bftvote.InvalidConfigException;
import org.bftvote.sim.recording.RecordingException;
import org.bftvote.sim.revote.ReplayLog;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim replay-log RECORDING --map MAP.yaml [--config CHANNELS.yaml] [--against BASE.yaml]
 * [--sweep GRID] [--compare px4] [--out DIR] [--force] [--threads N]}: re-votes a recording made outside this
 * project ({@link ReplayLog}). Exit codes: 0 done; 2 a malformed recording, map or configuration (one line naming
 * the file, the line or byte and the field), a configuration the library refuses, a bad grid, or an output folder
 * holding older files without {@code --force}; 3 an output file could not be written.
 */
@Command(name = "replay-log", mixinStandardHelpOptions = true,
    description = "Re-votes a recording (CSV of any layout, or PX4 ULog) through a map, with a channel "
        + "configuration; what-if against another configuration, sweeps, PX4's selection beside.")
public final class ReplayLogCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "The recording: .csv, .csv.gz or .ulg.")
    private Path recording;

    @Option(names = "--map", required = true, paramLabel = "MAP.yaml",
        description = "How to read it: time, signals, channels, validity, frames (see sim-harness/recordings).")
    private Path map;

    @Option(names = "--config", paramLabel = "CHANNELS.yaml",
        description = "Channel settings applied over the map's recommended ones (only what it names changes).")
    private Path config;

    @Option(names = "--against", paramLabel = "BASE.yaml",
        description = "Also vote with these settings (over the map's) and report what changes: first differing "
            + "frame, changed decisions (diff.csv), overlay plots.")
    private Path against;

    @Option(names = "--sweep", paramLabel = "GRID",
        description = "Vote at every point of a grid, e.g. 'threshold=0.1:1.0:0.1,persistence=5,10,20,50': "
            + "sweep.csv and a heatmap sweep.png instead of the per-frame files.")
    private String sweep;

    @Option(names = "--compare", paramLabel = "px4", description = "Show PX4's sensor selection beside: px4.")
    private String compare;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("replay-log-out");

    @Option(names = "--force", description = "Clear the output directory first when it holds older files.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Sweep threads (default: the processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    /** Creates the command; picocli sets its arguments. */
    public ReplayLogCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws IOException {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        if (compare != null && !"px4".equals(compare)) {
            stderr.println("--compare: '" + compare + "' is not a known baseline (px4)");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        final ReplayLog.Result result;
        try {
            result = ReplayLog.run(new ReplayLog.Request(recording, map, config, against, sweep, compare != null,
                out, force, Math.max(1, threads), spec.commandLine().getParseResult().originalArgs()));
        } catch (final InvalidConfigException e) {
            stderr.println("configuration: " + e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        } catch (final ProfileException | RecordingException | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (!result.warning().isEmpty()) {
            stderr.println(result.warning());
            stderr.flush();
        }
        stdout.print(result.text());
        stdout.flush();
        return ExitCodes.OK;
    }
}
