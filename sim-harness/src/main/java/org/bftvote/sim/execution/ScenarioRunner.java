package org.bftvote.sim.execution;

import java.io.IOException;

import org.bftvote.sim.yaml.ProfileException;

/**
 * Runs one validated scenario: the seam between the command line and the simulation.
 *
 * <p>Contract: the run is deterministic for a given scenario (including its seed); the runner writes its results
 * under {@link RunRequest#outputDir()}, prints a human summary to {@link RunRequest#out()}, and returns
 * {@link RunOutcome#EXPECTATIONS_NOT_MET} iff the scenario has an expectation the run did not meet. Problems with the
 * scenario's content found only while running are thrown as {@link ProfileException}; failures to write results as
 * {@link IOException}.
 */
@FunctionalInterface
public interface ScenarioRunner {

    /**
     * Runs the scenario.
     *
     * @param request the scenario and where to report
     * @return how the run ended
     * @throws ProfileException if the scenario turns out to be invalid
     * @throws IOException      if results cannot be written
     */
    RunOutcome run(RunRequest request) throws ProfileException, IOException;
}
