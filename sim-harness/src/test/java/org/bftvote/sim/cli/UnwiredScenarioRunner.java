package org.bftvote.sim.cli;

import org.bftvote.sim.execution.RunOutcome;
import org.bftvote.sim.execution.RunRequest;
import org.bftvote.sim.execution.ScenarioRunner;

/**
 * The runner used until the simulation is connected: it reports that the scenario is valid and that nothing was
 * simulated.
 */
public final class UnwiredScenarioRunner implements ScenarioRunner {

    /**
     * Creates the runner.
     */
    public UnwiredScenarioRunner() {
        // stateless
    }

    @Override
    public RunOutcome run(final RunRequest request) {
        request.out().printf("scenario '%s' is valid (platform %s, %.3f s, seed %d, %d scheduled fault(s)); "
            + "the simulation runner is not wired into this build, nothing was simulated%n",
            request.scenario().name(), request.scenario().platform().name(), request.scenario().durationSeconds(),
            request.scenario().seed(), request.scenario().faults().size());
        return RunOutcome.NOT_RUN;
    }
}
