package org.bftvote.sim.cli;

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
 */
public record RunRequest(Scenario scenario, ProfileCatalog catalog, Path outputDir, PrintWriter out,
                         PrintWriter err) {
}
