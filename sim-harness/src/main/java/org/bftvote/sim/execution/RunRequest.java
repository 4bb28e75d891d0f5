package org.bftvote.sim.execution;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.bftvote.sim.profile.ProfileCatalog;
import org.bftvote.sim.scenario.Scenario;

/**
 * Everything a {@link ScenarioRunner} needs for one run.
 *
 * @param scenario  the validated scenario, with {@code --seed} and {@code --duration} already applied
 * @param catalog   the hardware profiles the scenario was validated against
 * @param outputDir where results go (created by the runner if missing)
 * @param out       where the human summary goes
 * @param err       where warnings and errors go
 * @param trace     where to record the run as a trace ({@code run --trace DIR}), {@code null} for no trace
 * @param force     whether an output directory holding older files is cleared ({@code --force}) rather than refused
 * @param arguments the command line after {@code bftvote-sim}, for the provenance
 */
public record RunRequest(Scenario scenario, ProfileCatalog catalog, Path outputDir, PrintWriter out,
                         PrintWriter err, Path trace, boolean force, List<String> arguments) {
    /**
     * Copies the arguments.
     *
     * @param scenario  see the record description
     * @param catalog   see the record description
     * @param outputDir see the record description
     * @param out       see the record description
     * @param err       see the record description
     * @param trace     see the record description
     * @param force     see the record description
     * @param arguments see the record description
     */
    public RunRequest {
        arguments = List.copyOf(arguments);
    }

    /**
     * A request without {@code --force} whose provenance lists no arguments.
     *
     * @param scenario  see the record description
     * @param catalog   see the record description
     * @param outputDir see the record description
     * @param out       see the record description
     * @param err       see the record description
     * @param trace     see the record description
     */
    public RunRequest(final Scenario scenario, final ProfileCatalog catalog, final Path outputDir,
        final PrintWriter out, final PrintWriter err, final Path trace) {
        this(scenario, catalog, outputDir, out, err, trace, false, List.of());
    }

    /**
     * A request that records no trace.
     *
     * @param scenario  see the record description
     * @param catalog   see the record description
     * @param outputDir see the record description
     * @param out       see the record description
     * @param err       see the record description
     */
    public RunRequest(final Scenario scenario, final ProfileCatalog catalog, final Path outputDir,
        final PrintWriter out, final PrintWriter err) {
        this(scenario, catalog, outputDir, out, err, null);
    }
}
