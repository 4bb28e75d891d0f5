package org.bftvote.sim.execution;

import java.io.PrintWriter;
import java.nio.file.Path;

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
 */
public record RunRequest(Scenario scenario, ProfileCatalog catalog, Path outputDir, PrintWriter out,
                         PrintWriter err, Path trace) {

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
