package org.bftvote.sim.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;

import org.bftvote.sim.hil.LaneOptions;
import org.bftvote.sim.hil.LaneRun;
import org.bftvote.sim.profile.PlatformProfile;
import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.yaml.ProfileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftvote-sim lane --platform P --index I --rig PORT --bus-port PORT --link-ports P0,P1,...}: one lane
 * computer as its own process ({@link LaneRun}): the platform's lane pipeline for lane I behind one UDP socket on
 * the rig's host, with its own clock, following the wire schedule of {@code docs/reference/hil-wire-schedule.md}.
 * {@code hil --lanes-over processes} starts these. Exit 0 after the session, 2 on bad usage, 3 when the socket
 * fails or the rig that started the lane is gone.
 */
@Command(name = "lane", mixinStandardHelpOptions = true,
    description = "Runs one lane computer of a rig session as this process, behind one UDP socket.")
public final class LaneCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Option(names = "--platform", required = true, paramLabel = "P", description = "Platform profile name.")
    private String platformName;

    @Option(names = "--index", required = true, paramLabel = "I", description = "This lane's index, 0 to n - 1.")
    private int index;

    @Mixin
    private RigConnection connection;

    @Option(names = "--bus-port", required = true, paramLabel = "PORT",
        description = "This lane's bus port on the relay: every message to another lane goes there.")
    private int busPort;

    @Option(names = "--link-ports", required = true, split = ",", paramLabel = "P0,P1,...",
        description = "Per lane j, the relay port lane j's messages arrive from (n entries; this lane's is ignored).")
    private List<Integer> linkPorts;

    @Option(names = "--port", paramLabel = "PORT", description = "This lane's own port (default 0: any free port).")
    private int port;

    @Option(names = "--frame-rate", paramLabel = "HZ", description = "Frame rate (default: the platform's).")
    private Double frameRate;

    @Option(names = "--clock-offset-us", paramLabel = "US", description = "This lane's oscillator offset (default 0).")
    private double clockOffsetUs;

    @Option(names = "--clock-drift-ppm", paramLabel = "PPM",
        description = "This lane's oscillator rate error, parts per million (default 0).")
    private double clockDriftPpm;

    @Option(names = "--joining", description = "Restarted into a running session: says so in its HELLO.")
    private boolean joining;

    @Option(names = "--warm-up-frames", paramLabel = "N",
        description = "Frames run in memory before the socket opens, so the first real frames are compiled "
            + "(default 3000).")
    private int warmUpFrames = 3_000;

    @Option(names = "--trace-messages", description = "Report every agreement message received to the rig, for "
        + "its trace.")
    private boolean traceMessages;

    /** Creates the command; picocli sets its arguments. */
    public LaneCommand() {
        // arguments are injected by picocli
    }

    @Override
    public Integer call() throws ProfileException, IOException {
        connection.check(spec);
        final PlatformProfile platform = ProfileCatalog.load(locations.profiles()).platform(platformName);
        if (platform == null) {
            throw new ParameterException(spec.commandLine(), "--platform: no platform named " + platformName);
        }
        final int lanes = platform.lanes().size();
        check(index >= 0 && index < lanes, "--index must be in 0.." + (lanes - 1) + ", got " + index);
        check(linkPorts.size() == lanes, "--link-ports needs " + lanes + " ports, got " + linkPorts.size());
        for (final int p : List.of(busPort, port)) {
            check(p >= 0 && p <= 65_535, "ports must be in 0..65535, got " + p);
        }
        check(Math.abs(clockDriftPpm) <= 1_000 && Double.isFinite(clockOffsetUs) && Math.abs(clockOffsetUs) <= 1e9,
            "--clock-drift-ppm must be within +-1000 and --clock-offset-us within +-1e9");
        check(warmUpFrames >= 0, "--warm-up-frames must be >= 0, got " + warmUpFrames);
        final double rate = frameRate != null ? frameRate : platform.frameRate();
        check(rate > 0 && rate <= 10_000, "--frame-rate must be in (0, 10000] Hz, got " + rate);
        final InetAddress address = connection.address();
        final LaneOptions options = new LaneOptions(connection.rig(),
            new InetSocketAddress(address, busPort), linkPorts.stream().mapToInt(Integer::intValue).toArray(),
            new InetSocketAddress(address, port), Math.round(1e9 / rate), Math.round(clockOffsetUs * 1e3),
            clockDriftPpm * 1e-6, joining, connection.rtPriority(), traceMessages);
        final String summary = LaneRun.run(LibraryMapping.pipeline(platform), index, options, warmUpFrames,
            connection.exitWithStdin());
        spec.commandLine().getOut().println(summary);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void check(final boolean ok, final String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
