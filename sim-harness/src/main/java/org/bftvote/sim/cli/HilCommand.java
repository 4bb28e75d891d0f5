package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.hil.HilOptions;
import org.bftvote.sim.hil.HilRun;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.scenario.ScenarioCatalog;
import org.bftvote.sim.scenario.ScenarioLoader;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim hil SCENARIO [--duration T] [--frame-rate HZ] [--realtime] [--lanes-over udp
 * [--port-base P] [--external-lane L]...] [--out DIR]}: a real-time session. Prints the report and writes
 * {@code hil.json}. Exit 0 when every planned frame ran and the lanes agreed in every frame, 1 otherwise (deadline
 * misses are reported, not judged: they depend on the machine), 2 for bad usage, 3 for I/O errors (a port that
 * cannot be bound).
 */
@Command(name = "hil", mixinStandardHelpOptions = true,
    description = "Runs a scenario paced to the wall clock, lanes in memory or each behind a UDP socket on "
        + "127.0.0.1, and reports compute latency, deadline misses and lane agreement.")
public final class HilCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Parameters(index = "0", paramLabel = "SCENARIO",
        description = "Scenario name (see 'scenarios list') or path to a scenario YAML file.")
    private String scenarioName;

    @Option(names = "--duration", paramLabel = "T", description = "Session length in seconds (default: the "
        + "scenario's).")
    private Double duration;

    @Option(names = "--frame-rate", paramLabel = "HZ",
        description = "Wall-clock frame rate (default: the platform's); simulated time still runs at the platform's.")
    private Double frameRate;

    @Option(names = "--realtime", description = "Pace the in-memory session to the wall clock (always on over UDP).")
    private boolean realtime;

    @Option(names = "--lanes-over", paramLabel = "udp", description = "Run each lane behind its own UDP socket on "
        + "127.0.0.1 (only 'udp').")
    private String lanesOver;

    @Option(names = "--port-base", paramLabel = "P",
        description = "Lane i uses 127.0.0.1:(P + i) (default: " + HilOptions.DEFAULT_PORT_BASE + ").")
    private int portBase = HilOptions.DEFAULT_PORT_BASE;

    @Option(names = "--external-lane", paramLabel = "L",
        description = "Lane index not started here: a lane computer (or a bridge to it) serves its port instead.")
    private List<Integer> externalLanes = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where hil.json goes (default: sim-out/hil-<scenario>).")
    private Path out;

    /** Creates the command; picocli sets its arguments. */
    public HilCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        final boolean udp = lanesOver != null;
        if (udp && !"udp".equals(lanesOver)) {
            throw new ParameterException(spec.commandLine(), "--lanes-over must be udp, got " + lanesOver);
        }
        if (duration != null && !(duration > 0.0 && Double.isFinite(duration))) {
            throw new ParameterException(spec.commandLine(),
                "--duration must be a positive number of seconds, got " + duration);
        }
        if (frameRate != null && !(frameRate > 0.0 && frameRate <= 10_000.0)) {
            throw new ParameterException(spec.commandLine(), "--frame-rate must be in (0, 10000] Hz, got " + frameRate);
        }
        final ProfileCatalog catalog = ProfileCatalog.load(locations.profiles());
        Scenario scenario = new ScenarioLoader(catalog).load(new ScenarioCatalog(locations.scenarios())
            .resolve(scenarioName));
        scenario = scenario.withRun(scenario.seed(), duration != null ? duration : scenario.durationSeconds());
        final int lanes = scenario.platform().lanes().size();
        if (udp && (portBase < 1024 || portBase + lanes - 1 > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--port-base must leave " + lanes
                + " ports within 1024..65535, got " + portBase);
        }
        for (final int l : externalLanes) {
            if (!udp || l < 0 || l >= lanes) {
                throw new ParameterException(spec.commandLine(), "--external-lane needs --lanes-over udp and a lane "
                    + "in 0.." + (lanes - 1) + ", got " + l);
            }
        }
        final double rate = frameRate != null ? frameRate : scenario.platform().frameRate();
        final Path dir = out != null ? out : Path.of("sim-out", "hil-" + scenario.name());
        final boolean agreed = HilRun.run(scenario, new HilOptions(rate, realtime, udp, portBase, externalLanes), dir,
            spec.commandLine().getOut());
        return agreed ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }
}
