package org.bftvote.sim.hil;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.run.LibraryMapping;
import org.bftvote.sim.run.Simulation;
import org.bftvote.sim.scenario.Scenario;
import org.bftvote.sim.yaml.ProfileException;

/**
 * The {@code hil} command's session: runs a scenario in memory or over UDP ({@link HilOptions}), writes
 * {@code hil.json} and prints the report.
 */
public final class HilRun {
    /** Name of the report file written into the output directory. */
    public static final String REPORT_JSON = "hil.json";

    private HilRun() {
    }

    /**
     * Runs one session.
     *
     * @param scenario the scenario (seed and duration applied)
     * @param options  how the session runs
     * @param dir      where {@value #REPORT_JSON} goes (created if missing)
     * @param out      where the report is printed
     * @return whether every planned frame ran and the lanes agreed in every frame (deadline misses are reported, not
     *         judged: they depend on the machine)
     * @throws ProfileException if the platform asks for a configuration the library refuses
     * @throws IOException      if a port cannot be bound or the report cannot be written
     */
    public static boolean run(final Scenario scenario, final HilOptions options, final Path dir,
        final PrintWriter out) throws ProfileException, IOException {
        final Simulation simulation = new Simulation(scenario);
        final HilResult result = options.udp()
            ? UdpSession.run(simulation, LibraryMapping.pipeline(scenario.platform()), options.frameRateHz(),
                options.portBase(), options.externalLanes())
            : MemorySession.run(simulation, options.frameRateHz(), options.realtime(), List.of());
        result.scenario = scenario.name();
        result.platform = scenario.platform().name();
        result.lanes = scenario.platform().lanes().size();
        result.frameRateHz = options.frameRateHz();
        result.framesPlanned = simulation.descriptor().durationFrames();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(REPORT_JSON), result.json(), StandardCharsets.UTF_8);
        out.print(result.text());
        out.println("report:   " + dir.resolve(REPORT_JSON));
        out.flush();
        return result.lanesAgreedThroughout();
    }
}
