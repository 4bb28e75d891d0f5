package org.bftvote.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.hil.HilOptions;
import org.bftvote.sim.hil.HilRun;
import org.bftvote.sim.hil.ProcessFault;
import org.bftvote.sim.hil.ProcessRun;
import org.bftvote.sim.hil.RigSettings;
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
 * {@code bftvote-sim hil SCENARIO [--duration T] [--frame-rate HZ] [--realtime] [--lanes-over processes|udp
 * [--port-base P] [--external-lane L]...] [--out DIR]}: a real-time session. With {@code --lanes-over processes}
 * (the reference) every lane is its own process behind a relay that applies the scenario's faults
 * ({@link ProcessRun}); with {@code udp} the lanes are threads of this process ({@link HilRun}). Exit 0 when every
 * planned frame ran and the lanes agreed (processes: the healthy lanes, within the fault hypothesis, and the
 * scenario's expectations held), 1 otherwise (deadline misses are reported, not judged: they depend on the machine),
 * 2 for bad usage, 3 for I/O errors (a port that cannot be bound, a lane process that fails).
 */
@Command(name = "hil", mixinStandardHelpOptions = true,
    description = "Runs a scenario paced to the wall clock: every lane its own process behind a fault-injecting "
        + "relay (--lanes-over processes), a thread behind its own UDP socket (udp), or all in memory; reports "
        + "latency, deadline misses, clock skew, datagram accounting and lane agreement.")
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

    @Option(names = "--lanes-over", paramLabel = "MODE", description = "processes: each lane its own process behind "
        + "the relay (the reference); udp: each lane a thread behind its own UDP socket on 127.0.0.1.")
    private String lanesOver;

    @Option(names = "--port-base", paramLabel = "P",
        description = "udp: lane i uses 127.0.0.1:(P + i) (default: " + HilOptions.DEFAULT_PORT_BASE + "). "
            + "processes: lane i at P + i, the rig at P + n, lane j's bus port at P + n + 1 + j (default: ports from "
            + "an ephemeral bind).")
    private Integer portBase;

    @Option(names = "--external-lane", paramLabel = "L",
        description = "Lane index not started here: a lane computer (or a bridge to it) serves its port instead.")
    private List<Integer> externalLanes = new ArrayList<>();

    @Option(names = "--clock-offset-us", paramLabel = "US", description = "processes: each lane's clock starts off "
        + "by a seeded amount within +-US (default: 5000).")
    private double clockOffsetUs = 5_000.0;

    @Option(names = "--clock-drift-ppm", paramLabel = "PPM", description = "processes: each lane's clock runs fast "
        + "or slow by a seeded rate within +-PPM (default: 50).")
    private double clockDriftPpm = 50.0;

    @Option(names = "--stall", paramLabel = "LANE:AT_S:DURATION_S", description = "processes: SIGSTOP the lane at "
        + "simulated time AT_S for DURATION_S, then SIGCONT.")
    private List<String> stalls = new ArrayList<>();

    @Option(names = "--kill", paramLabel = "LANE:AT_S[:RESTART_AFTER_S]", description = "processes: SIGKILL the "
        + "lane at simulated time AT_S and, given RESTART_AFTER_S, start it again that much later (it joins).")
    private List<String> kills = new ArrayList<>();

    @Option(names = "--garbage", paramLabel = "N", description = "processes: send N garbage datagrams to the lanes' "
        + "sockets during the session (default 0).")
    private long garbage;

    @Option(names = "--round-window-us", paramLabel = "US", description = "processes: the round window (default: "
        + "derived from the transfer times and clock skew measured before the session).")
    private Double roundWindowUs;

    @Option(names = "--session-id", paramLabel = "ID", description = "processes: the session's name, on every lane "
        + "process's command line as -Dbftvote.rig.session=ID (default: a random one).")
    private String sessionId;

    @Option(names = "--rt-priority", paramLabel = "N", description = "processes: run the lanes' threads and the "
        + "rig's relay under the real-time FIFO policy at priority N, 1 to 99 (needs the privilege; default 0).")
    private int rtPriority;

    @Option(names = "--trace", paramLabel = "DIR", description = "processes: record the session as a trace: every "
        + "lane's received messages and readings, so that it replays offline (DIR must not exist or be empty).")
    private Path trace;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where the reports go (default: sim-out/hil-<scenario>).")
    private Path out;

    /** Creates the command; picocli sets its arguments. */
    public HilCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        final boolean over = lanesOver != null;
        if (over && !"udp".equals(lanesOver) && !"processes".equals(lanesOver)) {
            throw new ParameterException(spec.commandLine(), "--lanes-over must be processes or udp, got "
                + lanesOver);
        }
        final boolean processes = "processes".equals(lanesOver);
        if (trace != null && !processes) {
            throw new ParameterException(spec.commandLine(), "--trace needs --lanes-over processes");
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
        final String lengthProblem = RunChecks.lengthProblem(scenario,
            frameRate != null ? frameRate : scenario.platform().frameRate(),
            frameRate != null ? "--duration with --frame-rate" : "--duration");
        if (lengthProblem != null) {
            throw new ParameterException(spec.commandLine(), lengthProblem);
        }
        final int lanes = scenario.platform().lanes().size();
        final int base = portBase != null ? portBase : processes ? 0 : HilOptions.DEFAULT_PORT_BASE;
        final int ports = processes ? 2 * lanes + 1 : lanes;
        if (over && (base != 0 || !processes) && (base < 1024 || base + ports - 1 > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--port-base must leave " + ports
                + " ports within 1024..65535, got " + base);
        }
        for (final int l : externalLanes) {
            if (!over || l < 0 || l >= lanes) {
                throw new ParameterException(spec.commandLine(), "--external-lane needs --lanes-over and a lane "
                    + "in 0.." + (lanes - 1) + ", got " + l);
            }
        }
        final double rate = frameRate != null ? frameRate : scenario.platform().frameRate();
        final Path dir = out != null ? out : Path.of("sim-out", "hil-" + scenario.name());
        if (processes) {
            final boolean passed = ProcessRun.execute(scenario, rigSettings(scenario, rate, base, dir),
                spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut()).passed();
            return passed ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
        }
        final boolean agreed = HilRun.run(scenario, new HilOptions(rate, realtime, over, base, externalLanes), dir,
            spec.commandLine().getOut());
        return agreed ? ExitCodes.OK : ExitCodes.EXPECTATIONS_NOT_MET;
    }

    private RigSettings rigSettings(final Scenario scenario, final double rate, final int base, final Path dir) {
        final int lanes = scenario.platform().lanes().size();
        if (!(clockOffsetUs >= 0 && clockOffsetUs <= 1e6) || !(clockDriftPpm >= 0 && clockDriftPpm <= 1_000)) {
            throw new ParameterException(spec.commandLine(), "--clock-offset-us must be in 0..1000000 and "
                + "--clock-drift-ppm in 0..1000, got " + clockOffsetUs + " and " + clockDriftPpm);
        }
        if (rtPriority < 0 || rtPriority > 99) {
            throw new ParameterException(spec.commandLine(), "--rt-priority must be in 0..99, got " + rtPriority);
        }
        if (garbage < 0 || roundWindowUs != null && !(roundWindowUs > 0 && Double.isFinite(roundWindowUs))) {
            throw new ParameterException(spec.commandLine(), "--garbage must be >= 0 and --round-window-us > 0");
        }
        final List<ProcessFault> faults = new ArrayList<>();
        try {
            for (final String s : stalls) {
                faults.add(ProcessFault.parse(s, ProcessFault.Kind.STALL, scenario.platform().frameRate(), lanes));
            }
            for (final String k : kills) {
                faults.add(ProcessFault.parse(k, ProcessFault.Kind.KILL, scenario.platform().frameRate(), lanes));
            }
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--stall/--kill: " + e.getMessage());
        }
        return new RigSettings(locations.profiles().toAbsolutePath(), dir, rate, base, new HashSet<>(externalLanes),
            clockOffsetUs, clockDriftPpm, faults, garbage, roundWindowUs == null ? 0 : Math.round(roundWindowUs * 1e3),
            RigSettings.LANE_JAVA_OPTIONS, sessionId, rtPriority, trace);
    }
}
